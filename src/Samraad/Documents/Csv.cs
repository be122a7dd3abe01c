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
    public static List<(int Line, Dictionary<string, string> Cells)> ReadWithLines(string text, out List<string> header)
    {
        var firstLine = text.Split('\n', 2)[0];
        var delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ";" : ",";
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = false,
        };
        using var reader = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), config);
        var rows = new List<(int, Dictionary<string, string>)>();
        if (!reader.Read() || !reader.ReadHeader()) { header = []; return rows; }
        header = reader.HeaderRecord!.ToList();
        while (reader.Read())
        {
            var row = new Dictionary<string, string>();
            for (var i = 0; i < header.Count; i++) row[header[i]] = i < reader.Parser.Count ? reader.GetField(i) ?? "" : "";
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
}
