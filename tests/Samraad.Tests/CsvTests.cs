using Samraad.Documents;

namespace Samraad.Tests;

public class CsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+45 1234", "'+45 1234")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-5", "-5")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("Ja*", "Ja*")]
    public void Cells_that_a_spreadsheet_would_run_are_defused(string cell, string written) =>
        Assert.Equal(written, Csv.Sanitize(cell));

    [Fact]
    public void Written_csv_reads_back_with_quotes_and_newlines()
    {
        var bytes = Csv.Write([["a", "b"], ["x, y", "linje 1\nlinje 2"]]);
        var rows = Csv.Read(System.Text.Encoding.UTF8.GetString(bytes), out var header);
        Assert.Equal(["a", "b"], header);
        Assert.Equal("linje 1\nlinje 2", rows[0]["b"]);
    }

    [Fact]
    public void A_broken_shape_is_reported_by_the_line_the_record_starts_on()
    {
        var rows = Csv.ReadWithLines("a,b,c\n1,2,3\n\"4,5,6\n7,8,9\n10,11\n", out _, out var problems);
        Assert.Contains(problems, p => p.StartsWith("Linje 3: et anførselstegn (\") er ikke lukket eller står midt i en celle (posten løber til linje"));
        Assert.Contains(problems, p => p.StartsWith("Linje 3: 1 celle, forventet 3"));
        Csv.ReadWithLines("a;b\n1;2\n\n3;\"x\ny\"\n", out _, out var fine);
        Assert.Empty(fine); // blank lines and quoted line breaks are not problems
        Assert.Equal(2, rows.Count);
    }
}
