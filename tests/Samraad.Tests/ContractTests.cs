using Samraad.Documents;
using Samraad.Features.Contracts;

namespace Samraad.Tests;

public class GoalEvaluatorTests
{
    static ContractFigures Figures(DateOnly? dataDate = null, int kort = 0, int handling = 0, int vaekst = 0, int companies = 0, int newCompanies = 0,
        Dictionary<Segment, SegmentFigures>? segments = null, int used = 0, int no = 0, int dontKnow = 0, Dictionary<int, int>? municipalities = null,
        int esg = 0, int ai = 0, Dictionary<int, int>? hq = null, int referredH = 0, int referredV = 0) =>
        new(dataDate, companies, newCompanies,
            new Dictionary<CaseType, int> { [CaseType.Kort] = kort, [CaseType.Handlingsplan] = handling, [CaseType.Vaekstplan] = vaekst },
            new Dictionary<int, int>(), municipalities ?? new Dictionary<int, int>(), esg, ai,
            new Dictionary<CaseType, int> { [CaseType.Handlingsplan] = referredH, [CaseType.Vaekstplan] = referredV }, hq ?? new Dictionary<int, int>(),
            segments ?? new Dictionary<Segment, SegmentFigures>(), 0, 0, 0, 0, used, no, dontKnow);

    static MeasureResult One(string json, ContractFigures f, IReadOnlyList<EnteredFigure>? entered = null, TownRural? tr = null) =>
        GoalEvaluator.Evaluate(MeasureSpec.ParseList(json), new EvaluationContext(2024, f, entered ?? [], tr)).Single();

    [Fact]
    public void With_no_data_every_measure_awaits_data()
    {
        var f = Figures();
        foreach (var json in new[] { """[{"kind":"newCompanies","min":50}]""", """[{"kind":"cases","targets":{"Kort":880}}]""", """[{"kind":"referralUsed","min":50}]""",
                     """[{"kind":"satisfaction","min":80}]""", """[{"kind":"nps","min":70}]""", """[{"kind":"gearing","min":2.5}]""", """[{"kind":"entered","key":"kendskabsgrad","min":50}]""" })
            Assert.Equal(GoalStatus.AwaitingData, One(json, f).Status);
    }

    [Fact]
    public void Counts_are_projected_linearly_to_31_December()
    {
        // 30 June 2024 is day 182 of 366: 440 short cases project to 440 × 366 / 182 = 884.8 → 885 ≥ 880.
        var m = One("""[{"kind":"cases","targets":{"Kort":880}}]""", Figures(new DateOnly(2024, 6, 30), kort: 440));
        Assert.Equal(GoalStatus.OnTrack, m.Status);
        Assert.Contains("Korte forløb: 885", m.Projection);
        var behind = One("""[{"kind":"cases","targets":{"Kort":880}}]""", Figures(new DateOnly(2024, 6, 30), kort: 430));
        Assert.Equal(GoalStatus.AtRisk, behind.Status);
        var yearEnd = One("""[{"kind":"cases","targets":{"Kort":880}}]""", Figures(new DateOnly(2024, 12, 31), kort: 870));
        Assert.Equal(GoalStatus.NotMet, yearEnd.Status);
        Assert.Equal(GoalStatus.Met, One("""[{"kind":"cases","targets":{"Kort":880}}]""", Figures(new DateOnly(2024, 9, 1), kort: 880)).Status);
    }

    [Fact]
    public void Referral_share_excludes_dont_know_and_all_dont_know_awaits_data()
    {
        var m = One("""[{"kind":"referralUsed","min":50}]""", Figures(new DateOnly(2024, 6, 30), used: 5, no: 5, dontKnow: 90));
        Assert.Equal("50,0 %", m.Actual);
        Assert.Equal(GoalStatus.OnTrack, m.Status);
        Assert.Equal(GoalStatus.AwaitingData, One("""[{"kind":"referralUsed","min":50}]""", Figures(new DateOnly(2024, 6, 30), dontKnow: 12)).Status);
    }

