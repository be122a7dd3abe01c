using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Auth;

/// <summary>
/// *Glemt adgangskode*: a reset link to the account's address. The answer is the same whether the address or name
/// belongs to an account or not (so the form does not tell who has one); at most three links an hour per account,
/// so the form cannot be used to flood someone's inbox.
/// </summary>
public sealed class RequestPasswordReset(AppDbContext db, UserManager<AppUser> users, AccountLinks links, TimeProvider clock)
{
    public const int PerHour = 3;

    public async Task<Outcome<bool>> Handle(string? emailOrUserName, CancellationToken ct = default)
    {
        var given = (emailOrUserName ?? "").Trim();
        if (given == "") return Outcome<bool>.Fail(Problem.Invalid, "Der er ikke sendt et link.", [new FieldError("email", "Skriv din e-mailadresse eller dit brugernavn")]);
        if (given.Length > InviteUser.MaxEmailLength) return Outcome<bool>.Fail(Problem.Invalid, "Der er ikke sendt et link.", [new FieldError("email", $"Højst {InviteUser.MaxEmailLength} tegn")]);
        var user = await users.FindByEmailAsync(given) ?? await users.FindByNameAsync(given);
        if (user is null || !user.IsActive || string.IsNullOrEmpty(user.Email)) return Outcome<bool>.Success(true);
        var hourAgo = clock.GetUtcNow().UtcDateTime.AddHours(-1);
        if (await db.AccountTokens.CountAsync(t => t.UserId == user.Id && t.Purpose == TokenPurpose.PasswordReset && t.CreatedAt > hourAgo, ct) >= PerHour)
            return Outcome<bool>.Success(true);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await links.Issue(user, TokenPurpose.PasswordReset, null, null, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<bool>.Success(true);
    }
}
