using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Auth;

/// <summary>
/// After the identity provider answered (its id_token checked by the OpenID Connect handler: signature, issuer,
/// audience, nonce, state, PKCE): finds the invited account the identity belongs to and signs it in — or says in
/// Danish why not. An identity that matches no account gets nothing: single sign-on never creates access.
/// </summary>
public sealed class SignInWithProvider(AppDbContext db, SignInManager<AppUser> signIn, AccountLinks links, TimeProvider clock)
{
    public sealed record Result(AppUser? User, bool RequiresTwoFactor, bool MustSetUpTwoFactor, string? Problem);

    /// <summary>The identity as the handler read it; <c>invitation</c>: the invitation token when the invitee accepts it through the provider (links the identity to that account).</summary>
    public async Task<Result> Handle(SingleSignOnProvider provider, ClaimsPrincipal identity, string? invitation, CancellationToken ct = default)
    {
        var subject = identity.FindFirst("sub")?.Value;
        var value = identity.FindFirst(provider.MatchClaim)?.Value?.Trim();
        if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(value) || value.Length > 256)
            return Fail($"{provider.DisplayName} sendte ikke {(provider.MatchesByEmail ? "din e-mailadresse" : "dit id")}, så du kan ikke genkendes. Kontakt din administrator.");
        if (provider.MatchesByEmail && identity.FindFirst("email_verified")?.Value is { } verified && !(bool.TryParse(verified, out var ok) && ok))
            return Fail($"{provider.DisplayName} har ikke bekræftet e-mailadressen {value}, så den kan ikke bruges til at logge ind.");
        // What the account is linked by: the provider's own subject when matching by e-mail (so a later change of
        // address at the provider still finds the account), else the configured claim.
        var key = provider.MatchesByEmail ? subject : value;

        var user = await signIn.UserManager.FindByLoginAsync(provider.Scheme, key);
        if (invitation is not null)
        {
            var (token, problem) = await links.Find(TokenPurpose.Invitation, invitation, ct);
            if (token is null) return Fail(problem!);
            if (user is not null && user.Id != token.UserId) return Fail($"Din identitet hos {provider.DisplayName} er allerede knyttet til en anden konto i Samraad.");
            if (provider.MatchesByEmail && !string.Equals(token.User!.Email, value, StringComparison.OrdinalIgnoreCase))
                return Fail($"Invitationen er sendt til {token.User!.Email}, men {provider.DisplayName} kender dig som {value}. Log ind med den konto, invitationen er sendt til.");
            user = token.User!;
            var now = clock.GetUtcNow().UtcDateTime;
            if (await db.AccountTokens.Where(t => t.Id == token.Id && t.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct) != 1)
                return Fail("Linket er allerede brugt. Log ind med din adgangskode, eller brug Glemt adgangskode.");
        }
        else if (user is null && provider.MatchesByEmail)
        {
            var normalized = value.ToUpperInvariant();
            var matches = await db.Users.Where(u => u.NormalizedEmail == normalized).Take(2).ToListAsync(ct);
            user = matches.Count == 1 ? matches[0] : null;
        }
        if (user is null)
            return Fail(provider.MatchesByEmail
                ? $"Der er ingen konto i Samraad til {value}. Bed sekretariatet eller din administrator om en invitation."
                : $"Din identitet hos {provider.DisplayName} er ikke knyttet til en konto i Samraad. Acceptér din invitation med {provider.DisplayName}, eller bed om en ny.");
        if (!user.IsActive) return Fail("Kontoen er deaktiveret. Kontakt din administrator.");

        if (await signIn.UserManager.FindByLoginAsync(provider.Scheme, key) is null)
        {
            var added = await signIn.UserManager.AddLoginAsync(user, new UserLoginInfo(provider.Scheme, key, provider.DisplayName));
            if (!added.Succeeded) return Fail("Kontoen blev ændret imens. Prøv igen.");
        }
        if (user.IsInvited)
        {
            // Signing in through the provider with the address the invitation went to accepts it; its links end.
            user.EmailConfirmed = true;
            await signIn.UserManager.UpdateAsync(user);
            var now = clock.GetUtcNow().UtcDateTime;
            await db.AccountTokens.Where(t => t.UserId == user.Id && t.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        }

        var result = await signIn.ExternalLoginSignInAsync(provider.Scheme, key, isPersistent: false, bypassTwoFactor: provider.BypassTwoFactor);
        if (result.RequiresTwoFactor) return new Result(user, true, false, null); // logged at the second step
        if (result.IsLockedOut) { await AccountEndpoints.Log(signIn, user, false, provider.DisplayName, "Kontoen er spærret"); return Fail("Kontoen er midlertidigt spærret efter for mange forkerte forsøg. Prøv igen om et kvarter."); }
        if (!result.Succeeded) { await AccountEndpoints.Log(signIn, user, false, provider.DisplayName, "Afvist"); return Fail("Du kunne ikke logges ind. Kontakt din administrator."); }
        await AccountEndpoints.Log(signIn, user, true, provider.DisplayName, "");
        return new Result(user, false, TwoFactor.Required(signIn.Context.RequestServices.GetRequiredService<SamraadOptions>(), user.Role) && !user.TwoFactorEnabled, null);
    }

    static Result Fail(string problem) => new(null, false, false, problem);
}
