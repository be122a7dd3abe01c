using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Auth;

/// <summary>
/// *Inviter bruger*: an account for an organisation in one of its roles, with the e-mail address as user name and no
/// password; the invitee chooses one from the e-mailed link. The account, the link and the e-mail are saved in one
/// transaction. An address that already has an account is refused (the user is found on the list instead).
/// </summary>
public sealed class InviteUser(AppDbContext db, UserManager<AppUser> users, AccountLinks links, TimeProvider clock)
{
    public sealed record Input(string? OrganisationSlug, string? Email, string? FullName, string? Role);

    public const int MaxEmailLength = 254;

    public async Task<Outcome<AppUser>> Handle(UserContext actor, Input input, CancellationToken ct = default)
    {
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Slug == input.OrganisationSlug, ct);
        if (org is null) return Outcome<AppUser>.Fail(Problem.NotFound, "Organisationen findes ikke.");
        if (!UserAccess.CanInvite(actor, org.Id, await UserAccess.AnswersCollectionsOf(db, org.Id, actor.Role == Roles.Secretariat ? actor.OrganisationId : null, ct)))
            return Outcome<AppUser>.Fail(Problem.Forbidden, "Du kan ikke invitere brugere til denne organisation.");

        var email = (input.Email ?? "").Trim().ToLowerInvariant();
        var name = (input.FullName ?? "").Trim();
        var errors = new List<FieldError>();
        if (email == "") errors.Add(new FieldError("email", "Skriv personens e-mailadresse"));
        else if (email.Length > MaxEmailLength || !IsEmail(email)) errors.Add(new FieldError("email", "Skriv en e-mailadresse som navn@kommune.dk"));
        if (name == "") errors.Add(new FieldError("fullName", "Skriv personens navn"));
        else if (name.Length > 200) errors.Add(new FieldError("fullName", "Navnet må højst være 200 tegn"));
        else if (name.Any(char.IsControl)) errors.Add(new FieldError("fullName", "Navnet må ikke indeholde linjeskift eller styretegn"));
        var allowed = UserAccess.RolesFor(org.Kind);
        if (string.IsNullOrEmpty(input.Role)) errors.Add(new FieldError("role", "Vælg en rolle"));
        else if (!allowed.Contains(input.Role)) errors.Add(new FieldError("role", $"Vælg en af rollerne {string.Join(" og ", allowed.Select(Roles.Label))}"));
        if (errors.Count == 0 && (await users.FindByEmailAsync(email) is not null || await users.FindByNameAsync(email) is not null))
            errors.Add(new FieldError("email", "Der findes allerede en konto med den e-mailadresse. Find personen på listen over brugere"));
        if (errors.Count > 0) return Outcome<AppUser>.Fail(Problem.Invalid, "Invitationen er ikke sendt.", errors);

        var user = new AppUser
        {
            UserName = email, Email = email, FullName = name, Role = input.Role!, OrganisationId = org.Id, LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
            return Outcome<AppUser>.Fail(Problem.Invalid, "Invitationen er ikke sendt.", [new FieldError("email",
                created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidUserName))
                    ? "E-mailadressen har tegn, der ikke kan bruges i et brugernavn (brug bogstaverne a-z, tal og . - _ +)"
                    : "Der findes allerede en konto med den e-mailadresse")]); // created by another request a moment ago
        await links.Issue(user, TokenPurpose.Invitation, actor.UserId, org.DisplayName, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<AppUser>.Success(user);
    }

    /// <summary>A new invitation link for an invited user who has not chosen a password yet (the old link stops working).</summary>
    public async Task<Outcome<AppUser>> Resend(UserContext actor, string userId, CancellationToken ct = default)
    {
        var user = await db.Users.Include(u => u.Organisation).FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return Outcome<AppUser>.Fail(Problem.NotFound, "Brugeren findes ikke.");
        if (!await MaySee(db, actor, user, ct)) return Outcome<AppUser>.Fail(Problem.NotFound, "Brugeren findes ikke.");
        if (!user.IsInvited || !user.IsActive || user.Email is null)
            return Outcome<AppUser>.Fail(Problem.Conflict, "Brugeren har allerede taget imod invitationen (eller er deaktiveret); der sendes ikke en ny invitation.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await links.Issue(user, TokenPurpose.Invitation, actor.UserId, user.Organisation?.DisplayName, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<AppUser>.Success(user);
    }

    /// <summary>Whether the actor may see this user at all: it manages, or may invite to, the user's organisation.</summary>
    public static async Task<bool> MaySee(AppDbContext db, UserContext actor, AppUser user, CancellationToken ct) =>
        UserAccess.CanManage(actor, user.OrganisationId)
        || (user.OrganisationId is int org && actor.Role == Roles.Secretariat
            && UserAccess.CanInvite(actor, org, await UserAccess.AnswersCollectionsOf(db, org, actor.OrganisationId, ct)));

    /// <summary>The address's shape only (one @, a dot in the domain, no spaces): whether it exists is for the mail server to say.</summary>
    public static bool IsEmail(string email) =>
        email.Count(c => c == '@') == 1 && email.IndexOf('@') is > 0 and var at && at < email.Length - 1
        && email[(at + 1)..].Contains('.') && !email.EndsWith('.') && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"')
        && MimeKit.MailboxAddress.TryParse(email, out _);
}
