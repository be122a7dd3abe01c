using Samraad.Data;

namespace Samraad.Features.Collections.Summaries;

/// <summary>
/// The summary as the API and the command line give it: computed now, optionally broken down by a group set; for a
/// periodic collection with the period shown and every question over all periods.
/// </summary>
public sealed class ReadSummary(AppDbContext db, ComputeSummary compute, TimeProvider clock)
{
    public async Task<Outcome<PeriodicSummaryDto>> Handle(string slug, string? period, string? groupSet, UserContext user, CancellationToken ct = default)
    {
        var found = await Guard.Read(LoadVisiblePeriod(), "Indsamlingen eller perioden findes ikke.",
            c => Access.CanReadSummary(user, c.Collection.OwnerOrganisationId));
        if (found.Value is not { } ctx) return found.As<PeriodicSummaryDto>();
        async Task<CollectionContext?> LoadVisiblePeriod() => (await CollectionContext.LoadVisible(db, slug, user, ct))?.ForPeriod(period);
        var report = await compute.Handle(ctx, groupSet, ct);
        if (!string.IsNullOrEmpty(groupSet) && report.Breakdown is null)
            return Outcome<PeriodicSummaryDto>.Fail(Problem.Invalid, "Ukendt opdeling",
                [new FieldError("groupSet", $"Opdelingen »{groupSet}« findes ikke. Brug en af: {string.Join(", ", report.GroupSets.Select(s => s.Key))}")]);
        var summary = SummaryJson.From(report, clock.GetUtcNow().UtcDateTime);
        return Outcome<PeriodicSummaryDto>.Success(new PeriodicSummaryDto(ctx.Period, summary,
            ctx.Collection.IsPeriodic ? await ComputePeriodSeries.Handle(db, ctx, ct) : null));
    }
}
