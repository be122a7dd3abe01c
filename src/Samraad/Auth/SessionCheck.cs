using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samraad.Data;

namespace Samraad.Auth;

/// <summary>
/// Every request checks its session against the account, so logging out, a changed password, a reset or a
/// deactivation (each changes the security stamp) ends every session at once, on every node. Identity's own validator
/// does this by rebuilding the principal and writing a new cookie on every request when asked to check each time;
/// this one reads the account's row (stamp, state and what the cookie carries; for an account without two-factor also
/// the roles that require it) and rebuilds only when something the cookie
/// carries changed without ending the session: a role that now requires two-factor sign-in, a new name. Under a
/// deadline day's saves that is most of a request's work saved (`bench load`).
/// </summary>
public sealed class SessionCheck(SignInManager<AppUser> signIn, AppDbContext db, TwoFactorPolicy policy, IOptions<IdentityOptions> identity) : ISecurityStampValidator
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var claims = identity.Value.ClaimsIdentity;
        var principal = context.Principal;
        var id = principal?.FindFirstValue(claims.UserIdClaimType);
        var user = id is null ? null : await db.Set<AppUser>().AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.IsActive, u.UserName, u.Role, u.OrganisationId, u.TwoFactorEnabled, u.FullName }).FirstOrDefaultAsync();
        if (principal is null || user is null || !user.IsActive || user.SecurityStamp != principal.FindFirstValue(claims.SecurityStampClaimType))
        {
            context.RejectPrincipal();
            await signIn.SignOutAsync(); // as Identity's validator: the application, external and two-factor cookies
            return;
        }
        var role = !user.TwoFactorEnabled && await policy.Required(user.Role) ? Roles.PendingTwoFactor : user.Role;
        if (principal.FindFirstValue(ClaimTypes.Role) == role && principal.FindFirstValue(UserContext.NameClaim) == user.FullName
            && principal.FindFirstValue(claims.UserNameClaimType) == user.UserName
            && principal.FindFirstValue(UserContext.OrganisationClaim) == user.OrganisationId?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            return;
        // What the cookie says is out of date: a new principal and cookie, keeping how the user signed in ("amr").
        if (await signIn.UserManager.FindByIdAsync(id!) is not { } account) { context.RejectPrincipal(); await signIn.SignOutAsync(); return; }
        var fresh = await signIn.CreateUserPrincipalAsync(account);
        if (fresh.Identity is ClaimsIdentity freshIdentity)
            foreach (var amr in principal.FindAll("amr")) freshIdentity.AddClaim(new Claim(amr.Type, amr.Value));
        context.ReplacePrincipal(fresh);
        context.ShouldRenew = true;
    }
}
