using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Reference;

namespace Samraad.Auth;

/// <summary>
/// Who may manage whose accounts. The admin manages all; a secretariat or a local administrator manages its own
/// organisation's users; a secretariat may also invite users to the organisations that answer its collections (it
/// sees them there, but their own administrator changes and deactivates them). Plain functions, tested without HTTP.
/// </summary>
public static class UserAccess
{
    /// <summary>The roles an organisation's users can have: answering organisations answer; bodies and authorities run and read.</summary>
    public static IReadOnlyList<string> RolesFor(OrganisationKind kind) => kind is OrganisationKind.Kommune or OrganisationKind.Partner
        ? [Roles.Respondent, Roles.LocalAdmin]
        : [Roles.Secretariat, Roles.Reader];

    /// <summary>See, invite, change role, deactivate and reactivate the users of <paramref name="organisationId"/>.</summary>
    public static bool CanManage(UserContext actor, int? organisationId) =>
        actor.IsAdmin || (organisationId is not null && actor.OrganisationId == organisationId && actor.Role is Roles.Secretariat or Roles.LocalAdmin);

    /// <summary>Invite to (and see the users of) an organisation: as <see cref="CanManage"/>, or a secretariat whose collections it answers.</summary>
    public static bool CanInvite(UserContext actor, int organisationId, bool answersActorsCollections) =>
        CanManage(actor, organisationId) || (actor.Role == Roles.Secretariat && answersActorsCollections);

    /// <summary>The organisations whose users the actor may see and invite: its own (if it manages users) and its collections' respondents.</summary>
    public static async Task<List<Organisation>> Organisations(AppDbContext db, UserContext actor, CancellationToken ct = default)
    {
        if (actor.IsAdmin) return await db.Organisations.OrderBy(o => o.Kind).ThenBy(o => o.Name).ToListAsync(ct);
        if (actor.OrganisationId is not int own || actor.Role is not (Roles.Secretariat or Roles.LocalAdmin)) return [];
        var respondents = actor.Role == Roles.Secretariat ? RespondentsOf(db, own) : db.Organisations.Where(_ => false).Select(o => o.Id);
        return await db.Organisations.Where(o => o.Id == own || respondents.Contains(o.Id)).OrderBy(o => o.Id != own).ThenBy(o => o.Name).ToListAsync(ct);
    }

    /// <summary>Whether the organisation answers (or answered) a collection owned by <paramref name="ownerId"/>.</summary>
    public static Task<bool> AnswersCollectionsOf(AppDbContext db, int organisationId, int? ownerId, CancellationToken ct = default) =>
        ownerId is int owner ? RespondentsOf(db, owner).ContainsAsync(organisationId, ct) : Task.FromResult(false);

    /// <summary>
    /// Municipalities and partners asked by a published collection of the owner: a draft gives no reach (anyone may
    /// add any organisation to a draft), and a KKR or an agency is never another's to staff.
    /// </summary>
    static IQueryable<int> RespondentsOf(AppDbContext db, int ownerId) =>
        db.CollectionRespondents.Where(r => db.Collections.Any(c => c.Id == r.CollectionId && c.OwnerOrganisationId == ownerId && c.Status != Features.Collections.CollectionStatus.Draft)
                && (r.Organisation!.Kind == OrganisationKind.Kommune || r.Organisation.Kind == OrganisationKind.Partner))
            .Select(r => r.OrganisationId);
}
