using System.Xml.Linq;
using Samraad.Documents.Charts;
using Samraad.Features.Surveys;

namespace Samraad.Tests;

public class SurveyPivotTests
{
    static readonly List<string> Scale = ["I høj grad", "I nogen grad", "Ved ikke"];

    static SurveyDefinition Def(params PrintedSurveyFigure[] printed) => new(
        "s", "Test", "kkr", "Kilde", null, "deltagere", "id",
        [new SurveyDimension("region", "Region", "Region", DimensionKind.Region)],
        new Dictionary<string, List<string>> { ["grad"] = Scale },
        new Dictionary<string, List<SurveyCategory>> { ["k"] = [new("Høj og nogen", ["I høj grad", "I nogen grad"]), new("Ved ikke", ["Ved ikke"])] },
        [new SurveyQuestion("q", "Q", "Spørgsmål?", "grad")], null, null, Printed: printed);

    static PivotTable Build(SurveyDefinition def, IReadOnlyList<PivotCount> counts, string? categories = null, IReadOnlyList<string>? only = null) =>
        SurveyPivot.Build(def, "T", def.Questions[0], "region", "Region", counts, ["A", "B"], def.CategoriesOf(categories), only);

    [Fact]
    public void Counts_go_to_answer_rows_blanks_to_tom_and_totals_to_Hovedtotal()
    {
        var t = Build(Def(), [new("A", 0, 3), new("A", null, 1), new("B", 2, 4), new("C", 1, 2)]);
        Assert.Equal(["A", "B", "C", "Hovedtotal"], t.Columns); // C is not a known column: added after the known ones
        Assert.Equal(["I høj grad", "I nogen grad", "Ved ikke", "(tom)", "Hovedtotal"], t.Rows.Select(r => r.Label));
        Assert.Equal(1, t.Row("(tom)")!.Cells[0].Count);
        Assert.Equal([4, 4, 2, 10], t.Row("Hovedtotal")!.Cells.Select(c => c.Count));
        Assert.Equal(75m, t.Row("I høj grad")!.Cells[0].Percent);
        Assert.Null(t.Row("Hovedtotal")!.Cells[0].Percent);
    }

    [Fact]
    public void Percentages_are_whole_and_round_half_away_from_zero_and_an_empty_column_has_none()
    {
        // 1 of 8 = 12,5 % → 13 %; 5 of 8 = 62,5 % → 63 % (banker's rounding would give 12 and 62)
        var t = Build(Def(), [new("A", 0, 1), new("A", 1, 5), new("A", 2, 2)]);
        Assert.Equal([13m, 63m, 25m], t.Rows.Take(3).Select(r => r.Cells[0].Percent));
        Assert.Null(t.Row("I høj grad")!.Cells[1].Percent); // B has no answers: "–", not 0 %
        Assert.Equal("–", t.Row("I høj grad")!.Cells[1].PercentDisplay);
    }

    [Fact]
    public void Categories_merge_answers_and_leave_blanks_out_of_the_base()
    {
        var t = Build(Def(), [new("A", 0, 2), new("A", 1, 1), new("A", 2, 1), new("A", null, 6)], "k");
        Assert.True(t.ByCategory);
        Assert.Equal(["Høj og nogen", "Ved ikke", "Hovedtotal"], t.Rows.Select(r => r.Label));
        Assert.Equal((3, 75m), (t.Rows[0].Cells[0].Count, t.Rows[0].Cells[0].Percent!.Value));
        Assert.Equal(4, t.Row("Hovedtotal")!.Cells[0].Count);
    }

    [Fact]
    public void Only_keeps_the_named_columns_and_totals_over_them()
    {
        var t = Build(Def(), [new("A", 0, 2), new("B", 0, 5)], only: ["A"]);
        Assert.Equal(["A", "Hovedtotal"], t.Columns);
        Assert.Equal(2, t.Row("Hovedtotal")!.Cells[1].Count);
    }

