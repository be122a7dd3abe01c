using Samraad.Features.Collections.Forms;

namespace Samraad.Tests;

public class FormAnswersTests
{
    static readonly FormSpec Form = TestForms.AllTypes();

    static Dictionary<string, RawAnswer> Inputs(params (string Key, string? Value)[] values) =>
        values.ToDictionary(v => v.Key, v => new RawAnswer(v.Value));

    [Fact]
    public void A_draft_may_hold_any_subset_of_fields()
    {
        var (answers, errors) = FormAnswers.ParseDraft(Form, Inputs(("antal", "7")));
        Assert.Empty(errors);
        Assert.Equal(new AnswerValue("7"), answers["antal"]);
    }

    [Fact]
    public void One_bad_value_means_nothing_is_returned_to_save()
    {
        var (answers, errors) = FormAnswers.ParseDraft(Form, Inputs(("antal", "7"), ("pct", "150")));
        Assert.Empty(answers);
        Assert.Equal("pct", Assert.Single(errors).Key);
    }

    [Fact]
    public void Unknown_keys_are_errors()
    {
        var (_, errors) = FormAnswers.ParseDraft(Form, Inputs(("findes-ikke", "1"), ("aar/deltagere/y1999", "1")));
        Assert.Equal(["Feltet »findes-ikke« findes ikke i skemaet", "Feltet »aar/deltagere/y1999« findes ikke i skemaet"], errors.Select(e => e.Message));
        var shape = FormAnswers.ParseEach(TestForms.AllTypes(), new Dictionary<string, RawAnswer> { ["aar/deltagere"] = new("3"), ["projekter"] = new("x") }).Errors;
        Assert.Equal(["»aar« er en matrix: svar pr. celle med nøglen aar/række/kolonne, fx aar/deltagere/y2021",
            "»projekter« er en tabel: svar pr. celle med nøglen projekter/rækkenummer/kolonne, fx projekter/1/navn"], shape.Select(e => e.Message));
    }

    [Fact]
    public void Matrix_cells_are_validated_with_the_cell_type()
    {
        var (answers, errors) = FormAnswers.ParseDraft(Form, Inputs(("aar/deltagere/y2021", "120"), ("aar/aktiviteter/y2022", "x")));
        Assert.Empty(answers);
        var error = Assert.Single(errors);
        Assert.Equal("aar/aktiviteter/y2022", error.Key);
        Assert.Equal("Nøgletal – Aktiviteter – 2022 skal være et helt tal, fx 12", error.Message);
    }

    [Fact]
    public void A_table_refuses_rows_beyond_its_maximum_with_the_packs_message()
    {
        var (_, errors) = FormAnswers.ParseDraft(Form, Inputs(("projekter/1/navn", "A"), ("projekter/3/navn", "C")));
        Assert.Equal("Der kan højst angives 2 projekter pr. ansøgning", Assert.Single(errors).Message);
    }

    [Fact]
    public void A_missing_code_is_distinct_from_empty_and_only_where_allowed()
    {
        var (answers, errors) = FormAnswers.ParseDraft(Form, new Dictionary<string, RawAnswer> { ["antal"] = new(null, "data-mangler") });
        Assert.Empty(errors);
        Assert.Equal(new AnswerValue(null, "data-mangler"), answers["antal"]);

        (_, errors) = FormAnswers.ParseDraft(Form, new Dictionary<string, RawAnswer> { ["andel"] = new(null, "ved-ikke") });
        Assert.Equal("»Ved ikke« kan ikke vælges til Andel", Assert.Single(errors).Message);

        (_, errors) = FormAnswers.ParseDraft(Form, new Dictionary<string, RawAnswer> { ["antal"] = new("3", "ved-ikke") });
        Assert.Equal("Angiv enten et svar eller »Ved ikke« til Antal pladser, ikke begge", Assert.Single(errors).Message);
    }

    [Fact]
    public void Empty_input_clears_an_answer()
    {
        var (answers, errors) = FormAnswers.ParseDraft(Form, Inputs(("antal", "")));
        Assert.Empty(errors);
        Assert.Null(answers["antal"]);
    }

