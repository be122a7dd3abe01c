using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Documents;
using Samraad.Features.Collections.Documents;
using Samraad.Features.Collections.Summaries;

namespace Samraad.Features.Collections;

/// <summary>A collection's summary as a live attachment.</summary>
public sealed class CollectionSummarySource(AppDbContext db, ComputeSummary compute, HtmlDocuments html) : ILiveSource
{
    public string Kind => "collection-summary";

    public async Task<IReadOnlyList<LiveSourceOption>> Options(UserContext user, CancellationToken ct = default) =>
        (await db.Collections.OrderBy(c => c.Title).ToListAsync(ct)).Where(c => Access.CanAdminister(user, c.OwnerOrganisationId))
            .Select(c => new LiveSourceOption($"{Kind}:{c.Slug}", $"Sammendrag: {c.Title}")).ToList();

    public async Task<LiveFragment?> Render(string slug, CancellationToken ct = default)
    {
        if (await CollectionContext.Load(db, slug, ct) is not { } ctx) return null;
        var title = $"Sammendrag: {ctx.Collection.Title}";
        var report = await compute.Handle(ctx, null, ct);
        return new(title, await html.Fragment<LiveSummaryDocument>(new Dictionary<string, object?> { ["R"] = report, ["Title"] = title }));
    }
}

/// <summary>A collection's overview table (respondents × questions) as a live attachment.</summary>
public sealed class CollectionMatrixSource(AppDbContext db, HtmlDocuments html) : ILiveSource
{
    public string Kind => "collection-matrix";

    public async Task<IReadOnlyList<LiveSourceOption>> Options(UserContext user, CancellationToken ct = default) =>
        (await db.Collections.OrderBy(c => c.Title).ToListAsync(ct)).Where(c => Access.CanAdminister(user, c.OwnerOrganisationId))
            .Select(c => new LiveSourceOption($"{Kind}:{c.Slug}", $"Oversigtstabel: {c.Title}")).ToList();

    public async Task<LiveFragment?> Render(string slug, CancellationToken ct = default)
    {
        if (await CollectionContext.Load(db, slug, ct) is not { } ctx) return null;
        var title = $"Oversigtstabel: {ctx.Collection.Title}";
        var input = await LoadSummaryInput.Handle(db, ctx, ct);
        var view = Matrix.Build(input, Reconciliation.Check(input, await LoadSummaryInput.PrintedFigures(db, ctx.Collection.Id, ct)), includeText: false);
        return new(title, await html.Fragment<LiveMatrixDocument>(new Dictionary<string, object?> { ["Ctx"] = ctx, ["View"] = view, ["Title"] = title }));
    }
}
