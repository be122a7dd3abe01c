using Samraad.Features.Collections.Forms;
using Samraad.Features.Collections.Summaries;

namespace Samraad.Tests;

/// <summary>What each type's summary holds (README "Summaries"): numbers with median, percents never summed, dates' range, tables over all rows, and the overview's "I alt".</summary>
public class SummarySemanticsTests
{
    static readonly FormSpec Form = TestForms.AllTypes();
    static readonly List<RespondentInfo> Respondents = Enumerable.Range(1, 5).Select(i => new RespondentInfo(i, $"k{i}", $"Kommune {i}", i, new Dictionary<string, string>())).ToList();

    static SummaryInput Input(params (int Org, string Key, string Value)[] answers) => new(Form, Respondents, answers.GroupBy(a => a.Org)
        .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, AnswerValue>)g.ToDictionary(a => a.Key, a => new AnswerValue(a.Value))));

    static LeafSummary Leaf(SummaryInput input, string key) => Summary.Compute(input).Single(l => l.Leaf.Key == key);

    [Fact]
    public void Numbers_have_n_sum_mean_median_min_and_max_and_percents_no_sum()
    {
        var input = Input((1, "antal", "10"), (2, "antal", "20"), (3, "antal", "60"), (4, "antal", "30"), (1, "pct", "20"), (2, "pct", "35.5"), (3, "pct", "60"));
        var antal = Leaf(input, "antal");
        Assert.Equal((4, 120m, 30m, 25m, 10m, 60m), (antal.Answered, antal.Sum, antal.Mean, antal.Median, antal.Min, antal.Max));
        var pct = Leaf(input, "pct");
        Assert.Null(pct.Sum); // 20 % + 35,5 % + 60 % is not 115,5 % of anything
        Assert.Equal((38.5m, 35.5m), (pct.Mean, pct.Median));
    }

    [Fact]
    public void Dates_have_their_earliest_and_latest()
    {
        var dato = Leaf(Input((1, "dato", "2024-05-01"), (2, "dato", "2023-01-15"), (3, "dato", "2024-12-31")), "dato");
        Assert.Equal(("2023-01-15", "2024-12-31", 3), (dato.Earliest, dato.Latest, dato.Answered));
        Assert.Null(dato.Sum);
    }

    [Fact]
    public void A_table_is_summarised_over_all_rows_of_all_respondents()
    {
        var input = Input((1, "projekter/1/navn", "Nord"), (1, "projekter/1/beloeb", "100000"), (1, "projekter/2/navn", "Syd"), (1, "projekter/2/beloeb", "300000"),
            (2, "projekter/1/navn", "Øst"), (2, "projekter/1/beloeb", "200000"), (3, "antal", "1"));
        var table = Summary.Tables(input).Single();
        Assert.Equal((2, 3), (table.RespondentsWithRows, table.Rows));
        var amount = table.Columns.Single(c => c.Leaf.ColumnKey == "beloeb");
        Assert.Equal((3, 6000m, 2000m, 2000m, 1000m, 3000m), (amount.Answered, amount.Sum, amount.Mean, amount.Median, amount.Min, amount.Max)); // kroner
        Assert.Equal(3, table.Columns.Single(c => c.Leaf.ColumnKey == "navn").Answered);
    }

    [Fact]
    public void The_overview_total_never_adds_percents_or_rows_of_different_tables_and_a_likert_scale_has_no_yes()
    {
        var input = Input((1, "pct", "20"), (2, "pct", "35.5"), (3, "pct", "60"), (1, "grad", "hoej"), (2, "grad", "slet"),
            (1, "projekter/1/beloeb", "100000"), (2, "projekter/1/beloeb", "200000"), (1, "ja-nej", "ja"));
        var view = Matrix.Build(input, [], includeText: false);
        string Total(string key) => view.Totals[view.Columns.ToList().FindIndex(c => c.Key == key)];
        Assert.Equal("gns. 38,5 %", Total("pct"));
        Assert.Equal("2 svar", Total("grad"));
        Assert.Equal("2 svar", Total("projekter/1/beloeb"));
        Assert.Equal("1/5", Total("ja-nej"));
    }

    [Fact]
    public void A_named_category_counts_its_options_together_in_the_summary_and_the_total()
    {
        var form = FormSpecReader.Parse("""
        { "key": "k", "version": 1, "title": "K",
          "scales": { "grad": [ {"key":"1","label":"Meget lav"}, {"key":"2","label":"Lav"}, {"key":"3","label":"Middel"}, {"key":"4","label":"Høj"}, {"key":"5","label":"Meget høj"} ] },
          "categories": { "grad": [ {"key":"top","label":"Høj eller meget høj","options":["4","5"]} ] },
          "sections": [ { "key": "a", "title": "A", "fields": [ {"key":"parat","label":"Parathed","type":"choice","scale":"grad"} ] } ] }
        """);
        var input = new SummaryInput(form, Respondents, new[] { "5", "4", "2", "4" }.Select((v, i) => (i + 1, v))
            .ToDictionary(x => x.Item1, x => (IReadOnlyDictionary<string, AnswerValue>)new Dictionary<string, AnswerValue> { ["parat"] = new(x.v) }));
        var parat = Summary.Compute(input).Single();
        Assert.Equal(("Høj eller meget høj", 3), (parat.Categories!.Single().Label, parat.Categories!.Single().Count));
        Assert.Equal("Høj eller meget høj: 3/5", Matrix.Build(input, [], includeText: false).Totals.Single());
        var unknown = Assert.Throws<InvalidDataException>(() => FormSpecReader.Parse("""
        { "key": "k", "version": 1, "title": "K", "scales": { "grad": [ {"key":"1","label":"Lav"} ] },
          "categories": { "grad": [ {"key":"top","label":"Top","options":["9"]} ] }, "sections": [] }
        """));
        Assert.Contains("nævner svaret »9«, som ikke er på skalaen »grad«", unknown.Message);
    }

    [Fact]
    public void Printed_sums_means_and_shares_are_compared_as_the_print_rounded_them()
    {
        var input = Input((1, "beloeb", "1251200000"), (2, "beloeb", "1700000000"), (3, "beloeb", "0"), (1, "pct", "30"), (2, "pct", "38"),
            (1, "ja-nej", "ja"), (2, "ja-nej", "ja"), (3, "ja-nej", "nej"), (4, "ja-nej", "ja"));
        var printed = Samraad.Features.Collections.Packs.PackCsv.PrintedFigures("""
            kilde,felt,svar,antal,af,respondent,vaerdi,trykt,maal,afrunding
            Notat,beloeb,,,,,29500000,"samlet budget 29,5 mio. kr.",sum,100000
            Notat,beloeb,,,,,29600000,"samlet 29,6 mio. kr.",sum,100000
            Notat,pct,,,,,34,gennemsnit 34 %,gennemsnit,1
            Notat,ja-nej,ja,,,,60,60 % udfører opgaven,andel,1
            Notat,antal,,,,,,intet,median,
            """);
        var checks = Reconciliation.Check(input, printed);
        Assert.Equal([true, false, true, true, false], checks.Select(c => c.Agrees));
        Assert.Equal("29.512.000 kr. (afrundet 29.500.000 kr.)", checks[0].Computed);
        Assert.Equal("60 %", checks[3].Computed); // 3 of the 5 respondents
        Assert.Equal("intet at beregne", checks[4].Computed);
        Assert.Contains("maal »snit« er ukendt", Assert.Throws<InvalidDataException>(() => Samraad.Features.Collections.Packs.PackCsv.PrintedFigures(
            "kilde,felt,svar,antal,af,respondent,vaerdi,trykt,maal,afrunding\nN,pct,,,,,34,34 %,snit,1\n")).Message);
    }
}