    [Fact]
    public void Nps_is_promoters_minus_detractors_per_segment_and_a_silent_segment_awaits_data()
    {
        var segments = new Dictionary<Segment, SegmentFigures> { [Segment.Drift] = new(100, 85, 100, 80, 8) };
        var m = One("""[{"kind":"nps","min":70}]""", Figures(new DateOnly(2024, 6, 30), segments: segments));
        Assert.Contains("Driftssegmentet: 72,0", m.Actual);
        Assert.Equal(GoalStatus.AwaitingData, m.Status); // the growth segment has no responses yet
        segments[Segment.Vaekst] = new(10, 7, 10, 8, 1);
        Assert.Equal(GoalStatus.OnTrack, One("""[{"kind":"nps","min":70}]""", Figures(new DateOnly(2024, 6, 30), segments: segments)).Status);
        var satisfaction = One("""[{"kind":"satisfaction","min":80}]""", Figures(new DateOnly(2024, 6, 30), segments: segments));
        Assert.Equal(GoalStatus.AtRisk, satisfaction.Status); // growth: 7 of 10 "Meget tilfreds"
    }

    [Fact]
    public void Town_and_rural_compares_case_shares_with_population_and_leaves_out_unclassified_municipalities()
    {
        var tr = new TownRural(new Dictionary<int, long> { [320] = 60, [326] = 40 }, new HashSet<int> { 326 }, new Dictionary<int, string> { [326] = "Kalundborg" }, "test");
        var m = One("""[{"kind":"townRural","maxDeviation":10}]""", Figures(new DateOnly(2024, 6, 30), municipalities: new() { [320] = 70, [326] = 30, [101] = 5 }), tr: tr);
        Assert.Equal("30,0 %", m.Actual);
        Assert.Equal(GoalStatus.OnTrack, m.Status);
        Assert.Contains(m.Lines, l => l.StartsWith("5 forløb"));
        var skewed = One("""[{"kind":"townRural","maxDeviation":10}]""", Figures(new DateOnly(2024, 6, 30), municipalities: new() { [320] = 90, [326] = 10 }), tr: tr);
        Assert.Equal(GoalStatus.AtRisk, skewed.Status);
    }

    [Fact]
    public void Entered_figures_carry_their_source_and_gearing_is_computed_from_two_of_them()
    {
        EnteredFigure E(string key, decimal v, int year = 2024) => new() { Key = key, Value = v, Year = year, Date = new DateOnly(year, 9, 30), Source = "Test", EnteredBy = "x" };
        var awareness = One("""[{"kind":"entered","key":"kendskabsgrad","min":50,"year":2023}]""", Figures(), [E("kendskabsgrad", 33, 2020)]);
        Assert.Equal(GoalStatus.AwaitingData, awareness.Status);
        Assert.Contains(awareness.Lines, l => l.Contains("Tidligere: 33 % (2020"));
        Assert.Equal(GoalStatus.Met, One("""[{"kind":"entered","key":"kendskabsgrad","min":50,"year":2023}]""", Figures(), [E("kendskabsgrad", 55.5m, 2023)]).Status);
        var gearing = One("""[{"kind":"gearing","min":2.5}]""", Figures(), [E("omsaetning", 52_000_000), E("driftsmidler", 20_000_000)]);
        Assert.Equal("2,60", gearing.Actual);
        Assert.Equal(GoalStatus.Met, gearing.Status);
    }

    [Fact]
    public void A_combined_goal_takes_its_most_concerning_part()
    {
        Assert.Equal(GoalStatus.NotMet, GoalStatuses.Worst([GoalStatus.Met, GoalStatus.NotMet, GoalStatus.AtRisk]));
        Assert.Equal(GoalStatus.AwaitingData, GoalStatuses.Worst([GoalStatus.Met, GoalStatus.AwaitingData]));
        Assert.Equal(GoalStatus.AtRisk, GoalStatuses.Worst([GoalStatus.AwaitingData, GoalStatus.AtRisk]));
    }
}

public class ContractRowsTests
{
    static TabularFile File(string csv) => Tabular.Read(System.Text.Encoding.UTF8.GetBytes(csv), "x.csv");
    const string Header = "sag_id,cvr,kommunekode,hovedsaede_region,type,startdato,slutdato,temaer,henvist_ekstern,vejledt_aaret_foer\n";

    [Theory]
    [InlineData("10150817", true)]
    [InlineData("10150818", false)]
    [InlineData("1015081", false)]
    [InlineData("1015081x", false)]
    public void Cvr_numbers_pass_the_modulus_11_check(string cvr, bool valid) => Assert.Equal(valid, ContractRows.IsValidCvr(cvr));

