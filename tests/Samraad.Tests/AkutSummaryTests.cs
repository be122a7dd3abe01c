using Samraad.Features.Collections.Forms;
using Samraad.Features.Collections.Packs;
using Samraad.Features.Collections.Summaries;

namespace Samraad.Tests;

/// <summary>The seed item 2.7 figures, computed from the pack's answers exactly as the app does.</summary>
public class AkutSummaryTests
{
    static readonly string Dir = TestForms.PackDir("akutfunktioner-2024");
    static readonly FormSpec Form = TestForms.Akut();
    static readonly string[] Municipalities =
        ["faxe", "greve", "guldborgsund", "holbaek", "kalundborg", "koege", "lejre", "lolland", "naestved", "odsherred",
         "ringsted", "roskilde", "slagelse", "solroed", "soroe", "stevns", "vordingborg"];

    static SummaryInput Input()
    {
        var rows = PackCsv.Responses(Form, File.ReadAllText(Path.Combine(Dir, "responses.csv")), "responses.csv");
        var respondents = rows.Select((r, i) => new RespondentInfo(i + 1, r.Respondent, r.Respondent, null, new Dictionary<string, string>())).ToList();
        var submitted = rows.Select((r, i) => (i + 1, (IReadOnlyDictionary<string, AnswerValue>)r.Answers
            .Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value!))).ToDictionary(x => x.Item1, x => x.Item2);
        return new SummaryInput(Form, respondents, submitted);
    }

    static int Count(SummaryInput input, string key, params string[] answers) =>
        Summary.CountAnswers(key, answers, input.Respondents, input.Submitted);

    [Fact]
    public void The_pack_holds_the_seventeen_municipalities_of_KKR_Sjaelland()
    {
        Assert.Equal(Municipalities.Order(), Input().Respondents.Select(r => r.Slug).Order());
    }

    [Theory]
    [InlineData("iv", 17, 17)]
    [InlineData("kemoterapi", 14, 11)]
    [InlineData("parenteral", 16, 0)]
    [InlineData("hjemmedialyse", 15, 1)]
    [InlineData("blodproever", 11, 5)]
    [InlineData("blodtransfusioner", 0, 0)]
    [InlineData("andre", 11, 1)]
    public void Task_counts_follow_from_the_overview_rows(string task, int performed, int agreement)
    {
        var input = Input();
        Assert.Equal(performed, Count(input, $"{task}.udfoeres", "ja"));
        Assert.Equal(agreement, Count(input, $"{task}.samarbejdsaftale", "ja", "ja-iv"));
    }

    [Fact]
    public void Chemotherapy_performed_is_14_of_17_against_the_printed_15()
    {
        var input = Input();
        var checks = Reconciliation.Check(input, PackCsv.PrintedFigures(File.ReadAllText(Path.Combine(Dir, "printed-figures.csv"))));
        var pixi = checks.Single(c => c.Figure.Source.StartsWith("Pixi") && c.Figure.FieldKey == "kemoterapi.udfoeres");
        Assert.False(pixi.Agrees);
        Assert.Equal("15 /17", pixi.Figure.Printed);
        Assert.Equal("14/17", pixi.Computed);
        Assert.True(checks.Single(c => c.Figure.Source.StartsWith("Pixi") && c.Figure.FieldKey == "parenteral.udfoeres").Agrees);
    }

    [Fact]
    public void Every_contradiction_in_the_packet_is_flagged_and_nothing_else()
    {
        var input = Input();
        var checks = Reconciliation.Check(input, PackCsv.PrintedFigures(File.ReadAllText(Path.Combine(Dir, "printed-figures.csv"))));
        var differing = checks.Where(c => !c.Agrees).Select(c => $"{c.Figure.Source.Split(',')[0]}|{c.Figure.FieldKey}|{c.Figure.RespondentSlug}").Order().ToList();
        Assert.Equal(new[]
        {
            "Detailtabel blodprøver|blodproever.samarbejdsaftale|odsherred",
            "Detailtabel hjemmedialyse|hjemmedialyse.samarbejdsaftale|holbaek",
            "Detailtabel kemoterapi|kemoterapi.samarbejdsaftale|",
            "Detailtabel kemoterapi|kemoterapi.samarbejdsaftale|kalundborg",
            "Detailtabel kemoterapi|kemoterapi.samarbejdsaftale|naestved",
            "Detailtabel kemoterapi|kemoterapi.udfoeres|",
            "Detailtabel kemoterapi|kemoterapi.udfoeres|kalundborg",
            "Oversigt opdateret 4. marts 2024|kemoterapi.samarbejdsaftale|",
            "Oversigt opdateret 4. marts 2024|kemoterapi.udfoeres|",
            "Pixi – Sammendrag af kommunernes svar|kemoterapi.samarbejdsaftale|",
            "Pixi – Sammendrag af kommunernes svar|kemoterapi.udfoeres|",
        }, differing);
        Assert.Equal(280, checks.Count);
    }

    [Fact]
    public void Not_answered_is_counted_as_missing_not_as_no()
    {
        var leaf = Summary.Compute(Input()).Single(l => l.Leaf.Key == "blodproever.udfoeres");
        Assert.Equal(11, leaf.Options.Single(o => o.Key == "ja").Count);
        Assert.Equal(5, leaf.Options.Single(o => o.Key == "nej").Count);
        Assert.Equal(1, leaf.Blank); // Greve: "–"
    }

    [Fact]
    public void The_pixi_table_is_computed_cell_by_cell_with_its_printed_figures_attached()
    {
        var input = Input();
        var checks = Reconciliation.Check(input, PackCsv.PrintedFigures(File.ReadAllText(Path.Combine(Dir, "printed-figures.csv"))));
        var spec = PackFile.Parse(File.ReadAllText(Path.Combine(Dir, "collection.json"))).SummaryTables.Single();
        var table = SummaryTables.Compute(spec, input, checks);
        var kemo = table.Rows.Single(r => r.Label.StartsWith("Kemoterapi"));
        Assert.Equal("14/17", kemo.Cells[0].Text);
        Assert.True(kemo.Cells[0].Disagrees);
        Assert.Equal("16/17", table.Rows.Single(r => r.Label == "Parenteral ernæring").Cells[0].Text);
        Assert.False(table.Rows.Single(r => r.Label == "Parenteral ernæring").Cells[0].Disagrees);
    }

    [Fact]
    public void Group_breakdown_splits_counts_by_the_respondents_group()
    {
        var input = Input();
        var groups = new Dictionary<string, string> { ["faxe"] = "A", ["greve"] = "A" };
        var regrouped = input with
        {
            Respondents = input.Respondents.Select(r => r with
            {
                Groups = new Dictionary<string, string> { ["set"] = groups.GetValueOrDefault(r.Slug, "B") },
            }).ToList(),
        };
        var breakdown = Summary.ByGroup(regrouped, "set", ["A", "B"]);
        var a = breakdown.Groups[0].Leaves.Single(l => l.Leaf.Key == "blodproever.udfoeres");
        Assert.Equal(2, a.Respondents);
        Assert.Equal(1, a.Options.Single(o => o.Key == "ja").Count); // Faxe ja, Greve "–"
        Assert.Equal(15, breakdown.Groups[1].Leaves.Single(l => l.Leaf.Key == "iv.udfoeres").Respondents);
    }

    [Fact]
    public void Numeric_fields_get_sum_mean_min_and_max()
    {
        var form = TestForms.AllTypes();
        var respondents = Enumerable.Range(1, 3).Select(i => new RespondentInfo(i, $"r{i}", $"R{i}", null, new Dictionary<string, string>())).ToList();
        var submitted = new Dictionary<int, IReadOnlyDictionary<string, AnswerValue>>
        {
            [1] = new Dictionary<string, AnswerValue> { ["antal"] = new("10") },
            [2] = new Dictionary<string, AnswerValue> { ["antal"] = new(null, "ved-ikke") },
            [3] = new Dictionary<string, AnswerValue> { ["antal"] = new("20") },
        };
        var leaf = Summary.Compute(form, respondents, submitted).Single(l => l.Leaf.Key == "antal");
        Assert.Equal((30m, 15m, 10m, 20m), (leaf.Sum!.Value, leaf.Mean!.Value, leaf.Min!.Value, leaf.Max!.Value));
        Assert.Equal(1, leaf.MissingCodes.Single(m => m.Key == "ved-ikke").Count);
        Assert.Equal(1, leaf.WithoutValue);
    }
}
