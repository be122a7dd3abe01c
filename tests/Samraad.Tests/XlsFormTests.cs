using Samraad.Documents;
using Samraad.Features.Collections.Forms;

namespace Samraad.Tests;

/// <summary>The form spreadsheet (XLSForm) both ways: an exact round trip of every form there is, and every refusal in Danish with its place.</summary>
public class XlsFormTests
{
    public static TheoryData<string> Forms()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestForms.RepoRoot, "packs"), "form.json", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(TestForms.RepoRoot, "tests"), "form.json", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("Broken", StringComparison.OrdinalIgnoreCase)))
            data.Add(Path.GetRelativePath(TestForms.RepoRoot, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_form_survives_the_round_trip_through_a_spreadsheet_exactly(string file)
    {
        AssertRoundTrip(FormSpecReader.Parse(File.ReadAllText(Path.Combine(TestForms.RepoRoot, file))));
    }

    [Fact]
    public void The_template_and_the_all_types_form_survive_the_round_trip()
    {
        AssertRoundTrip(TestForms.AllTypes());
        AssertRoundTrip(XlsFormTemplate.Example());
    }

    [Fact]
    public void The_template_reads_back_with_every_type_and_has_a_Danish_guide()
    {
        var bytes = XlsFormTemplate.Write();
        var read = XlsFormReader.Read(bytes);
        Assert.True(read.Ok, string.Join("\n", read.Problems));
        Assert.Equal(Enum.GetValues<FieldType>().OrderBy(t => t), read.Form!.Fields.Select(f => f.Type).Distinct().OrderBy(t => t));
        var sheets = Tabular.ReadSheets(bytes);
        Assert.Contains("vejledning", sheets.Keys);
        Assert.Contains(sheets["vejledning"].Rows, r => r["hvad den betyder"].Contains("relevant", StringComparison.Ordinal) || r["ark og kolonne"] == "survey: relevant");
    }

    static void AssertRoundTrip(FormSpec form)
    {
        var read = XlsFormReader.Read(XlsFormWriter.Write(form), form.Key);
        Assert.True(read.Ok, string.Join("\n", read.Problems));
        Assert.Equal(FormSpecReader.Write(form), FormSpecReader.Write(read.Form!));
    }

    /// <summary>Every condition the editor makes, and the shapes of the expression language, come back as they went.</summary>
    [Theory]
    [InlineData("""{"field":"ja","isYes":true}""", "${ja} = 'ja'")]
    [InlineData("""{"field":"ja","isYes":false}""", "${ja} != 'ja'")]
    [InlineData("""{"field":"ja","equals":"nej"}""", "${ja} = 'nej'")]
    [InlineData("""{"field":"valg","equals":"b"}""", "${valg} = 'b'")]
    [InlineData("""{"field":"valg","oneOf":["a","b"]}""", "(${valg} = 'a' or ${valg} = 'b')")]
    [InlineData("""{"field":"flere","equals":"x"}""", "selected(${flere}, 'x')")]
    [InlineData("""{"field":"antal","atLeast":10}""", "${antal} >= 10")]
    [InlineData("""{"field":"antal","atMost":2.5}""", "${antal} <= 2.5")]
    [InlineData("""{"field":"antal","greaterThan":0}""", "${antal} > 0")]
    [InlineData("""{"field":"antal","lessThan":-1}""", "${antal} < -1")]
    [InlineData("""{"field":"valg"}""", "${valg} != ''")]
    [InlineData("""{"field":"antal","atLeast":3,"atMost":3}""", "${antal} = 3")]
    [InlineData("""{"all":[{"field":"ja","isYes":true},{"any":[{"field":"antal","atLeast":5},{"field":"valg","equals":"a"}]}]}""",
        "${ja} = 'ja' and (${antal} >= 5 or ${valg} = 'a')")]
    [InlineData("""{"any":[{"all":[{"field":"ja","isYes":true},{"field":"antal","atLeast":5}]},{"field":"valg","oneOf":["a","b"]}]}""",
        "(${ja} = 'ja' and ${antal} >= 5) or (${valg} = 'a' or ${valg} = 'b')")]
    public void Conditions_are_written_as_XLSForm_and_read_back_the_same(string condition, string expected)
    {
        var form = ConditionForm(condition);
        var written = XlsFormExpressions.WriteRelevant(form.Field("spm")!.AskedIf!, form);
        Assert.Equal(expected, written);
        AssertRoundTrip(form);
    }

    static FormSpec ConditionForm(string condition) => FormSpecReader.Parse($$"""
    {"key":"betingelser","version":1,"title":"Betingelser","sections":[{"key":"a","title":"A","fields":[
      {"key":"ja","label":"Ja eller nej?","type":"yesNo"},
      {"key":"valg","label":"Valg","type":"choice","options":[{"key":"a","label":"A"},{"key":"b","label":"B"},{"key":"c","label":"C"}]},
      {"key":"flere","label":"Flere","type":"multiChoice","options":[{"key":"x","label":"X"},{"key":"y","label":"Y"}]},
      {"key":"antal","label":"Antal","type":"integer"},
      {"key":"spm","label":"Opfølgning","type":"text","askedIf":{{condition}}}]}]}
    """);

    [Fact]
    public void A_form_written_for_KoboToolbox_within_the_subset_imports()
    {
        // repeat_count is required by Samraad: a Kobo repeat without one is refused, with the column named.
        var refused = XlsFormReader.Read(Kobo(repeatCount: null));
        Assert.False(refused.Ok);
        Assert.Contains(refused.Problems, p => p.StartsWith("survey, række 12, kolonne repeat_count:", StringComparison.Ordinal));

        var read = XlsFormReader.Read(Kobo(repeatCount: "10"));
        Assert.True(read.Ok, string.Join("\n", read.Problems));
        var form = read.Form!;
        Assert.Equal("climate_2025", form.Key);
        Assert.Equal("Climate", form.Title);
        var plan = form.Field("has_plan")!;
        Assert.Equal(("Har kommunen en plan?", "Den vedtagne plan", FieldType.Choice, "yes_no", true), (plan.Label, plan.Hint, plan.Type, plan.Scale, plan.Required));
        var staff = form.Field("staff")!;
        Assert.Equal((0m, 500m, "has_plan", "yes"), (staff.Min!.Value, staff.Max!.Value, staff.AskedIf!.Field, staff.AskedIf.EqualTo));
        var measures = form.Field("measures")!;
        Assert.Equal((FieldType.MultiChoice, 2), (measures.Type, measures.MaxChoices!.Value));
        Assert.Equal(2, measures.AskedIf!.All!.Count);
        var likert = form.Field("likert")!;
        Assert.Equal(FieldType.Matrix, likert.Type);
        Assert.Equal(["neighbours", "region"], likert.Rows!.Select(r => r.Key));
        Assert.Equal("agree", likert.Cell!.Scale);
        Assert.True(likert.Required);
        var projects = form.Field("projects")!;
        Assert.Equal((FieldType.Table, 10), (projects.Type, projects.MaxRows!.Value));
        Assert.Equal((80, true), (projects.TableColumns![0].MaxLength!.Value, projects.TableColumns[1].NotInPast));
        Assert.Contains(read.Notes, n => n.Contains("»start« er metadata", StringComparison.Ordinal));
        Assert.Contains(read.Notes, n => n.Contains("overskriftsrækken", StringComparison.Ordinal));
    }

    static byte[] Kobo(string? repeatCount) => Sheet(
        [
            ["type", "name", "label::English (en)", "label::Dansk (da)", "hint::Dansk (da)", "required", "relevant", "constraint", "appearance", "repeat_count"],
            ["start", "start", null, null, null, null, null, null, null, null],
            ["end", "end", null, null, null, null, null, null, null, null],
            ["select_one yes_no", "Has_Plan", "Has a plan?", "Har kommunen en plan?", "Den vedtagne plan", "yes", null, null, null, null],
            ["integer", "Staff", "Staff", "Antal medarbejdere", null, "true()", "${Has_Plan} = 'yes'", ". >= 0 and . <= 500", null, null],
            ["select_multiple measures", "measures", "Measures", "Tiltag", null, null, "selected(${Has_Plan}, 'yes') and ${Staff} > 2", "count-selected(.) <= 2", "minimal", null],
            ["begin_group", "likert", "Cooperation", "Samarbejde", null, null, null, null, "table-list", null],
            ["select_one agree", "header", "Cooperation", "Samarbejde", null, null, null, null, "label", null],
            ["select_one agree", "neighbours", "Neighbours", "Nabokommuner", null, "yes", null, null, "list-nolabel", null],
            ["select_one agree", "region", "Region", "Regionen", null, "yes", null, null, "list-nolabel", null],
            ["end_group", null, null, null, null, null, null, null, null, null],
            ["begin_repeat", "projects", "Projects", "Projekter", null, null, null, null, null, repeatCount],
            ["text", "project_name", "Name", "Navn", null, "yes", null, "string-length(.) <= 80", null, null],
            ["date", "done", "Done", "Færdig", null, null, null, ". >= today()", null, null],
            ["end_repeat", null, null, null, null, null, null, null, null, null],
        ],
        [
            ["list_name", "name", "label::English (en)", "label::Dansk (da)"],
            ["yes_no", "yes", "Yes", "Ja"], ["yes_no", "no", "No", "Nej"],
            ["measures", "plan", "Plan", "Plan"], ["measures", "map", "Map", "Kortlægning"], ["measures", "dike", "Dike", "Dige"],
            ["agree", "agree", "Agree", "Enig"], ["agree", "disagree", "Disagree", "Uenig"],
        ],
        [["form_title", "form_id", "version"], ["Climate", "climate_2025", "vX1"]]);

    static byte[] Sheet(List<IReadOnlyList<string?>> survey, List<IReadOnlyList<string?>>? choices = null, List<IReadOnlyList<string?>>? settings = null) =>
        Xlsx.Write(new (string, List<IReadOnlyList<string?>>)[] { ("survey", survey), ("choices", choices ?? [["list_name", "name", "label"]]), ("settings", settings ?? [["form_title"], ["Test"]]) });

    static List<IReadOnlyList<string?>> Survey(params string?[][] rows) =>
        [["type", "name", "label", "required", "relevant", "constraint", "appearance", "repeat_count"], .. rows];

    static readonly List<IReadOnlyList<string?>> Grad = [["list_name", "name", "label"], ["grad", "hoej", "Høj"], ["grad", "lav", "Lav"]];

    /// <summary>Each bad sheet is refused whole, with the sheet, row and column named.</summary>
    [Theory]
    [InlineData("slider", "survey, række 3, kolonne type: ukendt type »slider«; tilladt: integer, decimal, text")]
    [InlineData("dup", "survey, række 4, kolonne name: »a« findes to gange")]
    [InlineData("later", "survey, række 2, kolonne relevant: »${b} = 'x'«: ${b} er ikke et spørgsmål, der kommer før dette i skemaet.")]
    [InlineData("unknown-ref", "survey, række 3, kolonne relevant: »${zz} > 1«: ${zz} er ikke et spørgsmål, der kommer før dette i skemaet.")]
    [InlineData("outside", "survey, række 3, kolonne relevant: »if(${a} > 1, true(), false())«: »if« er ikke med i det udvalg af udtryk")]
    [InlineData("not", "survey, række 3, kolonne relevant: »not(${a} = 1)«: not() er ikke med")]
    [InlineData("empty-matrix", "survey, række 2, kolonne type: matrixen »m« har ingen rækker")]
    [InlineData("no-list", "survey, række 2, kolonne type: listen »findesikke« findes ikke på arket choices.")]
    [InlineData("unclosed", "survey, række 2, kolonne type: afsnittet »s« afsluttes aldrig med end_group.")]
    [InlineData("no-label", "survey, række 2, kolonne label: »a« mangler en tekst (label).")]
    [InlineData("bad-option", "survey, række 3, kolonne relevant: »${g} = 'mellem'«: »mellem« er ikke et af svarene på »g« (der er hoej, lav).")]
    [InlineData("mixed-matrix", "survey, række 4, kolonne type: rækkerne i matrixen »m« skal have samme type")]
    [InlineData("constraint", "survey, række 2, kolonne constraint: »regex(., '[0-9]+')«: »regex« er ikke med i det udvalg af udtryk")]
    [InlineData("calculate", "survey, række 2, kolonne calculation: kolonnen calculation understøttes ikke")]
    [InlineData("repeat-count", "survey, række 2, kolonne repeat_count: »${a}« er ikke et antal rækker")]
    [InlineData("duplicate-column", "Arket »survey«: kolonnen »label« står to gange i første række")]
    [InlineData("matrix-row-missing", "survey, række 3, kolonne samraad_missing: samraad_missing gælder hele matrixen »m«")]
    [InlineData("huge-bound", "survey, række 2, kolonne constraint: ». > 99999999999999999999«: ». > 99999999999999999999« understøttes ikke")]
    public void A_bad_sheet_is_refused_with_sheet_row_and_column(string sheet, string expected)
    {
        byte[] bytes = sheet switch
        {
            "slider" => Sheet(Survey(["integer", "a", "A"], ["slider", "b", "B"])),
            "dup" => Sheet(Survey(["integer", "a", "A"], ["text", "b", "B"], ["text", "a", "A igen"])),
            "later" => Sheet(Survey(["integer", "a", "A", null, "${b} = 'x'"], ["text", "b", "B"])),
            "unknown-ref" => Sheet(Survey(["integer", "a", "A"], ["text", "b", "B", null, "${zz} > 1"])),
            "outside" => Sheet(Survey(["integer", "a", "A"], ["text", "b", "B", null, "if(${a} > 1, true(), false())"])),
            "not" => Sheet(Survey(["integer", "a", "A"], ["text", "b", "B", null, "not(${a} = 1)"])),
            "empty-matrix" => Sheet(Survey(["begin_group", "m", "Matrix", null, null, null, "table-list"], ["end_group"]), Grad),
            "no-list" => Sheet(Survey(["select_one findesikke", "a", "A"])),
            "unclosed" => Sheet(Survey(["begin_group", "s", "Afsnit"], ["integer", "a", "A"])),
            "no-label" => Sheet(Survey(["integer", "a", ""])),
            "bad-option" => Sheet(Survey(["select_one grad", "g", "G"], ["text", "b", "B", null, "${g} = 'mellem'"]), Grad),
            "mixed-matrix" => Sheet(Survey(["begin_group", "m", "Matrix", null, null, null, "table-list"], ["select_one grad", "r1", "R1"], ["integer", "r2", "R2"], ["end_group"]), Grad),
            "constraint" => Sheet(Survey(["integer", "a", "A", null, null, "regex(., '[0-9]+')"])),
            "calculate" => Sheet([["type", "name", "label", "calculation"], ["integer", "a", "A", "1 + 1"]]),
            "repeat-count" => Sheet(Survey(["begin_repeat", "t", "T", null, null, null, null, "${a}"], ["text", "x", "X"], ["end_repeat"])),
            "duplicate-column" => Sheet([["type", "name", "label", "label"], ["integer", "a", "A", "B"]]),
            "matrix-row-missing" => Sheet([["type", "name", "label", "appearance", "samraad_missing"], ["begin_group", "m", "M", "table-list", null], ["select_one grad", "r1", "R1", null, "ved-ikke"], ["end_group"]],
                [["list_name", "name", "label"], ["grad", "hoej", "Høj"], ["samraad_missing_codes", "ved-ikke", "Ved ikke"]]),
            "huge-bound" => Sheet(Survey(["integer", "a", "A", null, null, ". > 99999999999999999999"])),
            _ => throw new ArgumentOutOfRangeException(nameof(sheet)),
        };
        var read = XlsFormReader.Read(bytes);
        Assert.False(read.Ok);
        Assert.Null(read.Form);
        Assert.Contains(read.Problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Spaced_types_and_whole_number_bounds_read_as_XLSForm_means_them()
    {
        var read = XlsFormReader.Read(Sheet(Survey(["select one grad", "g", "G"], ["integer", "n", "N", null, null, ". > 2.5 and . < 10"]), Grad));
        Assert.True(read.Ok, string.Join("\n", read.Problems));
        Assert.Equal((FieldType.Choice, "grad"), (read.Form!.Field("g")!.Type, read.Form.Field("g")!.Scale));
        Assert.Equal((3m, 9m), (read.Form.Field("n")!.Min!.Value, read.Form.Field("n")!.Max!.Value));
    }

    [Fact]
    public void A_cycle_is_refused_and_a_file_that_is_not_a_spreadsheet_is_named()
    {
        // A cycle cannot be written in XLSForm order (a condition names only earlier questions), so it is caught there.
        var read = XlsFormReader.Read(Sheet(Survey(["integer", "a", "A", null, "${a} > 1"])));
        Assert.Contains(read.Problems, p => p.Contains("er ikke et spørgsmål, der kommer før dette", StringComparison.Ordinal));
        var notXlsx = XlsFormReader.Read("type;name\ninteger;a"u8.ToArray());
        Assert.Equal(["Filen er ikke et XLSX-regneark. Gem den fra Excel som »Excel-projektmappe (*.xlsx)«, og prøv igen."], notXlsx.Problems);
        var noSurvey = XlsFormReader.Read(Xlsx.Write([("Ark1", [["a"], ["b"]])]));
        Assert.StartsWith("Regnearket mangler arket »survey«", noSurvey.Problems[0], StringComparison.Ordinal);
    }
}