    [Fact]
    public void Submission_requires_every_required_field()
    {
        var errors = FormAnswers.ValidateForSubmit(Form, new Dictionary<string, AnswerValue> { ["ja-nej"] = new("ja") });
        var error = Assert.Single(errors);
        Assert.Equal("grad", error.Key);
        Assert.Equal("Vælg et svar til Tilfredshed", error.Message);
        Assert.Empty(FormAnswers.ValidateForSubmit(Form, new Dictionary<string, AnswerValue> { ["ja-nej"] = new("ja"), ["grad"] = new("slet") }));
    }

    [Fact]
    public void A_message_names_the_question_alone_and_adds_the_section_only_where_the_question_is_asked_twice()
    {
        var akut = TestForms.Akut();
        var errors = FormAnswers.ValidateForSubmit(akut, new Dictionary<string, AnswerValue>());
        // "Udføres opgaven kommunalt?" is asked in every section: the section says which one is meant.
        Assert.StartsWith("Vælg et svar til Kemoterapi: ", errors.Single(e => e.Key == "kemoterapi.udfoeres").Message);
        // A question asked once is named alone, without its section's title.
        var (_, parsed) = FormAnswers.ParseDraft(Form, Inputs(("antal", "tolv")));
        var tiltag = Assert.Single(parsed);
        Assert.Equal("Antal pladser skal være et helt tal, fx 12", tiltag.Message);
    }

    [Fact]
    public void A_missing_code_satisfies_required_but_an_answer_the_new_version_forbids_does_not()
    {
        var v2 = FormSpecReader.Parse(TestForms.AllTypesJson.Replace("""{"key":"slet","label":"Slet ikke"}""", """{"key":"lidt","label":"I mindre grad"}"""));
        var errors = FormAnswers.ValidateForSubmit(v2, new Dictionary<string, AnswerValue> { ["ja-nej"] = new("ja"), ["grad"] = new("slet") });
        Assert.Contains(errors, e => e.Key == "grad" && e.Message.Contains("Svaret »slet« findes ikke"));
    }

    [Fact]
    public void Answers_to_fields_a_newer_version_dropped_do_not_block_submission()
    {
        var errors = FormAnswers.ValidateForSubmit(Form, new Dictionary<string, AnswerValue>
            { ["ja-nej"] = new("ja"), ["grad"] = new("hoej"), ["gammelt-felt"] = new("x") });
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("""{"key":"x","sections":[{"key":"s","title":"S","fields":[{"key":"Store bogstaver","label":"L","type":"text"}]}]}""", "Ugyldig feltnøgle")]
    [InlineData("""{"key":"x","sections":[{"key":"s","title":"S","fields":[{"key":"a","label":"L","type":"text"},{"key":"a","label":"L","type":"text"}]}]}""", "findes to gange")]
    [InlineData("""{"key":"x","sections":[{"key":"s","title":"S","fields":[{"key":"a","label":"L","type":"choice"}]}]}""", "mangler svarmuligheder")]
    [InlineData("""{"key":"x","sections":[{"key":"s","title":"S","fields":[{"key":"a","label":"L","type":"table"}]}]}""", "tableColumns og maxRows")]
    [InlineData("""{"key":"x","sections":[{"key":"s","title":"S","fields":[{"key":"a","label":"L","type":"integer","missingCodes":["nope"]}]}]}""", "ukendte manglende-kode")]
    public void Broken_form_definitions_are_refused_with_a_reason(string json, string reason)
    {
        var e = Assert.Throws<InvalidDataException>(() => FormSpecReader.Parse(json));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void The_akut_pack_has_seven_tasks_with_three_questions_each()
    {
        var form = TestForms.Akut();
        Assert.Equal(7, form.Sections.Count);
        Assert.All(form.Sections, s => Assert.Equal(3, s.Fields.Count));
        Assert.Equal(21, form.FixedLeaves().Count());
    }
}
