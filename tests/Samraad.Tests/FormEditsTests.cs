using Samraad.Features.Collections.Authoring;
using Samraad.Features.Collections.Forms;

namespace Samraad.Tests;

public class FormEditsTests
{
    public static IEnumerable<object[]> PackForms() =>
        Directory.GetFiles(Path.Combine(TestForms.RepoRoot, "packs"), "form.json", SearchOption.AllDirectories).Order().Select(p => new object[] { Path.GetRelativePath(TestForms.RepoRoot, p) });

    [Theory, MemberData(nameof(PackForms))]
    public void Every_pack_form_is_written_back_to_the_same_form(string path)
    {
        var form = FormSpecReader.Parse(File.ReadAllText(Path.Combine(TestForms.RepoRoot, path)));
        var written = FormSpecReader.Write(form);
        var again = FormSpecReader.Parse(written);
        Assert.Equal(written, FormSpecReader.Write(again));
        Assert.Equal(form.FixedLeaves().Select(l => (l.Key, l.Label, l.Spec.Type)), again.FixedLeaves().Select(l => (l.Key, l.Label, l.Spec.Type)));
        Assert.Equal(form.Fields.Select(f => Conditions.Describe(form, f)), again.Fields.Select(f => Conditions.Describe(again, f)));
    }

    static FormSpec Blank() => FormSpecReader.Parse("""{"key":"k","version":1,"title":"K","missingCodes":[{"key":"ved-ikke","label":"Ved ikke"}],"sections":[]}""");

    [Fact]
    public void Questions_of_each_kind_are_built_from_what_was_typed_and_a_renamed_key_follows_into_conditions()
    {
        var form = Blank();
        Assert.Empty(FormEdits.AddSection(form, "Plan og tiltag", null));
        Assert.Equal("plan-og-tiltag", form.Sections[0].Key);
        Assert.Empty(FormEdits.SaveField(form, "plan-og-tiltag", null, new QuestionInput("plan", "Har kommunen en plan?", "yesNo", Required: true)));
        Assert.Empty(FormEdits.SaveField(form, "plan-og-tiltag", null, new QuestionInput(null, "Hvilke tiltag?", "multiChoice",
            Options: "plan = Klimatilpasningsplan\nLokal afledning af regnvand\ningen = Ingen af delene", Exclusive: "ingen", MaxChoices: "2",
            ConditionField: "plan", ConditionOperator: "equals", ConditionValue: "Ja")));
        var tiltag = FormSpecReader.Parse(FormSpecReader.Write(form)).Field("hvilke-tiltag")!;
        Assert.Equal(["plan", "lokal-afledning-af-regnvand", "ingen"], tiltag.ResolvedOptions.Select(o => o.Key));
        Assert.True(tiltag.ResolvedOptions[2].Exclusive);
        Assert.Equal((2, "plan", "ja"), (tiltag.MaxChoices!.Value, tiltag.AskedIf!.Field!, tiltag.AskedIf.EqualTo!));

        Assert.Empty(FormEdits.SaveField(form, "", "plan", new QuestionInput("har-plan", "Har kommunen en plan?", "yesNo")));
        Assert.Equal("har-plan", form.Field("hvilke-tiltag")!.AskedIf!.Field);
    }

    [Theory]
    [InlineData("matrix", "rows", "Skriv mindst én række")]
    [InlineData("table", "tableColumns", "Skriv mindst én kolonne")]
    [InlineData("choice", "options", "Skriv svarmulighederne, én pr. linje")]
    [InlineData("skala", "type", "Vælg en type")]
    public void A_question_missing_its_parts_is_refused_by_the_input(string type, string key, string message)
    {
        var form = Blank();
        FormEdits.AddSection(form, "A", null);
        var errors = FormEdits.SaveField(form, "a", null, new QuestionInput("x", "Spørgsmål", type, CellType: "integer", Columns: "k = K"));
        Assert.Contains(errors, e => e.Key == key && e.Message.StartsWith(message));
        Assert.Empty(form.Fields);
    }

    [Fact]
    public void Lines_with_a_bad_key_or_a_repeated_key_are_refused_with_the_line_number()
    {
        var errors = new List<Samraad.Common.FieldError>();
        Assert.Null(QuestionInput.ParseOptions("a = A\nB B = Bee", "options", "Svarmuligheder", errors));
        Assert.Equal("Svarmuligheder, linje 2: skriv »nøgle = tekst« eller bare teksten; nøglen må have små bogstaver a–z, tal og bindestreg", errors[0].Message);
        errors.Clear();
        Assert.Null(QuestionInput.ParseOptions("ja = Ja\nja = Også ja", "options", "Svarmuligheder", errors));
        Assert.Contains("nøglen »ja« findes allerede", errors[0].Message);
    }

    [Fact]
    public void Moving_past_the_ends_does_nothing()
    {
        var form = Blank();
        FormEdits.AddSection(form, "A", null);
        FormEdits.AddSection(form, "B", null);
        Assert.False(FormEdits.MoveSection(form, "a", FormEdits.Move.Up));
        Assert.True(FormEdits.MoveSection(form, "a", FormEdits.Move.Down));
        Assert.Equal(["b", "a"], form.Sections.Select(s => s.Key));
    }
}
