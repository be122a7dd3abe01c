using Samraad.Documents;
using Samraad.Features.Collections.Forms;
using Samraad.Features.Collections.Summaries;

namespace Samraad.Features.Collections.Packs;

/// <summary>The pure parsing of a pack's CSV files, shared by the loader and the tests.</summary>
public static class PackCsv
{
    /// <summary>
    /// printed-figures.csv: kilde, felt, svar ("ja|ja-iv"), antal, af, respondent, vaerdi, trykt, and optionally maal
    /// (sum | gennemsnit | median | andel) with afrunding (the rounding step the print used, e.g. 100000).
    /// </summary>
    public static List<PrintedFigure> PrintedFigures(string csvText)
    {
        var rows = Csv.Read(csvText, out var header);
        if (new[] { "kilde", "felt", "trykt" }.FirstOrDefault(c => !header.Contains(c)) is { } lacking)
            throw new InvalidDataException($"printed-figures.csv mangler kolonnen »{lacking}«: den skal have kolonnerne kilde, felt og trykt (og evt. svar, antal, af, respondent, vaerdi, maal, afrunding).");
        if (rows.Count > MaxPrintedFigures) throw new InvalidDataException($"printed-figures.csv har over {MaxPrintedFigures:N0} tal.");
        string Cell(Dictionary<string, string> r, string column) => Csv.Unsanitize(r.GetValueOrDefault(column) ?? "");
        return rows.Select((r, i) => new PrintedFigure(
            Cell(r, "kilde"), Cell(r, "felt"), Cell(r, "trykt"),
            NullIfEmpty(Cell(r, "svar"))?.Split('|'),
            int.TryParse(Cell(r, "antal"), out var n) ? n : null,
            int.TryParse(Cell(r, "af"), out var of) ? of : null,
            NullIfEmpty(Cell(r, "respondent")),
            NullIfEmpty(Cell(r, "vaerdi")),
            Measure(Cell(r, "maal"), i + 2),
            NullIfEmpty(Cell(r, "afrunding")) is { } step
                ? DanishNumber.Parse(step) ?? throw new InvalidDataException($"printed-figures.csv linje {i + 2}: afrunding »{step}« er ikke et tal")
                : null)).ToList();
    }

    public const int MaxPrintedFigures = 5000;

    /// <summary>
    /// printed-figures.csv read and checked against the form — the pack loader's check and the upload's: a figure of a
    /// question the form does not have is refused with its line.
    /// </summary>
    public static List<PrintedFigure> CheckedPrintedFigures(string csvText, FormSpec form, string fileName, string formName = "skemaet") =>
        CheckPrintedFigures(PrintedFigures(csvText), form, fileName, formName);

    /// <summary>The figures checked against the form (each names a question it has, and what was printed); the list itself when they fit.</summary>
    public static List<PrintedFigure> CheckPrintedFigures(List<PrintedFigure> printed, FormSpec form, string fileName, string formName = "skemaet")
    {
        if (printed.Count > MaxPrintedFigures) throw new InvalidDataException($"Højst {MaxPrintedFigures:N0} trykte tal pr. indsamling.");
        foreach (var (figure, i) in printed.Select((f, i) => (f, i)))
        {
            if (figure.FieldKey == "" || figure.Printed == "")
                throw new InvalidDataException($"{fileName} linje {i + 2}: felt og trykt skal udfyldes.");
            if (form.FindLeaf(figure.FieldKey) is null)
                throw new InvalidDataException($"{fileName} linje {i + 2}: det trykte tal »{figure.Printed}« hører til feltet »{figure.FieldKey}«, som ikke findes i {formName}.");
        }
        return printed;
    }

    /// <summary>The figures as printed-figures.csv again (what <see cref="PrintedFigures"/> reads), for editing in a spreadsheet.</summary>
    public static byte[] WritePrintedFigures(IEnumerable<PrintedFigure> figures) => Csv.Write(
        new IReadOnlyList<string?>[] { ["kilde", "felt", "svar", "antal", "af", "respondent", "vaerdi", "maal", "afrunding", "trykt"] }.Concat(figures.Select(f =>
            (IReadOnlyList<string?>)[f.Source, f.FieldKey, f.Answers is null ? null : string.Join('|', f.Answers), f.Count?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                f.Of?.ToString(System.Globalization.CultureInfo.InvariantCulture), f.RespondentSlug, f.Value, f.Measure,
                f.Rounding?.ToString(DanishTime.Culture), f.Printed])));

    static string? Measure(string? text, int line) => NullIfEmpty(text)?.Trim().ToLowerInvariant() is not { } m ? null
        : PrintedMeasure.All.Contains(m) ? m
        : throw new InvalidDataException($"printed-figures.csv linje {line}: maal »{text}« er ukendt; tilladt: {string.Join(", ", PrintedMeasure.All)}");

    /// <summary>
    /// Demo answers: a "respondent" column (organisation slug), for a periodic collection a "periode" column, and a
    /// column per answer key, values as a person writes them ("Ja*", "–") or a missing code in brackets
    /// ("[data-mangler]"). Every value is checked against the form;
    /// a bad one is an error in the pack.
    /// </summary>
    public static List<(string Respondent, string Period, Dictionary<string, AnswerValue?> Answers)> Responses(FormSpec form, string csvText, string fileName)
    {
        var rows = Csv.Read(csvText, out var header);
        var result = new List<(string, string, Dictionary<string, AnswerValue?>)>();
        var line = 1;
        foreach (var row in rows)
        {
            line++;
            var inputs = header.Where(h => h is not ("respondent" or "periode") && !string.IsNullOrWhiteSpace(row[h]))
                .ToDictionary(h => h, h => Raw(row[h].Trim()));
            var (answers, errors) = FormAnswers.ParseDraft(form, inputs);
            if (errors.Count > 0)
                throw new InvalidDataException($"{fileName} linje {line}: {string.Join("; ", errors.Select(e => e.Message))}");
            result.Add((row["respondent"], row.GetValueOrDefault("periode", "").Trim(), answers));
        }
        return result;
    }

    /// <summary>"[data-mangler]" is the missing code, as the audit log writes it; anything else is the typed value.</summary>
    static RawAnswer Raw(string cell) => cell is ['[', .. var code, ']'] ? new RawAnswer(null, code) : new RawAnswer(cell);

    static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
