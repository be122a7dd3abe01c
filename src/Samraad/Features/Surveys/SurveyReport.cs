using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Indicators;
using Samraad.Features.Reference;

namespace Samraad.Features.Surveys;

/// <summary>One segment of a 100 % bar: a category, its share (whole percent) and count.</summary>
public sealed record ChartSegment(string Category, int Count, decimal? Percent);
public sealed record ChartBar(string Label, int Base, IReadOnlyList<ChartSegment> Segments);
public sealed record SurveyChart(string Key, string Title, string Description, IReadOnlyList<string> Categories, IReadOnlyList<ChartBar> Bars, bool Grouped = false);

/// <summary>Respondents against the population the pack names (e.g. all 98 municipalities), with the printed rate.</summary>
public sealed record ResponseRate(int Respondents, int Population, decimal Percent, decimal? Printed)
{
    public bool Differs => Printed is decimal p && p != Percent;
}

/// <summary>Everything a survey shows: the pack's pivots, its charts, each printed figure checked, the response rate.</summary>
public sealed record SurveyReport(Survey Survey, SurveyDefinition Definition, int Respondents, ResponseRate? Rate, DateTime? ImportedAtUtc, string? ImportedFrom,
    IReadOnlyList<PivotTable> Pivots, IReadOnlyList<SurveyChart> Charts, IReadOnlyList<PivotTable> Checks)
{
    public IReadOnlyList<SurveyDiscrepancy> Discrepancies =>
        Checks.SelectMany(c => c.Discrepancies).Concat(Rate is { Differs: true } r
            ? [new SurveyDiscrepancy("Svarprocent", "Svarprocent", SurveyDefinition.Total, "procent", $"{r.Printed:0} %", $"{r.Percent:0} %")] : []).ToList();
    /// <summary>The pack's tables, then the other tables the printed figures were checked in: what exports and the API list.</summary>
    public IEnumerable<PivotTable> AllTables => Pivots.Concat(Checks.Except(Pivots));

    public int PrintedChecked => Checks.Sum(c => c.PrintedChecked) + (Rate?.Printed is null ? 0 : 1);
}

public static class ComputeSurveyReport
{
    public static async Task<SurveyReport> Handle(AppDbContext db, SurveyContext ctx, CancellationToken ct = default)
    {
        var def = ctx.Definition;
        var cache = new Dictionary<(string, string?, string?, string), PivotTable>();
        async Task<PivotTable> Pivot(string question, string? split, string? categories, IReadOnlyList<string>? only = null, string? title = null)
        {
            var key = (question, split, categories, string.Join("|", only ?? []));
            if (!cache.TryGetValue(key, out var table))
                cache[key] = table = await ctx.Pivot(db, question, split, categories, only, title, ct: ct);
            return table;
        }

        var pivots = new List<PivotTable>();
        foreach (var p in def.Pivots ?? []) pivots.Add(await Pivot(p.Question, p.Columns, p.Categories, p.Only, p.Title));

        var charts = new List<SurveyChart>();
        foreach (var c in def.Charts ?? [])
        {
            var categories = def.CategoriesOf(c.Categories).Select(x => x.Label).ToList();
            var bars = new List<ChartBar>();
            foreach (var q in c.Questions)
            {
                var table = await Pivot(q, c.Dimension, c.Categories);
                if (c.Questions.Count > 1 || c.Dimension is null)
                    bars.Add(Bar(def.Question(q)!.ShortLabel, table, c.Value ?? SurveyDefinition.Total));
                else
                    bars.AddRange(table.Columns.Select(col => Bar(col == SurveyDefinition.Total ? "Alle" : col, table, col)));
            }
            var who = c.Value ?? (c.Dimension is null || c.Questions.Count > 1 ? "alle besvarelser" : "hver gruppe og alle");
            var grouped = c.Kind == "grouped";
            charts.Add(new SurveyChart(c.Key, c.Title,
                $"{(grouped ? "Grupperede søjler" : "100 % stablede søjler")} for {who}: andelen i hver kategori ({string.Join(", ", categories)}) af dem, der har svaret. Tallene står i tabellen under figuren.",
                categories, bars, grouped));
        }

        // Every printed figure is checked against the same pivot the source must have made.
        foreach (var g in (def.Printed ?? []).GroupBy(p => (p.Question, p.Columns)))
        {
            // The pack's own table for this question and split decides how the rows are grouped; otherwise the
            // printed row labels do (answers, or one category scheme's labels).
            var spec = (def.Pivots ?? []).FirstOrDefault(p => p.Question == g.Key.Question && (p.Columns ?? SurveyDefinition.Total) == g.Key.Columns);
            var answers = def.AnswersOf(def.Question(g.Key.Question)!).Append(SurveyDefinition.Blank).Append(SurveyDefinition.Total).ToHashSet();
            var scheme = spec is not null ? spec.Categories : g.All(p => answers.Contains(p.Row)) ? null
                : def.Categories?.FirstOrDefault(s => g.All(p => p.Row == SurveyDefinition.Total || s.Value.Any(c => c.Label == p.Row))).Key;
            var (only, title) = (spec?.Only, spec?.Title);
            await Pivot(g.Key.Question, g.Key.Columns == SurveyDefinition.Total ? null : g.Key.Columns, scheme, only, title);
        }
        var checks = cache.Values.Where(t => t.PrintedChecked > 0).ToList();

        var respondents = await db.SurveyRespondents.CountAsync(r => r.SurveyId == ctx.Survey.Id, ct);
        ResponseRate? rate = null;
        if (def.Population == "kommuner")
        {
            var population = await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.Kommune, ct);
            rate = new ResponseRate(respondents, population, population == 0 ? 0 : Rounding.Round(100m * respondents / population, 0), def.PrintedResponseRate);
        }
        var last = await db.SurveyImports.Where(i => i.SurveyId == ctx.Survey.Id).OrderByDescending(i => i.Id).FirstOrDefaultAsync(ct);
        return new SurveyReport(ctx.Survey, def, respondents, rate, last?.ImportedAtUtc, last?.FileName, pivots, charts, checks);
    }

    static ChartBar Bar(string label, PivotTable table, string column)
    {
        var j = table.ColumnIndex(column);
        var rows = table.Rows.Where(r => !r.IsTotal).ToList();
        return new ChartBar(label, j < 0 ? 0 : table.Rows.Last().Cells[j].Count,
            rows.Select(r => new ChartSegment(r.Label, j < 0 ? 0 : r.Cells[j].Count, j < 0 ? null : r.Cells[j].Percent)).ToList());
    }
}
