using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Samraad.Auth;

/// <summary>Puts role, organisation and full name into the sign-in cookie, so requests need no user lookup.</summary>
public sealed class ClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, TwoFactorPolicy policy)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        // A role that must use two-factor, without it set up, acts for nothing until it is (Min konto → To-faktor-log ind).
        identity.AddClaim(new Claim(ClaimTypes.Role, !user.TwoFactorEnabled && await policy.Required(user.Role) ? Roles.PendingTwoFactor : user.Role));
        identity.AddClaim(new Claim(UserContext.NameClaim, user.FullName));
        if (user.OrganisationId is int org) identity.AddClaim(new Claim(UserContext.OrganisationClaim, org.ToString()));
        return identity;
    }
}