    [Fact]
    public void Every_bad_row_is_reported_with_its_line_and_nothing_is_returned()
    {
        var csv = Header +
            "A1,10150817,320,1085,handlingsplan,2024-02-01,2024-03-01,ESG,ja,nej\n" +
            "\n" +
            "A2,12345678,320,1085,handlingsplan,2024-02-01,,,nej,nej\n" +
            "A3,10150817,999,1085,handlingsplan,2024-02-01,,,nej,nej\n" +
            "A4,10150817,320,1085,vækstplan,2024-05-01,2024-04-01,,nej,nej\n" +
            "A1,10150817,320,1085,kort forløb,2024-02-01,,,nej,nej\n" +
            "A9,10150817,320,1085,kort forløb,2024-02-01,,,nej,nej\n";
        var parsed = ContractRows.Registrations(File(csv), new HashSet<string> { "A9" }, new HashSet<int> { 320 });
        Assert.Empty(parsed.Rows);
        Assert.Equal(1, parsed.SkippedEmptyRows);
        Assert.Equal([
            "Linje 4: cvr »12345678« er ikke et gyldigt CVR-nummer (8 cifre med gyldigt kontrolciffer)",
            "Linje 5: kommunekode »999« er ikke en dansk kommunekode",
            "Linje 6: slutdato 01-04-2024 ligger før startdato 01-05-2024",
            "Linje 7: sag_id »A1« står også i linje 2",
            "Linje 8: sag_id »A9« er allerede indlæst",
        ], parsed.Errors);
    }

    [Fact]
    public void Wrong_columns_are_named()
    {
        var parsed = ContractRows.Registrations(File("id,cvr\n1,10150817\n"), new HashSet<string>(), new HashSet<int>());
        Assert.StartsWith("Filen har ikke de forventede kolonner. Mangler: sag_id, kommunekode", Assert.Single(parsed.Errors));
    }

    [Fact]
    public void Windows_1252_text_is_read_and_said_so()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var bytes = System.Text.Encoding.GetEncoding(1252).GetBytes("cvr,segment,tilfredshed,anbefaling,effekt,digitalisering,henvisning_brugt\n10150817,vækst,Meget tilfreds,10,I høj grad,nej,\n");
        var file = Tabular.Read(bytes, "eval.csv");
        Assert.NotNull(file.EncodingNote);
        var parsed = ContractRows.Evaluations(file);
        Assert.Empty(parsed.Errors);
        Assert.Equal((Segment.Vaekst, "hoej"), (parsed.Rows[0].Segment, parsed.Rows[0].Effect));
    }

    [Fact]
    public void Xlsx_rows_and_date_cells_are_read_like_csv()
    {
        var xlsx = Xlsx.Write([("Forløb", [
            ContractRows.RegistrationColumns,
            new[] { "B1", "10150817", "320", "Region Sjælland", "Kort forløb", "45352", "", "AI-tjek;digitalisering", "nej", "ja" },
        ])]);
        var parsed = ContractRows.Registrations(Tabular.Read(xlsx, "crm.xlsx"), new HashSet<string>(), new HashSet<int> { 320 });
        Assert.True(parsed.Errors.Count == 0, string.Join("; ", parsed.Errors));
        var r = Assert.Single(parsed.Rows);
        Assert.Equal((new DateOnly(2024, 3, 1), 1085, true, true, true), (r.StartDate, r.HqRegionCode, r.IsAiCheck, r.IsDigital, r.GuidedPreviousYear));
    }

    [Fact]
    public void The_demo_generator_writes_files_the_import_accepts()
    {
        var csv = ContractDemoData.Registrations(1, 2024, new DateOnly(2024, 6, 30), 300, [(320, 37_700), (326, 48_800)]);
        var parsed = ContractRows.Registrations(File(csv), new HashSet<string>(), new HashSet<int> { 101, 320, 326 });
        Assert.Empty(parsed.Errors);
        Assert.Equal(300, parsed.Rows.Count);
        Assert.Empty(ContractRows.Evaluations(File(ContractDemoData.Evaluations(1, 200))).Errors);
    }
}
