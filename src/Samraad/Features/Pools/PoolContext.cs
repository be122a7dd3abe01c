using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections;
using Samraad.Features.Collections.Forms;
using Samraad.Features.Reference;

namespace Samraad.Features.Pools;

/// <summary>A reviewed project: the application it belongs to, each criterion's result and the caseworker's assessment.</summary>
public sealed record ProjectReview(PoolApplication Application, ProjectLine Project, IReadOnlyList<CriterionResult> Criteria, ProjectAssessment? Assessment)
{
    public bool Eligible => Eligibility.IsEligible(Criteria, Assessment?.ExceptionApproved);
    public bool AwaitsAssessment => Criteria.Any(c => c.Status == CriterionStatus.NeedsAssessment) && Assessment?.ExceptionApproved is null;
}

/// <summary>A pool with its spec and collection, and who may do what with it.</summary>
public sealed record PoolContext(Pool Pool, PoolSpec Spec, CollectionContext Collection)
{
    /// <summary>The owner's staff (the ministry's caseworkers) and admins.</summary>
    public bool CanAdminister(UserContext? user) => user is not null && Access.CanAdminister(user, Pool.OwnerOrganisationId);

    public PoolRules Rules(IReadOnlyDictionary<int, long>? budgets = null) => Spec.Rules(budgets ?? Pool.BudgetThousands);

    public static async Task<PoolContext?> Load(AppDbContext db, string slug, CancellationToken ct = default)
    {
        var pool = await db.Pools.Include(p => p.Budgets).Include(p => p.Owner).FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (pool is null) return null;
        var collection = await db.Collections.Where(c => c.Id == pool.CollectionId).Select(c => c.Slug).FirstAsync(ct);
        return new PoolContext(pool, PoolSpec.Parse(pool.SpecJson), (await CollectionContext.Load(db, collection, ct))!);
    }

    /// <summary>Every submitted application (latest receipt), reviewed project by project.</summary>
    public async Task<List<ProjectReview>> Reviews(AppDbContext db, CancellationToken ct = default)
    {
        var receipts = await db.Responses.Where(r => r.CollectionId == Collection.Collection.Id && r.Period == "" && r.LatestReceiptId != null)
            .Select(r => new { r.OrganisationId, Receipt = r.LatestReceipt! }).ToListAsync(ct);
        var ids = receipts.Select(r => r.Receipt.Id).ToList();
        var answers = (await db.ReceiptAnswers.Where(a => ids.Contains(a.ReceiptId)).ToListAsync(ct)).ToLookup(a => a.ReceiptId);
        var orgs = await db.Organisations.Where(o => o.Kind == OrganisationKind.Kommune || o.Kind == OrganisationKind.Region).ToListAsync(ct);
        var assessments = await db.ProjectAssessments.Where(a => a.PoolId == Pool.Id).ToListAsync(ct);
        var rules = Rules();
        return receipts.SelectMany(r =>
        {
            var org = orgs.First(o => o.Id == r.OrganisationId);
            var region = orgs.FirstOrDefault(o => o.Kind == OrganisationKind.Region && o.RegionCode == org.RegionCode);
            var app = PoolApplication.From(answers[r.Receipt.Id].ToDictionary(a => a.FieldKey, a => new AnswerValue(a.Value, a.MissingCode)),
                org.Id, org.Slug, org.DisplayName, org.MunicipalityCode ?? 0, org.RegionCode ?? 0, region?.Name ?? "", r.Receipt.Number, r.Receipt.SubmittedAtUtc);
            return app.Projects.Select(p => new ProjectReview(app, p, Eligibility.Check(rules, app, p),
                assessments.FirstOrDefault(a => a.OrganisationId == org.Id && a.ProjectIndex == p.Index)));
        }).OrderBy(r => r.Application.Code).ThenBy(r => r.Project.Index).ToList();
    }

    /// <summary>Runs the allocation on the reviews, with optional what-if budgets and scores (keyed "slug/index").</summary>
    public static AllocationResult Allocate(IReadOnlyList<ProjectReview> reviews, IReadOnlyDictionary<int, long> budgets,
        IReadOnlyDictionary<string, int>? scoreOverrides = null)
    {
        int Score(ProjectReview r) => scoreOverrides?.GetValueOrDefault($"{r.Application.Slug}/{r.Project.Index}") is int s ? s : r.Assessment?.PricingScore ?? 0;
        var candidates = reviews.Where(r => r.Eligible).Select(r => new Candidate(r.Application, r.Project, Score(r))).ToList();
        var ineligible = reviews.Where(r => !r.Eligible).Select(r => (r.Application, r.Project, r.AwaitsAssessment
            ? "Afventer sagsbehandlerens vurdering (kriterium 6)."
            : string.Join(" ", r.Criteria.Where(c => c.Status != CriterionStatus.Passed).Select(c => $"Kriterium {c.Number} er ikke opfyldt: {c.Reason}"))));
        return Allocation.Run(budgets, candidates, ineligible);
    }
}
