using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Reference;

namespace Samraad.Features.Surveys;

/// <summary>
/// A survey with who may do what: the owner's secretariat (and the administrator) imports and sees everything; a
/// reader (a council member) sees the results; nobody else. Microdata is not any one respondent organisation's own.
/// </summary>
public sealed class SurveyContext(Survey survey, SurveyDefinition definition)
{
    public Survey Survey { get; } = survey;
    public SurveyDefinition Definition { get; } = definition;

    public static async Task<SurveyContext?> Load(AppDbContext db, string slug, CancellationToken ct = default)
    {
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Owner).FirstOrDefaultAsync(s => s.Slug == slug, ct);
        return survey is null ? null : new SurveyContext(survey, survey.Definition());
    }

    public bool CanAdminister(UserContext user) => Access.CanAdminister(user, Survey.OwnerOrganisationId);
    public bool CanRead(UserContext user) => CanAdminister(user) || Access.IsReaderOf(user, Survey.OwnerOrganisationId);

    /// <summary>The ways to split, with Danish labels: the pack's dimensions and its group sets.</summary>
    public async Task<IReadOnlyList<(string Key, string Label)>> Splits(AppDbContext db, CancellationToken ct = default)
    {
        var keys = Definition.GroupSets ?? [];
        var names = await db.GroupSets.Where(g => keys.Contains(g.Key)).ToDictionaryAsync(g => g.Key, g => g.Name, ct);
        return Definition.Splits(names);
    }

    /// <summary>
    /// Counts of one question's answers by a split, straight from the covering index (GROUP BY dimension, answer).
    /// A group set is counted by municipality and then summed per group: at most 98 rows leave the database.
    /// </summary>
    public async Task<(List<PivotCount> Counts, List<string> Order)> Counts(AppDbContext db, int question, string? split, string? filter = null, CancellationToken ct = default)
    {
        var q = (short)question;
        var rows = db.SurveyAnswers.Where(a => a.SurveyId == Survey.Id && a.Question == q);
        if (filter is not null) rows = await Filtered(db, rows, filter, ct);
        if (split is null)
            return (await rows.GroupBy(a => a.Answer).Select(g => new PivotCount(null, g.Key, g.Count())).ToListAsync(ct), []);
        var dim = Definition.Dimensions.ToList().FindIndex(d => d.Key == split);
        if (dim < 0 && !(Definition.GroupSets ?? []).Contains(split)) throw new ArgumentException($"Ukendt opdeling »{split}«");
        var byDim = dim >= 0 ? dim : Definition.Dimensions.ToList().FindIndex(d => d.Kind == DimensionKind.Municipality);
        var counts = byDim switch
        {
            0 => await rows.GroupBy(a => new { a.D1, a.Answer }).Select(g => new PivotCount(g.Key.D1, g.Key.Answer, g.Count())).ToListAsync(ct),
            1 => await rows.GroupBy(a => new { a.D2, a.Answer }).Select(g => new PivotCount(g.Key.D2, g.Key.Answer, g.Count())).ToListAsync(ct),
            _ => await rows.GroupBy(a => new { a.D3, a.Answer }).Select(g => new PivotCount(g.Key.D3, g.Key.Answer, g.Count())).ToListAsync(ct),
        };
        if (dim >= 0)
        {
            var d = Definition.Dimensions[dim];
            var order = d.Values?.ToList() ?? (d.Kind == DimensionKind.Region
                ? await db.Organisations.Where(o => o.Kind == OrganisationKind.Region).OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(ct)
                : []);
            if (d.Kind == DimensionKind.Municipality)
            {
                var names = await MunicipalityNames(db, ct);
                counts = counts.Select(c => c with { Column = c.Column is null ? null : names.GetValueOrDefault(c.Column, c.Column) }).ToList();
            }
            return (counts, order);
        }
        var groups = await db.Groups.Where(g => g.GroupSet!.Key == split).OrderBy(g => g.SortOrder)
            .Select(g => new { g.Name, Codes = g.Members.Select(m => m.Organisation!.MunicipalityCode) }).ToListAsync(ct);
        var groupOf = groups.SelectMany(g => g.Codes.Where(c => c != null).Select(c => (Code: c!.Value.ToString(), g.Name))).ToDictionary(x => x.Code, x => x.Name);
        var summed = counts.GroupBy(c => (Group: c.Column is null ? null : groupOf.GetValueOrDefault(c.Column), c.Answer))
            .Select(g => new PivotCount(g.Key.Group, g.Key.Answer, g.Sum(c => c.Count))).ToList();
        return (summed, groups.Select(g => g.Name).ToList());
    }

    public async Task<PivotTable> Pivot(AppDbContext db, string question, string? split, string? categories = null, IReadOnlyList<string>? only = null,
        string? title = null, string? filter = null, CancellationToken ct = default)
    {
        var q = Definition.Question(question) ?? throw new ArgumentException($"Ukendt spørgsmål »{question}«");
        var (counts, order) = await Counts(db, Definition.QuestionNo(question), split, filter, ct);
        var splitLabel = split is null ? "" : (await Splits(db, ct)).FirstOrDefault(s => s.Key == split).Label ?? split;
        title ??= q.ShortLabel + (filter is null ? "" : $" – kun {filter[(filter.IndexOf(':') + 1)..]}");
        // A filtered table is not what the source printed: its figures are not checked against the print.
        var def = filter is null ? Definition : Definition with { Printed = [] };
        return SurveyPivot.Build(def, title, q, split, splitLabel, counts, order, Definition.CategoriesOf(categories), only);
    }

    /// <summary>
    /// The values a pivot can be limited to, as "dimension:value" with a Danish label: each value of a text or region
    /// dimension that occurs, and each group of the pack's group sets. With a split this is the second dimension.
    /// </summary>
    public async Task<IReadOnlyList<(string Key, string Label)>> Filters(AppDbContext db, CancellationToken ct = default)
    {
        var result = new List<(string, string)>();
        for (var i = 0; i < Definition.Dimensions.Count; i++)
        {
            var d = Definition.Dimensions[i];
            if (d.Kind == DimensionKind.Municipality) continue;
            var index = i;
            var values = await db.SurveyRespondents.Where(r => r.SurveyId == Survey.Id)
                .Select(r => index == 0 ? r.D1 : index == 1 ? r.D2 : r.D3).Where(v => v != null).Distinct().ToListAsync(ct);
            result.AddRange(values.Order(StringComparer.Create(DanishTime.Culture, false)).Select(v => ($"{d.Key}:{v}", $"{d.Label}: {v}")));
        }
        foreach (var set in Definition.GroupSets ?? [])
        {
            var groups = await db.Groups.Where(g => g.GroupSet!.Key == set).OrderBy(g => g.SortOrder).Select(g => g.Name).ToListAsync(ct);
            result.AddRange(groups.Select(g => ($"{set}:{g}", g)));
        }
        return result;
    }

    /// <summary>Only the answers of respondents with one value of a dimension, or in one group of a group set.</summary>
    async Task<IQueryable<SurveyAnswer>> Filtered(AppDbContext db, IQueryable<SurveyAnswer> rows, string filter, CancellationToken ct)
    {
        var (key, value) = filter.Split(':', 2) is [var k, var v] ? (k, v) : throw new ArgumentException($"Ukendt afgrænsning »{filter}«");
        var dim = Definition.Dimensions.ToList().FindIndex(d => d.Key == key);
        if (dim >= 0)
            return dim switch { 0 => rows.Where(a => a.D1 == value), 1 => rows.Where(a => a.D2 == value), _ => rows.Where(a => a.D3 == value) };
        if (!(Definition.GroupSets ?? []).Contains(key)) throw new ArgumentException($"Ukendt afgrænsning »{filter}«");
        var codes = await db.GroupMembers.Where(m => m.Group!.GroupSet!.Key == key && m.Group.Name == value && m.Organisation!.MunicipalityCode != null)
            .Select(m => m.Organisation!.MunicipalityCode!.Value.ToString()).ToListAsync(ct);
        var muni = Definition.Dimensions.ToList().FindIndex(d => d.Kind == DimensionKind.Municipality);
        return muni switch { 0 => rows.Where(a => codes.Contains(a.D1!)), 1 => rows.Where(a => codes.Contains(a.D2!)), _ => rows.Where(a => codes.Contains(a.D3!)) };
    }

    static async Task<Dictionary<string, string>> MunicipalityNames(AppDbContext db, CancellationToken ct) =>
        await db.Organisations.Where(o => o.Kind == OrganisationKind.Kommune && o.MunicipalityCode != null)
            .ToDictionaryAsync(o => o.MunicipalityCode!.Value.ToString(), o => o.Name, ct);
}
