using Samraad.Features.Collections.Forms;
using Samraad.Features.Collections.Summaries;

namespace Samraad.Tests;

/// <summary>The rules of a multi-select: options by key or label, the exclusive option alone, min/max choices, the summary per option.</summary>
public class MultiChoiceTests
{
    const string Json = """
    {
      "key": "flervalg", "version": 1, "title": "Flervalg",
      "scales": { "transport": [ {"key":"cykel","label":"Cykel"}, {"key":"bus","label":"Bus"}, {"key":"tog","label":"Tog"}, {"key":"ingen","label":"Ingen af delene","exclusive":true} ] },
      "missingCodes": [ {"key":"ved-ikke","label":"Ved ikke"} ],
      "sections": [ { "key": "a", "title": "Transport", "fields": [
        {"key":"transport","label":"Hvordan kommer medarbejderne på arbejde?","type":"multiChoice","scale":"transport","minChoices":2,"maxChoices":3,"missingCodes":["ved-ikke"]}
      ] } ]
    }
    """;

    static readonly FormSpec Form = FormSpecReader.Parse(Json);
    static (string? Value, string? Error) Parse(string? raw) => FieldValues.Parse(Form.Field("transport")!, "Transport", raw);

    [Theory]
    [InlineData("cykel;bus", "cykel;bus")]
    [InlineData("bus;cykel", "cykel;bus")]          // stored in the scale's order
    [InlineData("Tog; cykel ; tog", "cykel;tog")]   // labels, spaces and repeats
    [InlineData("ingen", "ingen")]                  // the exclusive option alone counts, below minChoices too
    [InlineData("", null)]
    public void Valid_choices_are_stored_canonically(string raw, string? stored)
    {
        var (value, error) = Parse(raw);
        Assert.Null(error);
        Assert.Equal(stored, value);
    }

    [Theory]
    [InlineData("cykel", "Transport: vælg mindst 2 (der er valgt 1)")]
    [InlineData("cykel;bus;tog;ingen", "Transport: »Ingen af delene« kan ikke vælges sammen med andre svar")]
    [InlineData("cykel;ingen", "Transport: »Ingen af delene« kan ikke vælges sammen med andre svar")]
    [InlineData("cykel;fly", "Svaret »fly« findes ikke til Transport. Vælg blandt »Cykel«, »Bus«, »Tog«, »Ingen af delene«")]
    public void Invalid_choices_get_a_danish_reason(string raw, string message)
    {
        var (value, error) = Parse(raw);
        Assert.Null(value);
        Assert.Equal(message, error);
    }

    [Fact]
    public void Display_lists_the_labels() =>
        Assert.Equal("Cykel, Tog", FieldValues.Display(Form.Field("transport")!, "cykel;tog"));

    [Theory]
    [InlineData("\"maxChoices\":9", "minChoices og maxChoices")]
    [InlineData("\"minChoices\":3,\"maxChoices\":2", "minChoices og maxChoices")]
    public void Impossible_bounds_are_refused_when_the_form_is_read(string bounds, string message)
    {
        var json = Json.Replace("\"minChoices\":2,\"maxChoices\":3", bounds);
        Assert.Contains(message, Assert.Throws<InvalidDataException>(() => FormSpecReader.Parse(json)).Message);
    }

    [Fact]
    public void The_summary_counts_each_option_per_respondent_and_who_chose_at_least_one()
    {
        RespondentInfo R(int id) => new(id, $"k{id}", $"Kommune {id}", id, new Dictionary<string, string>());
        var respondents = Enumerable.Range(1, 5).Select(R).ToList();
        var submitted = new Dictionary<int, IReadOnlyDictionary<string, AnswerValue>>
        {
            [1] = new Dictionary<string, AnswerValue> { ["transport"] = new("cykel;bus") },
            [2] = new Dictionary<string, AnswerValue> { ["transport"] = new("cykel;tog") },
            [3] = new Dictionary<string, AnswerValue> { ["transport"] = new("ingen") },
            [4] = new Dictionary<string, AnswerValue> { ["transport"] = new(null, "ved-ikke") },
        };
        var s = Summary.Compute(new SummaryInput(Form, respondents, submitted)).Single();
        Assert.Equal([("cykel", 2), ("bus", 1), ("tog", 1), ("ingen", 1)], s.Options.Select(o => (o.Key, o.Count)));
        Assert.Equal(3, s.Answered); // chose at least one option
        Assert.Equal(1, s.MissingCodes.Single().Count);
        Assert.Equal(5, s.Respondents);
        Assert.Null(s.Sum);
    }
}
