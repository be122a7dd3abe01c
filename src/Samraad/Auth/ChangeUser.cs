using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Auth;

/// <summary>
/// Change a user's role, deactivate or reactivate: for those who manage the user's organisation, never on oneself
/// (so nobody locks themselves or the last administrator out by accident). Deactivating ends every session at once
/// (the security stamp changes) and the account cannot sign in until it is reactivated; its history stays.
/// </summary>
public sealed class ChangeUser(AppDbContext db, UserManager<AppUser> users)
{
    public sealed record Input(string? Role, bool? Active);

    public async Task<Outcome<AppUser>> Handle(UserContext actor, string userId, Input input, CancellationToken ct = default)
    {
        var user = await db.Users.Include(u => u.Organisation).FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || !await InviteUser.MaySee(db, actor, user, ct)) return Outcome<AppUser>.Fail(Problem.NotFound, "Brugeren findes ikke.");
        if (!UserAccess.CanManage(actor, user.OrganisationId) || (user.Role == Roles.Admin && !actor.IsAdmin))
            return Outcome<AppUser>.Fail(Problem.Forbidden, $"Kun {user.Organisation?.DisplayName ?? "installationen"}s egen administrator kan ændre brugeren.");
        if (user.Id == actor.UserId)
            return Outcome<AppUser>.Fail(Problem.Invalid, "Du kan ikke ændre din egen rolle eller deaktivere dig selv. Bed en anden administrator.",
                [new FieldError(input.Role is not null ? "role" : "active", "Du kan ikke ændre din egen rolle eller deaktivere dig selv")]);
        if (input.Role is not null && input.Role != user.Role)
        {
            var allowed = user.Organisation is null ? [Roles.Admin] : UserAccess.RolesFor(user.Organisation.Kind);
            if (!allowed.Contains(input.Role))
                return Outcome<AppUser>.Fail(Problem.Invalid, "Rollen er ikke ændret.", [new FieldError("role", $"Vælg en af rollerne {string.Join(" og ", allowed.Select(Roles.Label))}")]);
            user.Role = input.Role;
        }
        if (input.Active is bool active) user.IsActive = active;
        // A new stamp ends the user's sessions: a new role or a deactivation applies at the next request, not at the next log-in.
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded) return Outcome<AppUser>.Fail(Problem.Conflict, "Brugeren blev ændret af en anden imens. Prøv igen.");
        return Outcome<AppUser>.Success(user);
    }
}

/// <summary>Identity's "confirmed account" is Samraad's active account: a deactivated one is refused at sign-in (NotAllowed).</summary>
public sealed class ActiveAccount : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(user.IsActive);
}
