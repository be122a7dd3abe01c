using Samraad.Features.Collections.Forms;

namespace Samraad.Tests;

public class FieldValuesTests
{
    static readonly FormSpec Form = TestForms.AllTypes();
    static (string? Value, string? Error) Parse(string key, string? raw) => FieldValues.Parse(Form.Field(key)!, Form.Field(key)!.Question, raw);

    [Theory]
    [InlineData("ja-nej", "Ja", "ja")]
    [InlineData("ja-nej", "nej", "nej")]
    [InlineData("antal", "1.234", "1234")]
    [InlineData("antal", " 42 ", "42")]
    [InlineData("andel", "12,5", "12.5")]
    [InlineData("andel", "1.234,5", "1234.5")]
    [InlineData("beloeb", "1.250", "125000")]      // 1.250 kr. is one thousand two hundred and fifty kroner, never 1,25 kr.
    [InlineData("beloeb", "1.250,50", "125050")]
    [InlineData("beloeb", "1,25", "125")]
    [InlineData("beloeb", "2.500.000", "250000000")]
    [InlineData("antal", "2.500", "2500")]
    [InlineData("beloeb", "1.250.000", "125000000")]
    [InlineData("beloeb", "1250,50 kr.", "125050")]
    [InlineData("pct", "25 %", "25")]
    [InlineData("pct", "100", "100")]
    [InlineData("dato", "04-03-2024", "2024-03-04")]
    [InlineData("dato", "2024-03-04", "2024-03-04")]
    [InlineData("dato", "4.3.2024", "2024-03-04")]
    [InlineData("grad", "I høj grad", "hoej")]
    [InlineData("grad", "nogen", "nogen")]
    [InlineData("ja-nej", "–", null)]
    [InlineData("antal", "", null)]
    public void Valid_input_becomes_the_canonical_value(string key, string raw, string? expected)
    {
        var (value, error) = Parse(key, raw);
        Assert.Null(error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("antal", "tolv", "Antal pladser skal være et helt tal, fx 12")]
    [InlineData("antal", "12,5", "Antal pladser skal være et helt tal, fx 12")]
    [InlineData("antal", "-1", "Antal pladser skal være mindst 0")]
    [InlineData("pct", "120", "Andel til andre kommuner kan ikke være over 100 %")]
    [InlineData("pct", "mange", "Andel til andre kommuner skal være en procentsats, fx 25 eller 12,5")]
    [InlineData("beloeb", "12,345", "Beløb skal være et beløb i kroner, fx 1.250.000 eller 1250,50")]
    [InlineData("beloeb", "12.50", "Beløb: »12.50« er ikke skrevet som et dansk tal: skriv tusinder med punktum og decimaler med komma, fx 1.250.000 eller 12,5")]
    [InlineData("andel", "12.5", "Andel: »12.5« er ikke skrevet som et dansk tal: skriv tusinder med punktum og decimaler med komma, fx 1.250.000 eller 12,5")]
    [InlineData("antal", "1.25.0", "Antal pladser: »1.25.0« er ikke skrevet som et dansk tal: skriv tusinder med punktum og decimaler med komma, fx 1.250.000 eller 12,5")]
    [InlineData("dato", "31-02-2024", "Forventet færdig skal være en gyldig dato, fx 04-03-2024")]
    [InlineData("ja-nej", "måske", "Udføres opgaven? skal besvares med Ja eller Nej")]
    [InlineData("grad", "Lidt", "Svaret »Lidt« findes ikke til Tilfredshed. Vælg mellem »I høj grad«, »I nogen grad«, »Slet ikke«")]
    [InlineData("tekst", "Denne tekst er alt for lang til feltet", "Beskrivelse må højst være 20 tegn (der er skrevet 38)")]
    public void Bad_input_gets_a_Danish_message_naming_the_field(string key, string raw, string message)
    {
        var (value, error) = Parse(key, raw);
        Assert.Null(value);
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("beloeb", "125050", "1.250,50 kr.")]
    [InlineData("andel", "1234.5", "1.234,5")]
    [InlineData("pct", "12.5", "12,5 %")]
    [InlineData("dato", "2024-03-04", "4. marts 2024")]
    [InlineData("grad", "hoej", "I høj grad")]
    [InlineData("ja-nej", null, "–")]
    public void Values_display_in_Danish(string key, string? canonical, string display) =>
        Assert.Equal(display, FieldValues.Display(Form.Field(key)!, canonical));

    [Theory]
    [InlineData("dato", "2024-03-04", "04.03.2024")]
    [InlineData("beloeb", "125050", "1.250,50 kr.")]
    [InlineData("dato", "ikke-en-dato", "ikke-en-dato")]
    public void A_table_writes_dates_short_and_the_rest_as_the_text_does(string key, string canonical, string display) =>
        Assert.Equal(display, FieldValues.TableDisplay(Form.Field(key)!, canonical));

    [Fact]
    public void Ja_star_is_its_own_answer_and_counts_as_yes()
    {
        var form = TestForms.Akut();
        var field = form.Field("kemoterapi.samarbejdsaftale")!;
        Assert.Equal(("ja-iv", (string?)null), FieldValues.Parse(field, field.FullLabel, "Ja*"));
        Assert.Equal("Ja*", FieldValues.Display(field, "ja-iv"));
        Assert.True(Features.Collections.Summaries.Summary.CountsAsYes(field, "ja-iv"));
        Assert.False(Features.Collections.Summaries.Summary.CountsAsYes(field, "nej"));
    }

    [Fact]
    public void Input_text_round_trips_through_parse()
    {
        foreach (var (key, canonical) in new[] { ("beloeb", "125050"), ("andel", "0.25"), ("dato", "2024-12-31"), ("pct", "33.3") })
        {
            var spec = Form.Field(key)!;
            Assert.Equal(canonical, FieldValues.Parse(spec, "x", FieldValues.InputText(spec, canonical)).Canonical);
        }
    }
}
