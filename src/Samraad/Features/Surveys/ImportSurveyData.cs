using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Documents;
using Samraad.Features.Reference;

namespace Samraad.Features.Surveys;

/// <summary>A respondent read from a file: id, dimension values (canonical), answer numbers (null = blank).</summary>
public sealed record SurveyRow(int Line, string Key, string?[] Dimensions, short?[] Answers);

public sealed record SurveyImportResult(int Respondents, IReadOnlyList<string> Errors, string? EncodingNote)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// Imports a survey's microdata (CSV or XLSX, one row per respondent) through the pack's column mapping. Every
/// problem is reported with its line — a missing column, a duplicate respondent id, a region or municipality not in
/// the reference data, a cluster not on the pack's list, an answer not on the question's scale — and then nothing
/// is stored. A clean file replaces the survey's data as a whole, in one transaction.
/// </summary>
public sealed class ImportSurveyData(AppDbContext db, TimeProvider clock)
{
    const int MaxErrors = 50;

    public async Task<(List<SurveyRow> Rows, List<string> Errors, string? Note)> Read(SurveyContext ctx, byte[] content, string fileName, CancellationToken ct = default)
    {
        var def = ctx.Definition;
        TabularFile file;
        try { file = Tabular.Read(content, fileName); }
        catch (FileRefused e)
        {
            return ([], [e.Message], null);
        }
        if (file.ShapeProblems.Count > 0) return ([], Limit(file.ShapeProblems.ToList()), file.EncodingNote);
        var errors = new List<string>();
        var columns = new[] { def.Id }.Concat(def.Dimensions.Select(d => d.Column)).Concat(def.Questions.Select(q => q.Column)).Distinct().ToList();
        foreach (var missing in columns.Where(c => !file.Header.Contains(c.ToLowerInvariant())))
            errors.Add($"Kolonnen »{missing}« mangler i filen (forventet: {string.Join(", ", columns)}).");
        if (errors.Count > 0) return ([], errors, file.EncodingNote);

        var regions = await db.Organisations.Where(o => o.Kind == OrganisationKind.Region).Select(o => new { o.Name, o.RegionCode }).ToListAsync(ct);
        var municipalities = await db.Organisations.Where(o => o.Kind == OrganisationKind.Kommune && o.MunicipalityCode != null)
            .Select(o => new { o.Name, Code = o.MunicipalityCode!.Value }).ToListAsync(ct);
        string? Region(string v) => regions.FirstOrDefault(r => Same(r.Name, v) || Same(r.Name, "Region " + v) || r.RegionCode?.ToString() == v)?.Name;
        string? Municipality(string v) => municipalities.FirstOrDefault(m => m.Code.ToString() == v.TrimStart('0') || Same(m.Name, v) || Same(m.Name, v + " Kommune"))?.Code.ToString();

        var rows = new List<SurveyRow>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in file.Rows.Where(r => !r.IsEmpty))
        {
            var where = $"Linje {row.Line}";
            var key = row[def.Id.ToLowerInvariant()].Trim();
            if (key == "") errors.Add($"{where}: »{def.Id}« er tom; hver besvarelse skal have et id.");
            else if (seen.TryGetValue(key, out var first)) errors.Add($"{where}: id »{key}« står også på linje {first}.");
            else seen[key] = row.Line;
            var dims = new string?[def.Dimensions.Count];
            for (var i = 0; i < def.Dimensions.Count; i++)
            {
                var d = def.Dimensions[i];
                var v = row[d.Column.ToLowerInvariant()].Trim();
                if (v == "") continue;
                dims[i] = d.Kind switch
                {
                    DimensionKind.Region => Region(v),
                    DimensionKind.Municipality => Municipality(v),
                    _ => d.Values is null ? v : d.Values.FirstOrDefault(x => Same(x, v)),
                };
                if (dims[i] is null)
                    errors.Add(d.Kind switch
                    {
                        DimensionKind.Region => $"{where}: regionen »{v}« findes ikke i referencedata (brug fx »Region Sjælland« eller 1085).",
                        DimensionKind.Municipality => $"{where}: kommunen »{v}« findes ikke i referencedata (brug kommunekoden, fx 329).",
                        _ => $"{where}: »{v}« er ikke en kendt værdi i »{d.Column}« ({string.Join(", ", d.Values!)}).",
                    });
            }
            var answers = new short?[def.Questions.Count];
            for (var i = 0; i < def.Questions.Count; i++)
            {
                var q = def.Questions[i];
                var v = row[q.Column.ToLowerInvariant()].Trim();
                if (v == "" || v == SurveyDefinition.Blank) continue;
                var scale = def.AnswersOf(q);
                var n = scale.ToList().FindIndex(a => Same(a, v));
                if (n < 0) errors.Add($"{where}, kolonnen »{q.Column}«: svaret »{v}« findes ikke på skalaen ({string.Join(", ", scale)}).");
                else answers[i] = (short)n;
            }
            rows.Add(new SurveyRow(row.Line, key, dims, answers));
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add("Filen har ingen besvarelser.");
        return (rows, Limit(errors), file.EncodingNote);
    }

    public async Task<SurveyImportResult> Handle(SurveyContext ctx, byte[] content, string fileName, string user, CancellationToken ct = default)
    {
        var (rows, errors, note) = await Read(ctx, content, fileName, ct);
        if (errors.Count > 0) return new SurveyImportResult(0, errors, note);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var id = ctx.Survey.Id;
        await db.SurveyAnswers.Where(a => a.SurveyId == id).ExecuteDeleteAsync(ct);
        await db.SurveyRespondents.Where(r => r.SurveyId == id).ExecuteDeleteAsync(ct);
        var no = 0;
        foreach (var r in rows)
        {
            no++;
            string? D(int i) => i < r.Dimensions.Length ? r.Dimensions[i] : null;
            db.SurveyRespondents.Add(new SurveyRespondent { SurveyId = id, No = no, Key = r.Key, D1 = D(0), D2 = D(1), D3 = D(2) });
            for (short q = 0; q < r.Answers.Length; q++)
                db.SurveyAnswers.Add(new SurveyAnswer { SurveyId = id, RespondentNo = no, Question = q, Answer = r.Answers[q], D1 = D(0), D2 = D(1), D3 = D(2) });
        }
        db.SurveyImports.Add(new SurveyImport
        {
            SurveyId = id, FileName = Path.GetFileName(fileName), Sha256 = StoredFile.Hash(content), Respondents = rows.Count,
            ImportedBy = user, ImportedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new SurveyImportResult(rows.Count, [], note);
    }

    static List<string> Limit(List<string> errors) =>
        errors.Count > MaxErrors ? [.. errors.Take(MaxErrors), $"… og {errors.Count - MaxErrors} fejl mere (ret de første, og indlæs igen)."] : errors;

    static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
