using Samraad.Documents;
using Samraad.Features.Collections.Forms;
using Samraad.Features.Collections.Summaries;

namespace Samraad.Features.Collections.Packs;

/// <summary>The pure parsing of a pack's CSV files, shared by the loader and the tests.</summary>
public static class PackCsv
{
    /// <summary>printed-figures.csv: kilde, felt, svar ("ja|ja-iv"), antal, af, respondent, vaerdi, trykt.</summary>
    public static List<PrintedFigure> PrintedFigures(string csvText) =>
        Csv.Read(csvText, out _).Select(r => new PrintedFigure(
            r["kilde"], r["felt"], r["trykt"],
            NullIfEmpty(r.GetValueOrDefault("svar"))?.Split('|'),
            int.TryParse(r.GetValueOrDefault("antal"), out var n) ? n : null,
            int.TryParse(r.GetValueOrDefault("af"), out var of) ? of : null,
            NullIfEmpty(r.GetValueOrDefault("respondent")),
            NullIfEmpty(r.GetValueOrDefault("vaerdi")))).ToList();

    /// <summary>
    /// Demo answers: a "respondent" column (organisation slug) and a column per answer key, values as a person
    /// writes them ("Ja*", "–"). Every value is checked against the form; a bad one is an error in the pack.
    /// </summary>
    public static List<(string Respondent, Dictionary<string, AnswerValue?> Answers)> Responses(FormSpec form, string csvText, string fileName)
    {
        var rows = Csv.Read(csvText, out var header);
        var result = new List<(string, Dictionary<string, AnswerValue?>)>();
        var line = 1;
        foreach (var row in rows)
        {
            line++;
            var inputs = header.Where(h => h != "respondent" && !string.IsNullOrWhiteSpace(row[h]))
                .ToDictionary(h => h, h => new RawAnswer(row[h]));
            var (answers, errors) = FormAnswers.ParseDraft(form, inputs);
            if (errors.Count > 0)
                throw new InvalidDataException($"{fileName} linje {line}: {string.Join("; ", errors.Select(e => e.Message))}");
            result.Add((row["respondent"], answers));
        }
        return result;
    }

    static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
