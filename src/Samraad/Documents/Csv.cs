using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Samraad.Documents;

/// <summary>CSV in and out. Output is UTF-8 with BOM (Danish Excel reads "æøå" then) and guarded against formula injection.</summary>
public static class Csv
{
    /// <summary>Reads a CSV with a header row; separator "," or ";" is detected from the header.</summary>
    public static List<Dictionary<string, string>> Read(string text, out List<string> header) =>
        ReadWithLines(text, out header).Select(r => r.Cells).ToList();

    /// <summary>As <see cref="Read"/>, with the file line each record starts on (blank lines are kept as empty records).</summary>
    public static List<(int Line, Dictionary<string, string> Cells)> ReadWithLines(string text, out List<string> header) =>
        ReadWithLines(text, out header, out _);

    /// <summary>Past this many shape problems the file is plainly not the expected table: stop and say so.</summary>
    public const int MaxProblems = 100;

    /// <summary>
    /// As above, and what is wrong with the file's shape, by line: a row with more or fewer cells than the header, a
    /// quote that is never closed or stands inside a cell. An import refuses such a file rather than guess.
    /// </summary>
    public static List<(int Line, Dictionary<string, string> Cells)> ReadWithLines(string text, out List<string> header, out List<string> problems, UploadLimits.Deadline? deadline = null)
    {
        deadline ??= new UploadLimits.Deadline();
        var found = new List<string>();
        var badQuote = false;
        var firstLine = text.Split('\n', 2)[0];
        var delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ";" : ",";
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = _ => badQuote = true,
            MissingFieldFound = null,
            IgnoreBlankLines = false,
        };
        using var reader = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), config);
        var rows = new List<(int, Dictionary<string, string>)>();
        problems = found;
        if (!reader.Read() || !reader.ReadHeader()) { header = []; return rows; }
        header = reader.HeaderRecord!.ToList();
        Tabular.CheckSize(0, header.Count);
        var endOfLast = reader.Parser.RawRow;
        while (reader.Read())
        {
            if (rows.Count % 1000 == 0) deadline.Check();
            Tabular.CheckSize(rows.Count + 1, 0);
            if (found.Count >= MaxProblems)
            {
                found.Add($"… og flere fejl: læsningen er stoppet efter {MaxProblems} fejl. Tjek, at filen er den rigtige, og at skilletegnet er det samme i alle linjer.");
                break;
            }
            // A record may span lines (a quoted line break); the parser knows where it ended, so it started after the last.
            var start = endOfLast + 1;
            endOfLast = reader.Parser.RawRow;
            var blank = reader.Parser.Count == 1 && string.IsNullOrWhiteSpace(reader.GetField(0));
            if (!blank && reader.Parser.Count != header.Count)
                found.Add($"Linje {start}: {reader.Parser.Count} {(reader.Parser.Count == 1 ? "celle" : "celler")}, forventet {header.Count} som i overskriften");
            var row = new Dictionary<string, string>();
            for (var i = 0; i < header.Count; i++) row[header[i]] = i < reader.Parser.Count ? reader.GetField(i) ?? "" : "";
            if (badQuote) // reported by the parser while the fields were read
            {
                found.Add($"Linje {start}: et anførselstegn (\") er ikke lukket eller står midt i en celle" + (endOfLast > start ? $" (posten løber til linje {endOfLast})" : ""));
                badQuote = false;
            }
            rows.Add((reader.Parser.RawRow, row));
        }
        // A final newline is not a row.
        while (rows.Count > 0 && rows[^1].Item2.Values.All(v => v == "")) rows.RemoveAt(rows.Count - 1);
        return rows;
    }

    /// <summary>Writes rows; text cells that a spreadsheet would run as a formula get a leading apostrophe.</summary>
    public static byte[] Write(IEnumerable<IReadOnlyList<string?>> rows, string delimiter = ",")
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter, InjectionOptions = InjectionOptions.None };
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, config))
        {
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(Sanitize(cell));
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// OWASP's rule for CSV injection: a cell starting with = + - @ tab or CR is prefixed with "'".
    /// Plain numbers ("-5", "-1.5") are left alone so they stay numbers.
    /// </summary>
    public static string? Sanitize(string? cell)
    {
        if (string.IsNullOrEmpty(cell)) return cell;
        if ("=+-@\t\r".Contains(cell[0]) && !decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            return "'" + cell;
        return cell;
    }

    /// <summary>What <see cref="Sanitize"/> wrote, read back: the guarding "'" taken off again, so a file Samraad wrote imports as it was.</summary>
    public static string Unsanitize(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && "=+-@\t\r".Contains(cell[1]) ? cell[1..] : cell;
}
