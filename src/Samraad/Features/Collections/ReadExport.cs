using Samraad.Data;

namespace Samraad.Features.Collections;

/// <summary>The responses as CSV, XLSX or JSON for those who administer the collection (API and command line).</summary>
public sealed class ReadExport(AppDbContext db, ExportResponses export)
{
    public async Task<Outcome<ExportResponses.File>> Handle(string slug, string? period, string format, UserContext user, CancellationToken ct = default)
    {
        var found = await Guard.Read(CollectionContext.LoadPeriod(db, slug, period, ct), "Indsamlingen eller perioden findes ikke.", c => c.CanAdminister(user));
        if (found.Value is not { } ctx) return found.As<ExportResponses.File>();
        if (!ExportResponses.Formats.Contains(format))
            return Outcome<ExportResponses.File>.Fail(Problem.Invalid, "Ukendt format", [new FieldError("format", "Formatet skal være csv, xlsx eller json")]);
        return Outcome<ExportResponses.File>.Success(await export.Handle(ctx, format, ct));
    }
}