    [Fact]
    public void A_printed_figure_is_checked_and_only_a_real_difference_is_flagged()
    {
        var def = Def(new PrintedSurveyFigure("q", "region", "antal", "I høj grad", "A", 3), new PrintedSurveyFigure("q", "region", "pct", "I høj grad", "A", 75),
            new PrintedSurveyFigure("q", "region", "pct", "Ved ikke", "A", 30), new PrintedSurveyFigure("q", "region", "antal", "Hovedtotal", "Hovedtotal", 4));
        var t = Build(def, [new("A", 0, 3), new("A", 2, 1)]);
        Assert.Equal(4, t.PrintedChecked);
        var d = Assert.Single(t.Discrepancies);
        Assert.Equal(("Ved ikke", "A", "30 %", "25 %"), (d.Row, d.Column, d.Printed, d.Computed));
        Assert.True(t.Row("Ved ikke")!.Cells[0].Differs);
        Assert.False(t.Row("I høj grad")!.Cells[0].Differs);
    }

    [Fact]
    public void A_pack_naming_unknown_questions_scales_or_splits_is_refused_in_Danish()
    {
        var def = Def() with
        {
            Questions = [new SurveyQuestion("q", "Q", "Spørgsmål?", "ukendt-skala")],
            Pivots = [new SurveyPivotSpec("Tabel", "findes-ikke", "planet")],
            Charts = [new SurveyChartSpec("c", "Figur", "nope", ["q"])],
        };
        var problems = string.Join(" ", def.Problems());
        Assert.Contains("skalaen »ukendt-skala«", problems);
        Assert.Contains("spørgsmålet »findes-ikke«", problems);
        Assert.Contains("opdeles efter »planet«", problems);
        Assert.Contains("kategorierne »nope«", problems);
        Assert.Empty(Def().Problems());
    }

    [Fact]
    public void The_stacked_bar_chart_is_well_formed_svg_with_title_description_and_no_bar_for_no_data()
    {
        var svg = SvgChart.StackedBars("s1", "Udbytte <Region Sjælland>", "Andele & antal", ["Høj", "Lav", "Ved ikke"],
            [new StackedBar("Forskning", [26, 61, 13]), new StackedBar("Ingen svar", [null, null, null])]);
        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("img", doc.Root!.Attribute("role")!.Value);
        Assert.Equal("Udbytte <Region Sjælland>", doc.Root.Element(ns + "title")!.Value);
        Assert.Equal("Andele & antal", doc.Root.Element(ns + "desc")!.Value);
        Assert.Equal(["26 %", "61 %", "13 %"], doc.Descendants(ns + "text").Where(t => (string?)t.Attribute("fill") == "#ffffff").Select(t => t.Value));
        Assert.Single(doc.Descendants(ns + "rect"), r => r.Attribute("stroke-dasharray") is not null); // the empty bar: an outline
    }

    [Fact]
    public void The_grouped_bar_chart_is_well_formed_svg_and_draws_no_bar_for_no_value()
    {
        var svg = SvgChart.GroupedBars("g1", "Budget til busdrift", "Andele", ["Øget", "Uændret eller reduceret", "Ved ikke"],
            [new StackedBar("Hovedstads- og storbykommuner (n = 20)", [60, 30, 10]), new StackedBar("Landkommuner (n = 27)", [56, null, 7]),
             new StackedBar("Provins- og oplandskommuner (n = 35)", [40, 51, 9]), new StackedBar("Alle (n = 82)", [50, 41, 9])]);
        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("Budget til busdrift", doc.Root!.Element(ns + "title")!.Value);
        Assert.Equal(11, doc.Descendants(ns + "rect").Count(r => (string?)r.Attribute("width") != "12")); // 3 + 2 + 3 + 3 bars; legend squares are 12 wide
        Assert.Equal(["Hovedstads- og", "storbykommuner (n = 20)"], doc.Descendants(ns + "tspan").Take(2).Select(t => t.Value)); // long labels wrap, not cut
    }
}
