using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Samraad.Documents;

namespace Samraad.IntegrationTests;

public class ExportTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Csv_has_a_row_per_respondent_a_column_per_field_and_Danish_labels(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var sek = await app.LoggedIn("sek");
        var response = await sek.GetAsync("/api/collections/akutfunktioner-2024/export?format=csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var rows = Csv.Read(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()), out var header);
        Assert.Equal(["respondent", "navn", "kommunekode", "kvittering", "indsendt", "iv.udfoeres", "iv.samarbejdsaftale"], header.Take(7));
        Assert.Equal(5 + 21, header.Count);
        Assert.Equal("Kemoterapi: Udføres opgaven?", rows[0]["kemoterapi.udfoeres"]); // the labels row
        Assert.Equal(1 + 17, rows.Count);
        var kalundborg = rows.Single(r => r["respondent"] == "kalundborg");
        Assert.Equal(("Kalundborg Kommune", "326", "Nej"), (kalundborg["navn"], kalundborg["kommunekode"], kalundborg["kemoterapi.udfoeres"]));
        Assert.Equal("Ja*", rows.Single(r => r["respondent"] == "greve")["kemoterapi.samarbejdsaftale"]);
        Assert.Equal("", rows.Single(r => r["respondent"] == "greve")["blodproever.udfoeres"]);
        Assert.Equal("2024-03-04 12:00", kalundborg["indsendt"]);
    }

    [Fact]
    public async Task Xlsx_opens_with_a_responses_sheet_and_a_fields_sheet()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var sek = await app.LoggedIn("sek");
        var bytes = await sek.GetByteArrayAsync("/indsamlinger/akutfunktioner-2024/eksport.xlsx");
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Besvarelser", "Felter"], sheets);
        var first = (WorksheetPart)doc.WorkbookPart.GetPartById(doc.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var rows = first.Worksheet.Descendants<Row>().ToList();
        Assert.Equal(1 + 17, rows.Count);
        string Text(Cell c) => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? "";
        Assert.Equal("kemoterapi.udfoeres", Text(rows[0].Elements<Cell>().ElementAt(8)));
        var codes = rows.Skip(1).Select(r => r.Elements<Cell>().ElementAt(2)).ToList();
        Assert.All(codes, c => Assert.Equal(CellValues.Number, c.DataType!.Value));
    }

    [Fact]
    public async Task Json_export_carries_canonical_values_and_an_unknown_format_is_a_field_error()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var sek = await app.LoggedIn("sek");
        var json = await sek.GetFromJsonAsync<JsonElement>("/api/collections/akutfunktioner-2024/export?format=json");
        var greve = json.GetProperty("responses").EnumerateArray().Single(r => r.GetProperty("respondent").GetString() == "greve");
        Assert.Equal("ja-iv", greve.GetProperty("answers").GetProperty("kemoterapi.samarbejdsaftale").GetProperty("value").GetString());
        var bad = await sek.GetAsync("/api/collections/akutfunktioner-2024/export?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("csv, xlsx eller json", await bad.Content.ReadAsStringAsync());
    }
}
