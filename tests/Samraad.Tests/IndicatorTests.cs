using System.Text.Json;
using System.Xml.Linq;
using Samraad.Documents.Charts;
using Samraad.Features.Indicators;

namespace Samraad.Tests;

public class FormulaTests
{
    static readonly HashSet<string> Fields = ["a", "b", "c", "regnskabstal", "budgetterede_pladser", "timer"];
    static string Label(string key, bool previous) => previous ? $"{key.ToUpperInvariant()} året før" : key.ToUpperInvariant();

    static FormulaResult Eval(string text, Dictionary<string, decimal> now, Dictionary<string, decimal>? before = null) =>
        Formula.Parse(text, Fields).Formula!.Evaluate(
            (k, prev) => (prev ? before : now)?.TryGetValue(k, out var v) == true ? v : null,
            (k, prev) => $"{Label(k, prev)} mangler", Label);

    [Fact]
    public void A_formula_naming_an_unknown_field_or_broken_syntax_is_refused_in_Danish()
    {
        Assert.Contains("feltet »x« findes ikke", Formula.Parse("a / x", Fields).Error);
        Assert.Contains("slutparentes", Formula.Parse("(a + b", Fields).Error);
        Assert.Contains("uventet", Formula.Parse("a b", Fields).Error);
        Assert.Contains("forrige", Formula.Parse("forrige(a + b)", Fields).Error);
    }

    [Fact]
    public void Words_write_the_formula_out_with_the_fields_labels_and_only_the_needed_parentheses()
    {
        Assert.Equal("(REGNSKABSTAL ÷ BUDGETTEREDE_PLADSER − 1) × 100",
            Formula.Parse("(regnskabstal / budgetterede_pladser - 1) * 100", Fields).Formula!.Words(Label));
        Assert.Equal("A − (B − C)", Formula.Parse("a - (b - c)", Fields).Formula!.Words(Label));
        Assert.Equal("A − B − C", Formula.Parse("a - b - c", Fields).Formula!.Words(Label));
        Assert.Equal("(1 − TIMER ÷ TIMER året før) × 100", Formula.Parse("(1 - timer / forrige(timer)) * 100", Fields).Formula!.Words(Label));
    }

    [Fact]
    public void Missing_inputs_and_division_by_zero_give_no_value_and_a_reason_never_zero()
    {
        var missing = Eval("(a - b) / a * 100", new() { ["b"] = 3 });
        Assert.Null(missing.Value);
        Assert.Equal("A mangler", missing.Missing); // named once although used twice
        var zero = Eval("a / b", new() { ["a"] = 5, ["b"] = 0 });
        Assert.Null(zero.Value);
        Assert.Equal("kan ikke dividere med nul: B er 0", zero.Missing);
        Assert.Equal(25m, Eval("a / b * 100", new() { ["a"] = 1, ["b"] = 4 }).Value);
    }

    [Fact]
    public void Forrige_reads_the_period_before()
    {
        Assert.Equal(46.96m, Math.Round(Eval("(1 - timer / forrige(timer)) * 100", new() { ["timer"] = 1300 }, new() { ["timer"] = 2451 }).Value!.Value, 2));
        Assert.Equal("TIMER året før mangler", Eval("timer / forrige(timer)", new() { ["timer"] = 1300 }).Missing);
    }

    [Theory]
    [InlineData("62.5", 0, "63")]
    [InlineData("-62.5", 0, "-63")]
    [InlineData("8.25", 1, "8,3")]
    [InlineData("48.44", 0, "48")]
    [InlineData("2333333.333", 0, "2.333.333")]
    public void Rounding_is_half_away_from_zero_as_the_seed_rounds(string value, int decimals, string shown) =>
        Assert.Equal(shown, Rounding.Format(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimals));

    [Theory]
    [InlineData("8,2%", "8.2", 1)]
    [InlineData("34 %", "34", 0)]
    [InlineData("11.971", "11971", 0)]
    [InlineData("43.693.333", "43693333", 0)]
    public void Printed_figures_are_read_with_their_precision(string printed, string value, int decimals) =>
        Assert.Equal((decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), (int?)decimals), ComputeKeyFigures.ParsePrinted(printed));
}

public class PeriodTests
{
    [Fact]
    public void Periods_of_each_kind_parse_step_back_across_the_year_and_read_in_Danish()
    {
        Assert.Equal(["2023-K3", "2023-K4", "2024-K1"], Periods.Range(PeriodKind.Quarter, "2023-K3", "2024-K1"));
        Assert.Equal("2023-K4", Periods.Previous(PeriodKind.Quarter, "2024-K1"));
        Assert.Equal("2023-12", Periods.Previous(PeriodKind.Month, "2024-01"));
        Assert.Equal("2023-H2", Periods.Previous(PeriodKind.HalfYear, "2024-H1"));
        Assert.Equal("2013", Periods.Previous(PeriodKind.Year, "2014"));
        Assert.Equal("1. halvår 2024", Periods.Label(PeriodKind.HalfYear, "2024-H1"));
        Assert.Equal("marts 2024", Periods.Label(PeriodKind.Month, "2024-03"));
        Assert.Null(Periods.Parse(PeriodKind.Year, "2024-K1"));
        Assert.Null(Periods.Parse(PeriodKind.Month, "2024-13"));
        Assert.Equal(10, Periods.Range(PeriodKind.Year, "2014", "2023").Count);
    }
}

