using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Samraad.Documents;

/// <summary>A data row with the line it came from (as a spreadsheet or text editor numbers it).</summary>
public sealed record TabularRow(int Line, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.GetValueOrDefault(column) ?? "";
    public bool IsEmpty => Cells.Values.All(string.IsNullOrWhiteSpace);
}

/// <summary>A read table: header, rows, how the text was decoded, and what is wrong with its shape (by line).</summary>
public sealed record TabularFile(IReadOnlyList<string> Header, IReadOnlyList<TabularRow> Rows, string? EncodingNote, IReadOnlyList<string>? Problems = null)
{
    public IReadOnlyList<string> ShapeProblems => Problems ?? [];
}

/// <summary>
/// Reads CSV (UTF-8, or Windows-1252 when the bytes are not valid UTF-8 — said so in the note) and XLSX (first
/// sheet) into the same shape, so imports validate one way whatever the user's spreadsheet saved.
/// </summary>
public static class Tabular
{
    static Tabular() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TabularFile Read(byte[] content, string fileName)
    {
        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || (content.Length > 4 && content[0] == 'P' && content[1] == 'K'))
            return ReadXlsx(content);
        var (text, note) = Decode(content);
        // A PDF, an image or a UTF-16 file decodes to text full of control characters: not a CSV, say so at once.
        if (text.Any(c => c < ' ' && c is not ('\r' or '\n' or '\t')))
            throw new InvalidDataException("Filen er hverken en CSV-fil (tekst) eller et XLSX-regneark.");
        var records = Csv.ReadWithLines(text, out var header, out var problems);
        var rows = records.Select(r => new TabularRow(r.Line, r.Cells)).ToList();
        return new TabularFile(header.Select(h => h.Trim().ToLowerInvariant()).ToList(), rows.Select(r => r with
        {
            Cells = r.Cells.ToDictionary(c => c.Key.Trim().ToLowerInvariant(), c => c.Value.Trim()),
        }).ToList(), note, problems);
    }

    /// <summary>Strict UTF-8 first (what Samraad writes); otherwise Windows-1252, as Danish Excel saves "CSV".</summary>
    public static (string Text, string? Note) Decode(byte[] content)
    {
        try { return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF'), null); }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(1252).GetString(content), "Filen var ikke UTF-8 og er læst som Windows-1252 (ANSI), som Excel gemmer CSV på dansk.");
        }
    }

    static TabularFile ReadXlsx(byte[] content)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(content), false);
        var workbook = doc.WorkbookPart ?? throw new InvalidDataException("Regnearket har ingen ark.");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("Regnearket har ingen ark.");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        List<string>? header = null;
        var rows = new List<TabularRow>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = new Dictionary<int, string>();
            var position = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                // Cells without a reference (allowed by the format) follow the previous one.
                position = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : position;
                cells[position++] = Text(cell, shared);
            }
            var line = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 2));
            if (header is null)
            {
                header = Enumerable.Range(0, cells.Count == 0 ? 0 : cells.Keys.Max() + 1).Select(i => cells.GetValueOrDefault(i, "").Trim().ToLowerInvariant()).ToList();
                continue;
            }
            rows.Add(new TabularRow(line, header.Select((h, i) => (h, i)).Where(x => x.h != "").ToDictionary(x => x.h, x => cells.GetValueOrDefault(x.i, "").Trim())));
        }
        return new TabularFile(header ?? [], rows, null);
    }

    static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return n - 1;
    }

    static string Text(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? cell.InnerText;
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var i) && i < shared.Count) return shared[i];
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        return raw ?? "";
    }
}
