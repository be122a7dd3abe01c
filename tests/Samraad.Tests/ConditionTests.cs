using Samraad.Features.Collections.Forms;

namespace Samraad.Tests;

/// <summary>Conditions: each kind of test, chains, and the forms refused when read (unknown field, cycle).</summary>
public class ConditionTests
{
    static FormSpec Form(string extra) => FormSpecReader.Parse("""
    { "key": "b", "version": 1, "title": "Betingelser",
      "scales": { "s": [ {"key":"a","label":"A"}, {"key":"b","label":"B","countsAsYes":true}, {"key":"c","label":"C"} ] },
      "sections": [ { "key": "x", "title": "X", "fields": [
        {"key":"plan","label":"Har kommunen en plan?","type":"yesNo"},
        {"key":"vedtaget","label":"Hvornår blev planen vedtaget?","type":"date","askedIf":{"field":"plan","equals":"ja"}},
        {"key":"antal","label":"Antal","type":"integer"},
        {"key":"valg","label":"Valg","type":"choice","scale":"s"},
        {"key":"flere","label":"Flere","type":"multiChoice","scale":"s"}EXTRA
      ] } ] }
    """.Replace("EXTRA", extra));

    static readonly FormSpec Plain = Form("");

    static Dictionary<string, AnswerValue> A(params (string Key, string Value)[] answers) => answers.ToDictionary(a => a.Key, a => new AnswerValue(a.Value));

    [Fact]
    public void Equals_holds_for_the_answer_and_a_chain_fails_when_its_first_question_is_not_asked()
    {
        var form = Form(""",{"key":"revideret","label":"Revideret?","type":"yesNo","askedIf":{"field":"vedtaget","atLeast":0}}""");
        Assert.True(Conditions.IsAsked(form, form.Field("vedtaget")!, A(("plan", "ja"))));
        Assert.False(Conditions.IsAsked(form, form.Field("vedtaget")!, A(("plan", "nej"))));
        Assert.False(Conditions.IsAsked(form, form.Field("vedtaget")!, A()));
        Assert.Equal("Besvares kun, hvis du har svaret Ja til »Har kommunen en plan?«.", Conditions.Describe(form, form.Field("vedtaget")!));
        Assert.Null(Conditions.Describe(form, form.Field("plan")!));
    }

    [Theory]
    [InlineData("""{"field":"antal","atLeast":5}""", "antal", "5", true)]
    [InlineData("""{"field":"antal","atLeast":5}""", "antal", "4", false)]
    [InlineData("""{"field":"antal","greaterThan":5}""", "antal", "5", false)]
    [InlineData("""{"field":"antal","lessThan":5}""", "antal", "4", true)]
    [InlineData("""{"field":"valg","oneOf":["a","c"]}""", "valg", "c", true)]
    [InlineData("""{"field":"valg","oneOf":["a","c"]}""", "valg", "b", false)]
    [InlineData("""{"field":"valg","isYes":true}""", "valg", "b", true)]
    [InlineData("""{"field":"flere","equals":"b"}""", "flere", "a;b", true)]
    [InlineData("""{"field":"flere","equals":"c"}""", "flere", "a;b", false)]
    [InlineData("""{"any":[{"field":"antal","atLeast":5},{"field":"valg","equals":"a"}]}""", "valg", "a", true)]
    [InlineData("""{"all":[{"field":"antal","atLeast":5},{"field":"valg","equals":"a"}]}""", "valg", "a", false)]
    public void Each_kind_of_condition(string condition, string key, string value, bool asked)
    {
        var form = Form(""",{"key":"q","label":"Q","type":"text","askedIf":""" + condition + "}");
        Assert.Equal(asked, Conditions.IsAsked(form, form.Field("q")!, A((key, value))));
    }

    [Theory]
    [InlineData(""",{"key":"q","label":"Q","type":"text","askedIf":{"field":"findes-ikke","equals":"ja"}}""", "nævner feltet »findes-ikke«, som ikke findes i skemaet")]
    [InlineData(""",{"key":"q","label":"Q","type":"text","askedIf":{"field":"r","equals":"x"}},{"key":"r","label":"R","type":"text","askedIf":{"field":"q","equals":"y"}}""", "danner en kreds: q → r → q")]
    [InlineData(""",{"key":"q","label":"Q","type":"text","askedIf":{"field":"q","equals":"y"}}""", "danner en kreds: q → q")]
    [InlineData(""",{"key":"q","label":"Q","type":"text","askedIf":{}}""", "nævner intet felt")]
    public void Impossible_conditions_refuse_the_form(string extra, string message) =>
        Assert.Contains(message, Assert.Throws<InvalidDataException>(() => Form(extra)).Message);

    [Fact]
    public void A_question_not_asked_is_not_required_and_its_stored_answer_does_not_count()
    {
        var form = Form(""",{"key":"hvorfor","label":"Hvorfor ikke?","type":"text","required":true,"askedIf":{"field":"plan","equals":"nej"}}""");
        Assert.Contains(FormAnswers.ValidateForSubmit(form, A(("plan", "nej"))), e => e.Key == "hvorfor");
        Assert.DoesNotContain(FormAnswers.ValidateForSubmit(form, A(("plan", "ja"))), e => e.Key == "hvorfor");
        var counted = Conditions.AskedOnly(form, A(("plan", "ja"), ("hvorfor", "gammelt svar")));
        Assert.False(counted.ContainsKey("hvorfor"));
        Assert.True(Plain.Fields.All(f => !Conditions.IsConditional(Plain, f) || f.Key == "vedtaget"));
    }
}
