using Samraad.Data;

namespace Samraad.Features.Collections.Summaries;

/// <summary>
/// Next year's summary beside last year's: a collection copied from another (its *Kopieret fra*, and that one's, up to
/// four editions back) as a series, question by question, each edition from its own latest receipts. An edition the
/// user may not read, or a draft, ends the chain.
/// </summary>
public static class ComputeEditionSeries
{
    const int MaxEditions = 5;

    public static async Task<PeriodSeries?> Handle(AppDbContext db, CollectionContext ctx, UserContext user, CancellationToken ct = default)
    {
        if (ctx.Collection.IsPeriodic || ctx.Collection.CopiedFromId is null) return null;
        var chain = new List<CollectionContext> { ctx };
        var seen = new HashSet<int> { ctx.Collection.Id };
        while (chain.Count < MaxEditions && chain[^1].Collection.CopiedFrom is { } origin && seen.Add(origin.Id))
        {
            var earlier = await CollectionContext.Load(db, origin.Slug, ct);
            if (earlier is null || earlier.Collection.IsPeriodic || earlier.Collection.Status == CollectionStatus.Draft
                || !Access.CanReadSummary(user, earlier.Collection.OwnerOrganisationId)) break;
            chain.Add(earlier);
        }
        if (chain.Count == 1) return null;
        chain.Reverse();
        var columns = new List<(int, IReadOnlyList<LeafSummary>)>();
        foreach (var edition in chain)
        {
            var input = await LoadSummaryInput.Handle(db, edition, ct);
            columns.Add((input.Submitted.Count, Summary.Compute(input)));
        }
        return ComputePeriodSeries.Build(chain.Select(c => c.Collection.Slug).ToList(), chain.Select(c => c.Collection.Title).ToList(), columns);
    }
}
