using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Reference;

namespace Samraad.Features.Collections.Authoring;

/// <summary>
/// Adds respondents (a group, or one organisation) and removes one, before or after publishing. A removed
/// respondent's answers are never deleted: the respondent is marked removed, leaves the summary's base and its
/// response is shown as from a removed respondent; adding it again brings it back as it was. Every change is logged.
/// </summary>
public sealed class ChangeRespondents(AppDbContext db, TimeProvider clock, RespondentGroups groups)
{
    public sealed record Added(int Count, int AlreadyThere);

    public async Task<Outcome<Added>> AddGroup(CollectionContext ctx, UserContext user, string? groupKey, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<Added>.Fail(Problem.Forbidden, "Kun sekretariatet kan ændre respondenterne.");
        if (await groups.Members(groupKey, ct) is not { } members)
            return Invalid<Added>("group", string.IsNullOrWhiteSpace(groupKey) ? "Vælg en gruppe" : $"Gruppen »{groupKey}« findes ikke");
        return Outcome<Added>.Success(await Add(ctx, user, members, ct));
    }

    public async Task<Outcome<Added>> AddOne(CollectionContext ctx, UserContext user, string? organisationSlug, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<Added>.Fail(Problem.Forbidden, "Kun sekretariatet kan ændre respondenterne.");
        var slug = organisationSlug?.Trim() ?? "";
        var org = slug == "" ? null : await db.Organisations.FirstOrDefaultAsync(o => o.Slug == slug, ct);
        if (org is null) return Invalid<Added>("organisation", slug == "" ? "Vælg en organisation" : $"Organisationen »{slug}« findes ikke");
        return Outcome<Added>.Success(await Add(ctx, user, [org], ct));
    }

    public async Task<Outcome<Organisation>> Remove(CollectionContext ctx, UserContext user, string organisationSlug, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<Organisation>.Fail(Problem.Forbidden, "Kun sekretariatet kan ændre respondenterne.");
        var membership = await db.CollectionRespondents.Include(m => m.Organisation)
            .FirstOrDefaultAsync(m => m.CollectionId == ctx.Collection.Id && m.Organisation!.Slug == organisationSlug && m.RemovedAtUtc == null, ct);
        if (membership is null) return Outcome<Organisation>.Fail(Problem.NotFound, "Organisationen er ikke respondent i indsamlingen.");
        var now = clock.GetUtcNow().UtcDateTime;
        var answered = await db.Responses.AnyAsync(r => r.CollectionId == ctx.Collection.Id && r.OrganisationId == membership.OrganisationId, ct);
        membership.RemovedAtUtc = now;
        membership.RemovedBy = user.Name;
        db.AuditEntries.Add(AuditEntry.OfDefinition(ctx.Collection, user, now, AuditAction.RespondentRemoved, "respondent", membership.Organisation!.Name, null,
            answered ? "Svarene er bevaret og tæller ikke med i sammendraget" : null, membership.OrganisationId));
        await db.SaveChangesAsync(ct);
        return Outcome<Organisation>.Success(membership.Organisation);
    }

    async Task<Added> Add(CollectionContext ctx, UserContext user, IReadOnlyList<Organisation> orgs, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.CollectionRespondents.Where(m => m.CollectionId == ctx.Collection.Id).ToDictionaryAsync(m => m.OrganisationId, ct);
        int added = 0, already = 0;
        foreach (var org in orgs)
        {
            if (existing.TryGetValue(org.Id, out var m))
            {
                if (m.IsActive) { already++; continue; }
                (m.RemovedAtUtc, m.RemovedBy) = (null, null); // back, with the answers it had
            }
            else db.CollectionRespondents.Add(new CollectionRespondent { CollectionId = ctx.Collection.Id, OrganisationId = org.Id });
            db.AuditEntries.Add(AuditEntry.OfDefinition(ctx.Collection, user, now, AuditAction.RespondentAdded, "respondent", null, org.Name, organisationId: org.Id));
            added++;
        }
        await db.SaveChangesAsync(ct);
        return new Added(added, already);
    }

    static Outcome<T> Invalid<T>(string key, string message) => Outcome<T>.Fail(Problem.Invalid, "Respondenterne er ikke ændret.", [new FieldError(key, message)]);
}
