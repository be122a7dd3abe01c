namespace Samraad.Tests;

/// <summary>The one Danish number rule: "." groups thousands in threes, "," is the decimal mark; nothing is guessed.</summary>
public class DanishNumberTests
{
    [Theory]
    [InlineData("1.250", "1250")]
    [InlineData("1.250,50", "1250.50")]
    [InlineData("1,25", "1.25")]
    [InlineData("2.500.000", "2500000")]
    [InlineData("12", "12")]
    [InlineData("-3", "-3")]
    [InlineData("−3", "-3")]                 // a typographic minus
    [InlineData("1 250 000", "1250000")]
    [InlineData("1\u00a0250", "1250")]
    [InlineData("0,5", "0.5")]
    [InlineData("123,456", "123.456")]
    [InlineData("1250", "1250")]
    public void Danish_notation_is_read(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DanishNumber.Parse(text));

    [Theory]
    [InlineData("1.25.0")]
    [InlineData("12.50")]
    [InlineData("12.5")]
    [InlineData("1.2345")]
    [InlineData("1,250,000")]
    [InlineData("1.250.00")]
    [InlineData(".5")]
    [InlineData("1,2,3")]
    public void Misplaced_dots_and_commas_are_refused_with_how_to_write_it(string text)
    {
        Assert.Null(DanishNumber.Parse(text, out var malformed));
        Assert.Equal($"»{text}« er ikke skrevet som et dansk tal: {DanishNumber.HowToWrite}", malformed);
    }

    [Theory]
    [InlineData("tolv")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("12 kr")]
    public void Text_that_is_no_number_is_no_number_without_a_grouping_message(string? text)
    {
        Assert.Null(DanishNumber.Parse(text, out var malformed));
        Assert.Null(malformed);
    }

    [Theory]
    [InlineData("12.5", "12,5")]
    [InlineData("1250", "1250")]
    [InlineData("1E3", "1000")]
    [InlineData("-0.25", "-0,25")]
    public void Machine_numbers_from_json_are_written_the_Danish_way(string raw, string expected)
    {
        Assert.Equal(expected, DanishNumber.FromInvariant(raw));
        Assert.Equal(decimal.Parse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture), DanishNumber.Parse(expected));
    }
}
