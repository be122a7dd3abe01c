using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Documents;
using Samraad.Features.Collections.Packs;
using Samraad.Features.Collections.Summaries;

namespace Samraad.Features.Collections.Authoring;

/// <summary>One printed figure as the page's form gives it (all text; checked like a line of printed-figures.csv).</summary>
public sealed record PrintedFigureInput(string? Source, string? Field, string? Answers, string? Count, string? Of, string? Printed);

/// <summary>
/// The printed figures a collection's computed numbers are checked against (kept only to check, never shown as the
/// result): replaced from an uploaded printed-figures.csv, one added or one removed. Every path goes through the pack
/// loader's own reading and check, so a figure the form cannot compute is refused with its line.
/// </summary>
public sealed class ChangePrintedFigures(AppDbContext db, TimeProvider clock)
{
    public const string FileName = "printed-figures.csv";

    public async Task<Outcome<int>> Upload(CollectionContext ctx, UserContext user, byte[] content, string fileName, CancellationToken ct = default)
    {
        if (content.Length > UploadLimits.TableBytes)
            return Outcome<int>.Fail(Problem.Invalid, "De trykte tal er ikke indlæst.", [new FieldError("file", $"Filen er for stor: højst {UploadLimits.Megabytes(UploadLimits.TableBytes)}")]);
        var (text, _) = Tabular.Decode(content);
        return await Replace(ctx, user, () => PackCsv.PrintedFigures(text.TrimStart('\uFEFF')), $"Indlæst fra »{Path.GetFileName(fileName)}«", "file", ct);
    }

    public async Task<Outcome<int>> Add(CollectionContext ctx, UserContext user, PrintedFigureInput input, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Field)) errors.Add(new FieldError("field", "Vælg spørgsmålet, tallet hører til"));
        if (string.IsNullOrWhiteSpace(input.Printed)) errors.Add(new FieldError("printed", "Skriv tallet, som det står trykt, fx 15/17"));
        if (!string.IsNullOrWhiteSpace(input.Count) && !int.TryParse(input.Count, out _)) errors.Add(new FieldError("count", "Antal skal være et helt tal"));
        if (!string.IsNullOrWhiteSpace(input.Of) && !int.TryParse(input.Of, out _)) errors.Add(new FieldError("of", "Ud af skal være et helt tal"));
        if (errors.Count > 0) return Outcome<int>.Fail(Problem.Invalid, "Tallet er ikke tilføjet.", errors);
        var figures = await LoadSummaryInput.PrintedFigures(db, ctx.Collection.Id, ct);
        figures.Add(new PrintedFigure(input.Source?.Trim() ?? "", input.Field!.Trim(), input.Printed!.Trim(),
            string.IsNullOrWhiteSpace(input.Answers) ? null : input.Answers.Split(['|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            int.TryParse(input.Count, out var n) ? n : null, int.TryParse(input.Of, out var of) ? of : null));
        return await Replace(ctx, user, () => figures, $"Tilføjet: {input.Printed!.Trim()} ({input.Field!.Trim()})", "field", ct);
    }

    public async Task<Outcome<int>> Remove(CollectionContext ctx, UserContext user, int index, CancellationToken ct = default)
    {
        var figures = await LoadSummaryInput.PrintedFigures(db, ctx.Collection.Id, ct);
        if (index < 0 || index >= figures.Count) return Outcome<int>.Fail(Problem.NotFound, "Tallet findes ikke (er det allerede fjernet?).");
        var removed = figures[index];
        figures.RemoveAt(index);
        return await Replace(ctx, user, () => figures, $"Fjernet: {removed.Printed} ({removed.FieldKey})", "file", ct);
    }

    /// <summary>The figures <paramref name="read"/> gives, checked against the form as the pack loader checks them, in place of the stored ones.</summary>
    async Task<Outcome<int>> Replace(CollectionContext ctx, UserContext user, Func<List<PrintedFigure>> read, string note, string errorKey, CancellationToken ct)
    {
        if (!ctx.CanAdminister(user)) return Outcome<int>.Fail(Problem.Forbidden, "Kun sekretariatet kan rette de trykte tal.");
        if (ctx.Collection.Status == CollectionStatus.Archived)
            return Outcome<int>.Fail(Problem.Conflict, "Indsamlingen er arkiveret.", [new FieldError(errorKey, "Indsamlingen er arkiveret. Genåbn den for at rette de trykte tal")]);
        List<PrintedFigure> figures;
        try { figures = PackCsv.CheckPrintedFigures(read(), ctx.Form, FileName); }
        catch (Exception e) when (e is InvalidDataException or FileRefused or CsvHelper.CsvHelperException)
        {
            return Outcome<int>.Fail(Problem.Invalid, "De trykte tal er ikke gemt.", [new FieldError(errorKey, e is CsvHelper.CsvHelperException
                ? $"Filen kan ikke læses som {FileName}: gem den som CSV med kolonnerne kilde, felt og trykt" : e.Message.TrimEnd('.'))]);
        }
        var before = await db.PrintedFigures.CountAsync(p => p.CollectionId == ctx.Collection.Id, ct);
        await LoadSummaryInput.ReplacePrintedFigures(db, ctx.Collection.Id, figures, ct);
        db.AuditEntries.Add(AuditEntry.OfDefinition(ctx.Collection, user, clock.GetUtcNow().UtcDateTime, AuditAction.DefinitionChanged, "trykte tal",
            $"{before} tal", $"{figures.Count} tal", note));
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Success(figures.Count);
    }
}
