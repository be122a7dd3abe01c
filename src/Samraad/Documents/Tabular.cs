using System.Text;
using System.Xml;
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

    /// <summary>
    /// Reads a CSV or XLSX within <see cref="UploadLimits"/> (size, unzipped size, rows, columns, time). Throws only
    /// <see cref="FileRefused"/>, whose message tells the user what is wrong and which limit was passed.
    /// </summary>
    public static TabularFile Read(byte[] content, string fileName)
    {
        if (content.Length > UploadLimits.TableBytes)
            throw new UploadLimits.Exceeded($"Filen er for stor: højst {UploadLimits.Megabytes(UploadLimits.TableBytes)}.");
        var deadline = new UploadLimits.Deadline();
        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || (content.Length > 4 && content[0] == 'P' && content[1] == 'K'))
        {
            try { return ReadXlsx(content, deadline); }
            catch (Exception e) when (e is not (FileRefused or OutOfMemoryException))
            {
                // A DTD (how entity-expansion attacks start; no spreadsheet needs one) is refused by every XML reader here.
                throw new FileRefused(IsDtd(e)
                    ? "Regnearket indeholder en dokumenttypedefinition (DTD), som et XLSX-regneark ikke bruger. Gem det igen fra Excel, og prøv igen."
                    : "Filen kan ikke læses som et XLSX-regneark. Gem den igen fra Excel som »Excel-projektmappe (*.xlsx)« eller som CSV, og prøv igen.");
            }
        }
        var (text, note) = Decode(content);
        // A PDF, an image or a UTF-16 file decodes to text full of control characters: not a CSV, say so at once.
        if (text.Any(c => c < ' ' && c is not ('\r' or '\n' or '\t')))
            throw new FileRefused("Filen er hverken en CSV-fil (tekst) eller et XLSX-regneark.");
        List<(int Line, Dictionary<string, string> Cells)> records;
        List<string> header, problems;
        try { records = Csv.ReadWithLines(text, out header, out problems, deadline); }
        catch (CsvHelper.CsvHelperException) { throw new FileRefused("Filen kan ikke læses som CSV. Gem den igen som CSV (semikolon- eller kommasepareret), og prøv igen."); }
        var rows = records.Select(r => new TabularRow(r.Line, r.Cells)).ToList();
        return new TabularFile(header.Select(h => h.Trim().ToLowerInvariant()).ToList(), rows.Select(r => r with
        {
            Cells = r.Cells.ToDictionary(c => c.Key.Trim().ToLowerInvariant(), c => c.Value.Trim()),
        }).ToList(), note, problems);
    }

    static bool IsDtd(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is XmlException x && x.Message.Contains("DTD", StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Refuses a file with more data rows or columns than an import may hold.</summary>
    public static void CheckSize(int rows, int columns)
    {
        if (rows > UploadLimits.TableRows)
            throw new UploadLimits.Exceeded(string.Create(DanishTime.Culture, $"Filen har over {UploadLimits.TableRows:N0} rækker. Del den op i flere filer, og indlæs dem hver for sig."));
        if (columns > UploadLimits.TableColumns)
            throw new UploadLimits.Exceeded(string.Create(DanishTime.Culture, $"Filen har over {UploadLimits.TableColumns:N0} kolonner. Slet de kolonner, importen ikke bruger, og prøv igen."));
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

    const string SheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static readonly XmlReaderSettings Xml = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = false };

    /// <summary>
    /// The first sheet, read as a stream of XML (never a whole document in memory), after the zip's unpacked size is
    /// known to be within the limit.
    /// </summary>
    static TabularFile ReadXlsx(byte[] content, UploadLimits.Deadline deadline) => ReadWorkbook(content, deadline, firstOnly: true).Values.First();

    /// <summary>
    /// Every sheet of an XLSX by its name in lower case (XLSForm's survey, choices and settings), each read like
    /// <see cref="Read"/> reads the first — or, given <paramref name="only"/>, just those (the others are listed empty);
    /// a workbook that is not XLSX, or too big, is refused like there.
    /// </summary>
    public static IReadOnlyDictionary<string, TabularFile> ReadSheets(byte[] content, IReadOnlySet<string>? only = null)
    {
        if (content.Length > UploadLimits.TableBytes)
            throw new UploadLimits.Exceeded($"Filen er for stor: højst {UploadLimits.Megabytes(UploadLimits.TableBytes)}.");
        if (content.Length < 4 || content[0] != 'P' || content[1] != 'K')
            throw new FileRefused("Filen er ikke et XLSX-regneark. Gem den fra Excel som »Excel-projektmappe (*.xlsx)«, og prøv igen.");
        try { return ReadWorkbook(content, new UploadLimits.Deadline(), firstOnly: false, only); }
        catch (Exception e) when (e is not (FileRefused or OutOfMemoryException))
        {
            throw new FileRefused(IsDtd(e)
                ? "Regnearket indeholder en dokumenttypedefinition (DTD), som et XLSX-regneark ikke bruger. Gem det igen fra Excel, og prøv igen."
                : "Filen kan ikke læses som et XLSX-regneark. Gem den igen fra Excel som »Excel-projektmappe (*.xlsx)«, og prøv igen.");
        }
    }

    static Dictionary<string, TabularFile> ReadWorkbook(byte[] content, UploadLimits.Deadline deadline, bool firstOnly, IReadOnlySet<string>? only = null)
    {
        UploadLimits.CheckXlsx(content, deadline);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false);
        var workbook = doc.WorkbookPart ?? throw new FileRefused("Regnearket har ingen ark.");
        var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
        if (sheets.Count == 0) throw new FileRefused("Regnearket har ingen ark.");
        var shared = workbook.SharedStringTablePart is { } table ? SharedStrings(table.GetStream(), deadline) : [];
        var read = new Dictionary<string, TabularFile>();
        foreach (var sheet in firstOnly ? sheets.Take(1) : sheets)
            if (workbook.GetPartById(sheet.Id!) is WorksheetPart part)
            {
                var name = (sheet.Name?.Value ?? "").Trim().ToLowerInvariant();
                if ((only is null || only.Contains(name)) && !read.ContainsKey(name)) read[name] = ReadSheet(part, shared, deadline, firstOnly ? null : name);
                else if (only is not null && !only.Contains(name)) read.TryAdd(name, new TabularFile([], [], null)); // named, not read
            }
        if (read.Count == 0) throw new FileRefused("Regnearket har ingen ark.");
        return read;
    }

    static TabularFile ReadSheet(WorksheetPart part, List<string> shared, UploadLimits.Deadline deadline, string? name)
    {
        List<string>? header = null;
        var rows = new List<TabularRow>();
        using var xml = XmlReader.Create(part.GetStream(), Xml);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row" || xml.NamespaceURI != SheetNamespace) continue;
            deadline.Check();
            var line = int.TryParse(xml.GetAttribute("r"), out var r) ? r : rows.Count + 2;
            var cells = RowCells(xml, shared);
            if (header is null)
            {
                header = Enumerable.Range(0, cells.Count == 0 ? 0 : cells.Keys.Max() + 1).Select(i => cells.GetValueOrDefault(i, "").Trim().ToLowerInvariant()).ToList();
                CheckSize(0, header.Count);
                // Two columns of one name: which one is meant cannot be known, so the sheet is refused rather than read half.
                if (header.Where(h => h != "").GroupBy(h => h).FirstOrDefault(g => g.Count() > 1) is { } twice)
                    throw new FileRefused($"{(name is null ? "" : $"Arket »{name}«: ")}kolonnen »{twice.Key}« står to gange i første række. Slet eller omdøb den ene, og prøv igen.");
                continue;
            }
            CheckSize(rows.Count + 1, 0);
            rows.Add(new TabularRow(line, header.Select((h, i) => (h, i)).Where(x => x.h != "").ToDictionary(x => x.h, x => cells.GetValueOrDefault(x.i, "").Trim())));
        }
        return new TabularFile(header ?? [], rows, null);
    }

    /// <summary>The cells of the row the reader stands on, by column index; cells without a reference follow the previous one.</summary>
    static Dictionary<int, string> RowCells(XmlReader xml, List<string> shared)
    {
        var cells = new Dictionary<int, string>();
        var position = 0;
        using var row = xml.ReadSubtree();
        while (row.Read())
        {
            if (row.NodeType != XmlNodeType.Element || row.LocalName != "c") continue;
            position = row.GetAttribute("r") is { } reference ? ColumnIndex(reference) : position;
            if (position >= UploadLimits.TableColumns) CheckSize(0, position + 1);
            var type = row.GetAttribute("t");
            string? value = null, inline = null;
            using (var cell = row.ReadSubtree())
            {
                // ReadElementContentAsString leaves the reader on the next node already: read on only otherwise.
                cell.Read();
                while (!cell.EOF)
                {
                    if (cell.NodeType == XmlNodeType.Element && cell.LocalName == "v") value = cell.ReadElementContentAsString();
                    else if (cell.NodeType == XmlNodeType.Element && cell.LocalName == "is") { inline = InlineText(cell); cell.Read(); }
                    else cell.Read();
                }
            }
            cells[position++] = type switch
            {
                "s" => int.TryParse(value, out var i) && i >= 0 && i < shared.Count ? shared[i] : "",
                "inlineStr" => inline ?? "",
                _ => value ?? inline ?? "",
            };
        }
        return cells;
    }

    /// <summary>The text runs (t) of a string item or inline string, without phonetic guides (rPh).</summary>
    static string InlineText(XmlReader item)
    {
        var text = new StringBuilder();
        using var inner = item.ReadSubtree();
        var phonetic = 0;
        inner.Read();
        while (!inner.EOF)
        {
            if (inner.NodeType == XmlNodeType.Element && inner.LocalName == "t" && phonetic == 0) { text.Append(inner.ReadElementContentAsString()); continue; }
            if (inner.NodeType == XmlNodeType.Element && inner.LocalName == "rPh" && !inner.IsEmptyElement) phonetic++;
            else if (inner.NodeType == XmlNodeType.EndElement && inner.LocalName == "rPh") phonetic--;
            inner.Read();
        }
        return text.ToString();
    }

    static List<string> SharedStrings(Stream stream, UploadLimits.Deadline deadline)
    {
        var strings = new List<string>();
        using var xml = XmlReader.Create(stream, Xml);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "si") continue;
            if (strings.Count % 1000 == 0) deadline.Check();
            strings.Add(InlineText(xml));
        }
        return strings;
    }

    static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return n - 1;
    }
}
