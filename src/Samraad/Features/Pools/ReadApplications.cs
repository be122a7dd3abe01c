using Samraad.Data;

namespace Samraad.Features.Pools;

/// <summary>The submitted applications with each project's criteria, for the pool's caseworker.</summary>
public sealed class ReadApplications(AppDbContext db)
{
    public async Task<Outcome<IReadOnlyList<ApplicationDto>>> Handle(string slug, UserContext user, CancellationToken ct = default)
    {
        var found = await Guard.Read(PoolContext.Load(db, slug), "Puljen findes ikke.", p => p.CanAdminister(user));
        if (found.Value is not { } ctx) return found.As<IReadOnlyList<ApplicationDto>>();
        return Outcome<IReadOnlyList<ApplicationDto>>.Success((await ctx.Reviews(db)).GroupBy(r => r.Application.OrganisationId).Select(g =>
        {
            var a = g.First().Application;
            return new ApplicationDto(a.Municipality, a.Slug, a.Code, a.Region, a.Coordination, a.ReceiptNumber, a.SubmittedAtUtc, g.Select(r => new ProjectDto(
                r.Project.Index, r.Project.Name, r.Project.Loan2025, r.Project.Loan2026, r.Project.Places2025, r.Project.Places2026, r.Project.ShareForOthers,
                r.Project.CompletedBy, r.Project.GrossCost, r.Project.Kind, r.Eligible, r.AwaitsAssessment, r.Assessment?.PricingScore ?? 0, Criteria(r))).ToList());
        }).ToList());
    }

    internal static List<CriterionDto> Criteria(ProjectReview r) => r.Criteria.Select(c => new CriterionDto(c.Number, c.Status.ToString(), c.Reason)).ToList();
}
