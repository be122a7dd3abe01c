using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Documents;
using Samraad.Features.Reference;

namespace Samraad.Features.Contracts;

/// <summary>
/// Importing the hub's files: upload checks every row and keeps the file as a pending import with a preview;
/// confirm writes all rows in one transaction; undo removes exactly that import's rows. Nothing is half-imported.
/// </summary>
public sealed class ContractImports(AppDbContext db, TimeProvider clock)
{
    public sealed record Preview(ContractImport Import, int Rows, int Skipped, string? EncodingNote, IReadOnlyList<IReadOnlyDictionary<string, string>> FirstRows);

    public async Task<Outcome<Preview>> Upload(ContractContext ctx, UserContext user, ImportKind kind, string fileName, byte[] content, CancellationToken ct = default)
    {
        if (!ctx.CanSee(user)) return Outcome<Preview>.Fail(Problem.Forbidden, "Kun kontraktens parter kan indlæse data.");
        if (content.Length == 0) return Invalid("Filen er tom.");
        TabularFile file;
        try { file = Tabular.Read(content, fileName); }
        catch (FileRefused e)
        {
            return Invalid(e.Message);
        }
        var (count, skipped, errors) = file.ShapeProblems.Count > 0 ? (0, 0, file.ShapeProblems.ToList()) : await Check(ctx, kind, file, ct);
        if (errors.Count > 0) return Outcome<Preview>.Fail(Problem.Invalid, $"Filen er ikke indlæst: {errors.Count} {(errors.Count == 1 ? "fejl" : "fejl")}. Ret filen, og prøv igen.",
            errors.Select(e => new FieldError("file", e)).ToList());
        var now = clock.GetUtcNow().UtcDateTime;
        var import = new ContractImport
        {
            ContractId = ctx.Contract.Id, Kind = kind, State = ImportState.Pending, FileName = Path.GetFileName(fileName), EncodingNote = file.EncodingNote,
            Rows = count, SkippedEmptyRows = skipped, UploadedAtUtc = now, UploadedBy = $"{user.Name} ({user.UserName})",
            File = new StoredFile { FileName = Path.GetFileName(fileName), ContentType = "application/octet-stream", Content = content, Sha256 = StoredFile.Hash(content), CreatedAtUtc = now },
        };
        db.ContractImports.Add(import);
        await db.SaveChangesAsync(ct);
        return Outcome<Preview>.Success(new Preview(import, count, skipped, file.EncodingNote, file.Rows.Where(r => !r.IsEmpty).Take(10).Select(r => r.Cells).ToList()));

        static Outcome<Preview> Invalid(string message) => Outcome<Preview>.Fail(Problem.Invalid, "Filen er ikke indlæst.", [new FieldError("file", message)]);
    }

    async Task<(int Rows, int Skipped, List<string> Errors)> Check(ContractContext ctx, ImportKind kind, TabularFile file, CancellationToken ct)
    {
        if (kind == ImportKind.Evaluations)
        {
            var parsed = ContractRows.Evaluations(file);
            return (parsed.Rows.Count, parsed.SkippedEmptyRows, parsed.Errors);
        }
        var existing = (await db.Registrations.Where(r => r.ContractId == ctx.Contract.Id).Select(r => r.CaseId).ToListAsync(ct)).ToHashSet();
        var codes = (await db.Organisations.Where(o => o.Kind == OrganisationKind.Kommune).Select(o => o.MunicipalityCode!.Value).ToListAsync(ct)).ToHashSet();
        var regs = ContractRows.Registrations(file, existing, codes);
        return (regs.Rows.Count, regs.SkippedEmptyRows, regs.Errors);
    }

    /// <summary>Writes the pending import's rows (checked again: data may have changed since the preview).</summary>
    public async Task<Outcome<ContractImport>> Confirm(ContractContext ctx, UserContext user, int importId, CancellationToken ct = default)
    {
        if (!ctx.CanSee(user)) return Outcome<ContractImport>.Fail(Problem.Forbidden, "Kun kontraktens parter kan indlæse data.");
        var import = await db.ContractImports.Include(i => i.File).FirstOrDefaultAsync(i => i.Id == importId && i.ContractId == ctx.Contract.Id, ct);
        if (import is null) return Outcome<ContractImport>.Fail(Problem.NotFound, "Indlæsningen findes ikke.");
        if (import.State != ImportState.Pending) return Outcome<ContractImport>.Fail(Problem.Conflict, "Indlæsningen er allerede bekræftet eller fortrudt.");
        var file = Tabular.Read(import.File!.Content, import.FileName);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (import.Kind == ImportKind.Registrations)
        {
            var existing = (await db.Registrations.Where(r => r.ContractId == ctx.Contract.Id).Select(r => r.CaseId).ToListAsync(ct)).ToHashSet();
            var codes = (await db.Organisations.Where(o => o.Kind == OrganisationKind.Kommune).Select(o => o.MunicipalityCode!.Value).ToListAsync(ct)).ToHashSet();
            var parsed = ContractRows.Registrations(file, existing, codes);
            if (parsed.Errors.Count > 0) return Outcome<ContractImport>.Fail(Problem.Invalid, "Filen er ikke indlæst.", parsed.Errors.Select(e => new FieldError("file", e)).ToList());
            foreach (var r in parsed.Rows) { r.ContractId = ctx.Contract.Id; r.ImportId = import.Id; }
            db.Registrations.AddRange(parsed.Rows);
        }
        else
        {
            var parsed = ContractRows.Evaluations(file);
            if (parsed.Errors.Count > 0) return Outcome<ContractImport>.Fail(Problem.Invalid, "Filen er ikke indlæst.", parsed.Errors.Select(e => new FieldError("file", e)).ToList());
            foreach (var e in parsed.Rows) { e.ContractId = ctx.Contract.Id; e.ImportId = import.Id; }
            db.Evaluations.AddRange(parsed.Rows);
        }
        import.State = ImportState.Active;
        import.ConfirmedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<ContractImport>.Success(import);
    }

    /// <summary>Takes an import back: its rows go, the record of the import stays (marked undone).</summary>
    public async Task<Outcome<ContractImport>> Undo(ContractContext ctx, UserContext user, int importId, CancellationToken ct = default)
    {
        if (!ctx.CanSee(user)) return Outcome<ContractImport>.Fail(Problem.Forbidden, "Kun kontraktens parter kan fortryde en indlæsning.");
        var import = await db.ContractImports.FirstOrDefaultAsync(i => i.Id == importId && i.ContractId == ctx.Contract.Id, ct);
        if (import is null) return Outcome<ContractImport>.Fail(Problem.NotFound, "Indlæsningen findes ikke.");
        if (import.State == ImportState.Undone) return Outcome<ContractImport>.Fail(Problem.Conflict, "Indlæsningen er allerede fortrudt.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Registrations.Where(r => r.ImportId == import.Id).ExecuteDeleteAsync(ct);
        await db.Evaluations.Where(e => e.ImportId == import.Id).ExecuteDeleteAsync(ct);
        import.State = ImportState.Undone;
        import.UndoneAtUtc = clock.GetUtcNow().UtcDateTime;
        import.UndoneBy = $"{user.Name} ({user.UserName})";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<ContractImport>.Success(import);
    }
}
