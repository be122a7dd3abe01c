using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections.Summaries;

namespace Samraad.Features.Collections.Authoring;

/// <summary>
/// The collection's overview tables (the seed's "Pixi" summary), written as in collection.json's summaryTables and
/// checked against the form before they are saved: a table that counts a question or an answer the form does not
/// have is refused, not shown as zeros.
/// </summary>
public sealed class ChangeSummaryTables(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<Collection>> Handle(CollectionContext ctx, UserContext user, string? json, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<Collection>.Fail(Problem.Forbidden, "Kun sekretariatet kan rette oversigtstabellerne.");
        if (ctx.Collection.Status == CollectionStatus.Archived)
            return Outcome<Collection>.Fail(Problem.Conflict, "Indsamlingen er arkiveret.", [new FieldError("tables", "Indsamlingen er arkiveret. Genåbn den for at rette oversigtstabellerne")]);
        if (json?.Length > 200_000) return Outcome<Collection>.Fail(Problem.Invalid, "Oversigtstabellerne er ikke gemt.", [new FieldError("tables", "Højst 200.000 tegn")]);
        var (tables, problem) = SummaryTableSpec.TryParse(json);
        var problems = problem is not null ? [problem] : SummaryTableSpec.Problems(tables!, ctx.Form);
        if (problems.Count > 0) return Outcome<Collection>.Fail(Problem.Invalid, "Oversigtstabellerne er ikke gemt.", problems.Select(p => new FieldError("tables", p.TrimEnd('.'))).ToList());

        var c = await db.Collections.FirstAsync(x => x.Id == ctx.Collection.Id, ct);
        var stored = tables!.Count == 0 ? null : SummaryTableSpec.ToJson(tables);
        if (stored == c.SummaryTablesJson) return Outcome<Collection>.Success(c);
        var before = SummaryTableSpec.ParseList(c.SummaryTablesJson);
        c.SummaryTablesJson = stored;
        db.AuditEntries.Add(AuditEntry.OfDefinition(c, user, clock.GetUtcNow().UtcDateTime, AuditAction.DefinitionChanged, "oversigtstabeller",
            Describe(before), Describe(tables)));
        await db.SaveChangesAsync(ct);
        return Outcome<Collection>.Success(c);
    }

    static string Describe(List<SummaryTableSpec> tables) =>
        tables.Count == 0 ? "ingen" : string.Join("; ", tables.Select(t => $"{t.Title} ({t.Rows.Count} rækker × {t.Columns.Count} kolonner)"));
}
