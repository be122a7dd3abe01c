using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Notifications;

namespace Samraad.Auth;

/// <summary>
/// The one-time links of invitations and password resets: a random secret in the link, its SHA-256 in the database.
/// Issuing one queues its e-mail on the same DbContext, so the caller's SaveChanges writes both or neither.
/// </summary>
public sealed class AccountLinks(AppDbContext db, Outbox outbox, TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(1);

    public static string PathOf(TokenPurpose purpose, string secret) =>
        (purpose == TokenPurpose.Invitation ? "/invitation/" : "/nulstil-adgangskode/") + secret;

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Issues a link (earlier unused links of the same kind stop working) and queues the e-mail with it.</summary>
    public async Task Issue(AppUser user, TokenPurpose purpose, string? invitedBy, string? organisationName, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.AccountTokens.Where(t => t.UserId == user.Id && t.Purpose == purpose && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var lifetime = purpose == TokenPurpose.Invitation ? InvitationLifetime : ResetLifetime;
        db.AccountTokens.Add(new AccountToken { UserId = user.Id, Purpose = purpose, TokenHash = Hash(secret), CreatedAt = now, ExpiresAt = now + lifetime, CreatedByUserId = invitedBy });
        var link = outbox.Link(PathOf(purpose, secret));
        var expires = DanishTime.Format(now + lifetime);
        var mail = purpose == TokenPurpose.Invitation
            ? new MailTemplate("Du er inviteret til Samraad", $"Kære {user.FullName}",
                [$"Du er inviteret til Samraad som {Roles.Label(user.Role).ToLowerInvariant()}{(organisationName is null ? "" : $" for {organisationName}")}. Samraad bruges af KKR til indsamlinger, møder og opfølgning.",
                 $"Dit brugernavn er {user.UserName}. Vælg din adgangskode via linket. Linket kan bruges én gang og udløber {expires}."],
                "Vælg din adgangskode", link, MailTemplate.AutomaticFooter)
            : new MailTemplate("Nulstil din adgangskode til Samraad", $"Kære {user.FullName}",
                [$"Vi har fået en anmodning om at nulstille adgangskoden til din konto {user.UserName}. Vælg en ny adgangskode via linket. Linket kan bruges én gang og udløber {expires}.",
                 "Har du ikke bedt om det, kan du se bort fra denne e-mail; din adgangskode er ikke ændret."],
                "Vælg en ny adgangskode", link, MailTemplate.AutomaticFooter);
        outbox.To(user, MessageCategory.Security, purpose == TokenPurpose.Invitation ? MessageKinds.Invitation : MessageKinds.PasswordReset, mail,
            new MessageRefs(OrganisationId: user.OrganisationId));
    }

    /// <summary>The link's token and account, or why it cannot be used (in Danish).</summary>
    public async Task<(AccountToken? Token, string? Problem)> Find(TokenPurpose purpose, string? secret, CancellationToken ct = default)
    {
        const string Unknown = "Linket er ikke gyldigt. Kopiér hele linket fra e-mailen, eller bed om et nyt.";
        if (string.IsNullOrEmpty(secret) || secret.Length > 100) return (null, Unknown);
        var hash = Hash(secret);
        var token = await db.AccountTokens.Include(t => t.User).ThenInclude(u => u!.Organisation)
            .FirstOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose, ct);
        if (token?.User is null) return (null, Unknown);
        if (token.UsedAt is not null)
            return (null, purpose == TokenPurpose.Invitation ? "Linket er allerede brugt. Log ind, eller brug Glemt adgangskode." : "Linket er allerede brugt. Bed om et nyt under Glemt adgangskode.");
        if (token.ExpiresAt <= clock.GetUtcNow().UtcDateTime)
            return (null, purpose == TokenPurpose.Invitation ? "Invitationen er udløbet. Bed den, der inviterede dig, om at sende en ny." : "Linket er udløbet (det gælder en time). Bed om et nyt under Glemt adgangskode.");
        if (!token.User.IsActive) return (null, "Kontoen er deaktiveret. Kontakt din administrator.");
        if (purpose == TokenPurpose.Invitation && !token.User.IsInvited) return (null, "Linket er allerede brugt. Log ind, eller brug Glemt adgangskode.");
        return (token, null);
    }

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
