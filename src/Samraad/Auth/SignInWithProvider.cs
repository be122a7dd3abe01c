using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Notifications;

namespace Samraad.Auth;

/// <summary>
/// After the identity provider answered (its id_token checked by the OpenID Connect handler: signature, issuer,
/// audience, nonce, state, PKCE): finds the invited account the identity belongs to and signs it in — or says in
/// Danish why not. An identity that matches no account gets nothing: single sign-on never creates access. A provider
/// reaches only the accounts of its organisations; linking an identity to an account is said to the account by e-mail.
/// </summary>
public sealed class SignInWithProvider(AppDbContext db, SignInManager<AppUser> signIn, AccountLinks links, Outbox outbox, TimeProvider clock)
{
    public sealed record Result(AppUser? User, bool RequiresTwoFactor, bool MustSetUpTwoFactor, string? Problem);

    /// <summary>The identity as the handler read it; <c>invitation</c>: the invitation token when the invitee accepts it through the provider (links the identity to that account).</summary>
    public async Task<Result> Handle(SingleSignOnProvider provider, ClaimsPrincipal identity, string? invitation, CancellationToken ct = default)
    {
        var subject = identity.FindFirst("sub")?.Value;
        var value = identity.FindFirst(provider.MatchClaim)?.Value?.Trim();
        if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(value) || value.Length > 256)
            return Fail($"{provider.DisplayName} sendte ikke {(provider.MatchesByEmail ? "din e-mailadresse" : "dit id")}, så du kan ikke genkendes. Kontakt din administrator.");
        // An address is only proof when the provider says it verified it (or is trusted to verify every address).
        if (provider.MatchesByEmail && !provider.TrustEmail && !(bool.TryParse(identity.FindFirst("email_verified")?.Value, out var verified) && verified))
            return Fail($"{provider.DisplayName} har ikke bekræftet e-mailadressen {value}, så den kan ikke bruges til at logge ind.");
        // What the account is linked by: the provider's own subject when matching by e-mail (so a later change of
        // address at the provider still finds the account), else the configured claim.
        var key = provider.MatchesByEmail ? subject : value;

        var user = await signIn.UserManager.FindByLoginAsync(provider.Scheme, key);
        AccountToken? token = null;
        if (invitation is not null)
        {
            (token, var problem) = await links.Find(TokenPurpose.Invitation, invitation, ct);
            if (token is null) return Fail(problem!);
            if (user is not null && user.Id != token.UserId) return Fail($"Din identitet hos {provider.DisplayName} er allerede knyttet til en anden konto i Samraad.");
            if (provider.MatchesByEmail && !string.Equals(token.User!.Email, value, StringComparison.OrdinalIgnoreCase))
                return Fail($"Invitationen er sendt til {token.User!.Email}, men {provider.DisplayName} kender dig som {value}. Log ind med den konto, invitationen er sendt til.");
            user = token.User!;
        }
        else if (user is null && provider.MatchesByEmail)
        {
            var normalized = value.ToUpperInvariant();
            var matches = await db.Users.Include(u => u.Organisation).Where(u => u.NormalizedEmail == normalized).Take(2).ToListAsync(ct);
            if (matches.Count > 1) return Fail($"Flere konti i Samraad har adressen {value}. Bed din administrator om at rette det.");
            user = matches.SingleOrDefault();
        }
        if (user is null)
            return Fail(provider.MatchesByEmail
                ? $"Der er ingen konto i Samraad til {value}. Bed sekretariatet eller din administrator om en invitation."
                : $"Din identitet hos {provider.DisplayName} er ikke knyttet til en konto i Samraad. Acceptér din invitation med {provider.DisplayName}, eller bed om en ny.");
        await db.Entry(user).Reference(u => u.Organisation).LoadAsync(ct);
        if (provider.OrganisationSlugs.Count > 0 && (user.Organisation is null || !provider.OrganisationSlugs.Contains(user.Organisation.Slug)))
            return Fail($"{provider.DisplayName} kan ikke bruges til at logge ind på denne konto. Brug dit brugernavn og din adgangskode.");
        if (!user.IsActive) return Fail("Kontoen er deaktiveret. Kontakt din administrator.");

        if (await signIn.UserManager.FindByLoginAsync(provider.Scheme, key) is null && await Link(provider, user, key, token, ct) is { } failed) return Fail(failed);

        var result = await signIn.ExternalLoginSignInAsync(provider.Scheme, key, isPersistent: false, bypassTwoFactor: provider.BypassTwoFactor);
        if (result.RequiresTwoFactor) return new Result(user, true, false, null); // logged at the second step
        if (result.IsLockedOut) { await AccountEndpoints.Log(signIn, user, false, provider.DisplayName, "Kontoen er spærret"); return Fail("Kontoen er midlertidigt spærret efter for mange forkerte forsøg. Prøv igen om et kvarter."); }
        if (!result.Succeeded) { await AccountEndpoints.Log(signIn, user, false, provider.DisplayName, "Afvist"); return Fail("Du kunne ikke logges ind. Kontakt din administrator."); }
        await AccountEndpoints.Log(signIn, user, true, provider.DisplayName, "");
        return new Result(user, false, !user.TwoFactorEnabled && await signIn.Context.RequestServices.GetRequiredService<TwoFactorPolicy>().Required(user.Role, ct), null);
    }

    /// <summary>
    /// Links the identity to the account, in one transaction with using up the invitation (when it is accepted
    /// this way) and the security mail that says so: all or nothing, and of two tabs one wins.
    /// </summary>
    async Task<string?> Link(SingleSignOnProvider provider, AppUser user, string key, AccountToken? token, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (token is not null && await db.AccountTokens.Where(t => t.Id == token.Id && t.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct) != 1)
                return "Linket er allerede brugt. Log ind, eller bed om en ny invitation.";
            if (user.IsInvited)
            {
                // Signing in through the provider with the address the invitation went to accepts it; its links end.
                user.EmailConfirmed = true;
                await db.AccountTokens.Where(t => t.UserId == user.Id && t.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
            }
            db.UserLogins.Add(new IdentityUserLogin<string> { LoginProvider = provider.Scheme, ProviderKey = key, ProviderDisplayName = provider.DisplayName, UserId = user.Id });
            outbox.To(user, MessageCategory.Security, MessageKinds.SignInLinked, new MailTemplate(
                $"Din konto kan nu logge ind med {provider.DisplayName}", $"Kære {user.FullName}",
                [$"Din konto {user.UserName} i Samraad er {DanishTime.Format(now)} blevet knyttet til log-in med {provider.DisplayName}.",
                 "Var det ikke dig, så kontakt straks din administrator."],
                null, null, MailTemplate.AutomaticFooter), new MessageRefs(OrganisationId: user.OrganisationId));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            return "Kontoen blev ændret imens, eller identiteten er allerede knyttet til en konto. Prøv igen.";
        }
    }

    static Result Fail(string problem) => new(null, false, false, problem);
}
