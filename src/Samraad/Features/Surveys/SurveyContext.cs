using Microsoft.EntityFrameworkCore;
using Samraad.Auth;
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
    public bool CanRead(UserContext user) => CanAdminister(user) || user.Role == Roles.Reader;

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
    public async Task<(List<PivotCount> Counts, List<string> Order)> Counts(AppDbContext db, int question, string? split, CancellationToken ct = default)
    {
        var q = (short)question;
        var rows = db.SurveyAnswers.Where(a => a.SurveyId == Survey.Id && a.Question == q);
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
        string? title = null, CancellationToken ct = default)
    {
        var q = Definition.Question(question) ?? throw new ArgumentException($"Ukendt spørgsmål »{question}«");
        var (counts, order) = await Counts(db, Definition.QuestionNo(question), split, ct);
        var splitLabel = split is null ? "" : (await Splits(db, ct)).FirstOrDefault(s => s.Key == split).Label ?? split;
        return SurveyPivot.Build(Definition, title ?? q.ShortLabel, q, split, splitLabel, counts, order, Definition.CategoriesOf(categories), only);
    }

    static async Task<Dictionary<string, string>> MunicipalityNames(AppDbContext db, CancellationToken ct) =>
        await db.Organisations.Where(o => o.Kind == OrganisationKind.Kommune && o.MunicipalityCode != null)
            .ToDictionaryAsync(o => o.MunicipalityCode!.Value.ToString(), o => o.Name, ct);
}
