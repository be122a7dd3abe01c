using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Indicators;

/// <summary>
/// A key figure set with who may do what: the owner's secretariat sees and edits every reporter's figures, a reader
/// (e.g. a council member) sees them all, a reporting organisation sees and edits only its own.
/// </summary>
public sealed class KeyFigureContext(KeyFigureSet set, IReadOnlyList<(int Id, string Name)> reporters)
{
    public KeyFigureSet Set { get; } = set;
    public IReadOnlyList<(int Id, string Name)> Reporters { get; } = reporters;

    public static async Task<KeyFigureContext?> Load(AppDbContext db, string slug, CancellationToken ct = default)
    {
        var set = await db.KeyFigureSets.AsNoTracking().Include(s => s.Owner).Include(s => s.Reporters).ThenInclude(r => r.Organisation)
            .FirstOrDefaultAsync(s => s.Slug == slug, ct);
        return set is null ? null : new KeyFigureContext(set, set.Reporters.Select(r => (r.OrganisationId, r.Organisation!.Name)).OrderBy(r => r.Name, StringComparer.Create(DanishTime.Culture, false)).ToList());
    }

    /// <summary>The organisation id of the summed column: no organisation has it.</summary>
    public const int AllReporters = 0;

    /// <summary>Why the summed column has no figure: a sum that leaves someone out would compare unlike groups.</summary>
    public const string NotAllReported = "ikke-alle";

    /// <summary>
    /// Per period and field, the sum over the reporters that report at all (any figure in any period) — only where
    /// every one of them has the figure; otherwise the missing reason <see cref="NotAllReported"/>. So a ratio or a
    /// change from the year before is always between the same reporters' figures, never a mix.
    /// </summary>
    public static IEnumerable<KeyFigureValue> Totals(IReadOnlyCollection<KeyFigureValue> values, int asOrganisation = AllReporters)
    {
        var reporting = values.Select(v => v.OrganisationId).ToHashSet();
        foreach (var g in values.GroupBy(v => (v.Period, v.Key)))
        {
            var complete = reporting.All(r => g.Any(v => v.OrganisationId == r && v.Value is not null));
            yield return new KeyFigureValue
            {
                OrganisationId = asOrganisation, Period = g.Key.Period, Key = g.Key.Key, EnteredBy = "sum",
                Value = complete ? g.Sum(v => v.Value) : null, MissingCode = complete ? null : NotAllReported,
            };
        }
    }

    public bool CanAdminister(UserContext user) => Access.CanAdminister(user, Set.OwnerOrganisationId);

    /// <summary>The reporters whose figures the user may see; empty = no access.</summary>
    public IReadOnlyList<(int Id, string Name)> Visible(UserContext user) =>
        CanAdminister(user) || Access.IsReaderOf(user, Set.OwnerOrganisationId) ? Reporters : Reporters.Where(r => r.Id == user.OrganisationId).ToList();

    /// <summary>Figures are entered here, unless the set reads them from a collection (then they are reported there).</summary>
    public bool CanEdit(UserContext user, int organisationId) => Set.Definition().Collection is null &&
        Reporters.Any(r => r.Id == organisationId) && (CanAdminister(user) || (user.Answers && user.OrganisationId == organisationId));

    public async Task<KeyFigureReport> Report(AppDbContext db, IReadOnlyList<(int Id, string Name)> reporters, CancellationToken ct = default) =>
        (await Report(db, reporters, null, ct)).Report;

    /// <summary>
    /// The report per reporter, or — with a group set (e.g. DST's municipality groups) — per group: each group's
    /// figures summed as for all reporters together (only where every reporting member has the figure), and every
    /// indicator evaluated on those sums. Null group when the set is unknown or none of the reporters is in it.
    /// </summary>
    public async Task<(KeyFigureReport Report, string? GroupSetName)> Report(AppDbContext db, IReadOnlyList<(int Id, string Name)> reporters, string? groupSet,
        CancellationToken ct = default)
    {
        var ids = reporters.Select(r => r.Id).ToList();
        var values = Set.Definition().Collection is { } collection
            ? await CollectionFigures.Load(db, Set, collection, ids, ct)
            : await db.KeyFigureValues.AsNoTracking().Where(v => v.SetId == Set.Id && ids.Contains(v.OrganisationId)).ToListAsync(ct);
        if (groupSet is not null && reporters.Count > 1)
        {
            var members = await db.GroupMembers.Where(m => m.Group!.GroupSet!.Key == groupSet && ids.Contains(m.OrganisationId))
                .Select(m => new { m.OrganisationId, m.Group!.Name, m.Group.SortOrder, SetName = m.Group.GroupSet!.Name }).ToListAsync(ct);
            if (members.Count > 0)
            {
                var groups = members.GroupBy(m => (m.Name, m.SortOrder)).OrderBy(g => g.Key.SortOrder).ToList();
                // Each group gets an id no organisation has (negative), its members' values summed under it.
                var columns = groups.Select((g, i) => (Id: -1 - i, Name: $"{g.Key.Name} ({g.Count()})")).ToList();
                var sums = groups.SelectMany((g, i) =>
                {
                    var inGroup = g.Select(m => m.OrganisationId).ToHashSet();
                    return Totals(values.Where(v => inGroup.Contains(v.OrganisationId)).ToList(), -1 - i);
                });
                return (ComputeKeyFigures.Build(Set, [.. columns, (AllReporters, "Alle indberettere i alt")], [.. sums, .. Totals(values)]), members[0].SetName);
            }
        }
        if (reporters.Count < 2) return (ComputeKeyFigures.Build(Set, reporters, values), null);
        // Several reporters: one more column per period with their figures summed, so every indicator is also
        // evaluated for the group as a whole (a ratio of sums, not an average of ratios).
        return (ComputeKeyFigures.Build(Set, [.. reporters, (AllReporters, "Alle indberettere i alt")], [.. values, .. Totals(values)]), null);
    }

    /// <summary>The group sets at least one of these reporters belongs to, for "Opdel efter".</summary>
    public async Task<List<(string Key, string Name)>> GroupSets(AppDbContext db, IReadOnlyList<(int Id, string Name)> reporters, CancellationToken ct = default)
    {
        var ids = reporters.Select(r => r.Id).ToList();
        var sets = await db.GroupMembers.Where(m => ids.Contains(m.OrganisationId))
            .Select(m => new { m.Group!.GroupSet!.Key, m.Group.GroupSet.Name, m.Group.GroupSet.SortOrder }).Distinct().ToListAsync(ct);
        return reporters.Count < 2 ? [] : sets.OrderBy(s => s.SortOrder).Select(s => (s.Key, s.Name)).ToList();
    }
}
