using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Auth;

/// <summary>
/// The page behind an invitation or reset link: the new password twice. The link is used up in the same transaction
/// as the password is set (a conditional UPDATE, so of two tabs posting the same link one wins); every session of the
/// account ends (the security stamp changes), a lockout is lifted, and the address counts as confirmed.
/// </summary>
public sealed class UseAccountLink(AppDbContext db, UserManager<AppUser> users, AccountLinks links, TimeProvider clock)
{
    public async Task<Outcome<AppUser>> Handle(TokenPurpose purpose, string? secret, string? password, string? repeat, CancellationToken ct = default)
    {
        var (token, problem) = await links.Find(purpose, secret, ct);
        if (token is null) return Outcome<AppUser>.Fail(Problem.Conflict, problem!);
        var user = token.User!;
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(password)) errors.Add(new FieldError("new", "Skriv den nye adgangskode"));
        else if (password.Length > 256) errors.Add(new FieldError("new", "Adgangskoden må højst være 256 tegn"));
        else if (password != repeat) errors.Add(new FieldError("repeat", "Skriv den samme adgangskode to gange"));
        else
        {
            var failures = new List<IdentityError>();
            foreach (var validator in users.PasswordValidators)
                if (await validator.ValidateAsync(users, user, password) is { Succeeded: false } r) failures.AddRange(r.Errors);
            if (failures.Count > 0) errors.Add(new FieldError("new", ChangePassword.Danish(failures)));
        }
        if (errors.Count > 0) return Outcome<AppUser>.Fail(Problem.Invalid, "Adgangskoden er ikke gemt.", errors);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var used = await db.AccountTokens.Where(t => t.Id == token.Id && t.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (used != 1) return Outcome<AppUser>.Fail(Problem.Conflict, "Linket er allerede brugt. Log ind med din adgangskode, eller bed om et nyt link.");
        // A password set ends every other open link of the account (an invitation, an earlier reset).
        await db.AccountTokens.Where(t => t.UserId == user.Id && t.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password!);
        user.EmailConfirmed = true;
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        var result = await users.UpdateSecurityStampAsync(user); // saves the user; every earlier session ends
        if (!result.Succeeded) return Outcome<AppUser>.Fail(Problem.Conflict, "Kontoen blev ændret imens. Prøv igen.");
        await tx.CommitAsync(ct);
        return Outcome<AppUser>.Success(user);
    }
}