public class KofoedsmindeTests
{
    /// <summary>The pack as shipped, its values as printed: the report computed without a database.</summary>
    static KeyFigureReport Report()
    {
        var dir = TestForms.PackDir("kofoedsminde-noegletal");
        using var pack = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "keyfigures.json")));
        var set = new KeyFigureSet
        {
            Slug = "kofoedsminde-noegletal", Title = "Kofoedsminde", Source = "punkt 2.10", PeriodKind = PeriodKind.Year, FirstPeriod = "2014", LastPeriod = "2023",
            DefinitionJson = pack.RootElement.GetProperty("definition").GetRawText(),
        };
        Assert.Empty(set.Definition().Problems());
        var values = Samraad.Documents.Csv.Read(File.ReadAllText(Path.Combine(dir, "values.csv")), out _)
            .Select(r => new KeyFigureValue { OrganisationId = 1, Period = r["periode"], Key = r["felt"], Value = decimal.Parse(r["vaerdi"], System.Globalization.CultureInfo.InvariantCulture) })
            .ToList();
        return ComputeKeyFigures.Build(set, [(1, "Region Sjælland")], values);
    }

    static ReportRow Row(KeyFigureReport r, string key) => r.Tables.SelectMany(t => t.Rows).Single(x => x.Key == key);
    static string Cell(KeyFigureReport r, string key, string period) => Row(r, key).Cells[r.Columns.ToList().FindIndex(c => c.Period == period)].Display;

    [Fact]
    public void Table_2s_over_occupancy_is_reproduced_exactly_from_budgeted_and_actual_places()
    {
        var r = Report();
        Assert.Equal(["8,2 %", "15,4 %", "2,5 %", "4,4 %"], new[] { "2020", "2021", "2022", "2023" }.Select(p => Cell(r, "overbelaegning", p)));
        Assert.Equal("(Regnskabstal (belægningsdøgn omregnet til pladser) ÷ Budgetteret pladstal − 1) × 100", Row(r, "overbelaegning").Words);
    }

    [Fact]
    public void Exactly_the_seeds_known_discrepancies_are_flagged_and_nothing_else()
    {
        var r = Report();
        Assert.Equal(17, r.PrintedChecked);
        Assert.Equal(
            ["Tabel 5|2020|34%|35 %", "Tabel 5|2021|40%|34 %", "Tabel 7|2021", "Tabel 7|2022", "Tabel 7|2023"],
            r.Discrepancies.Select(d => d.Table.StartsWith("Tabel 5") ? $"Tabel 5|{d.Column}|{d.Printed}|{d.Computed}" : $"{d.Table[..7]}|{d.Column}"));
        Assert.Equal("409 ≠ 410", Cell(r, "t7_sum", "2021"));
        Assert.Equal("stemmer", Cell(r, "t7_sum", "2020"));
        Assert.Equal("stemmer", Cell(r, "t4_sum", "2023"));
        Assert.Equal("63 %", Cell(r, "andel_eksterne", "2023")); // 62,5 % rounded half away from zero, as printed
    }

    [Fact]
    public void An_indicator_without_its_period_before_says_why()
    {
        var r = Report();
        var cell = Row(r, "pladsudvikling").Cells[0];
        Assert.Null(cell.Value);
        Assert.Equal("Budgetteret pladstal for 2013 er ikke indberettet", cell.Missing);
        Assert.True(Row(r, "andel_eksterne").Cells[0].Empty); // 2014: table 5 has no figures at all, so no cell
        Assert.Equal("Regnskabstal (belægningsdøgn omregnet til pladser) for 2014 er ikke indberettet", Row(r, "overbelaegning").Cells[0].Missing);
    }

    [Fact]
    public void The_cost_model_reproduces_tables_8_and_9_and_recomputes_with_other_figures()
    {
        using var pack = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestForms.PackDir("kofoedsminde-noegletal"), "keyfigures.json")));
        var spec = KeyFigureDefinition.Parse(pack.RootElement.GetProperty("definition").GetRawText()).PlacePrice!;
        var result = spec.Model().Compute();
        Assert.Equal(70_000_000, result.ConstructionTotal);
        Assert.Equal(39_000_000, result.Operation);
        Assert.Equal("11.971", Rounding.Format(result.PerPlacePerDay, 0));
        Assert.Equal(6, result.Lines.Count(l => l.Printed is not null));
        Assert.DoesNotContain(result.Lines, l => l.Differs);
        var twenty = (spec.Model() with { Places = 20 }).Compute();
        Assert.Equal(75_000_000, twenty.Operation); // 20 × 3,2 mio. + 3 mio. + 20 × 0,4 mio.
        Assert.Contains(twenty.Lines, l => l.Differs);
        Assert.NotEmpty((spec.Model() with { Places = 0 }).Problems());
    }
}

public class ChartTests
{
    [Fact]
    public void Charts_are_well_formed_svg_with_a_title_a_description_and_a_gap_for_missing_data()
    {
        var svg = XDocument.Parse(SvgChart.Lines("c1", "Andel <eksterne>", "Beskrivelse & mere", ["2020", "2021", "2022"],
            [new Series("Region Sjælland", [35m, null, 46m]), new Series("Anden", [10m, 20m, 30m])], 25m, "Mål: højst 25 %", " %"));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("img", svg.Root!.Attribute("role")!.Value);
        Assert.Equal("Andel <eksterne>", svg.Root.Element(ns + "title")!.Value);
        Assert.Equal("Beskrivelse & mere", svg.Root.Element(ns + "desc")!.Value);
        var paths = svg.Root.Elements(ns + "path").Where(p => p.Attribute("stroke") is not null).Select(p => p.Attribute("d")!.Value).ToList();
        Assert.Equal(2, paths[0].Count(c => c == 'M')); // the gap in 2021 starts a new line
        Assert.NotNull(XDocument.Parse(SvgChart.Bars("c2", "t", "d", [new Bar("jan", 3), new Bar("feb", null)], 2, "Mål")).Root);
    }
}
