namespace Samraad.Features.Pools;

/// <summary>A pool in the list.</summary>
public sealed record PoolListItem(string Slug, string Title, string Owner, string Collection, IReadOnlyDictionary<int, long> BudgetThousands, DateOnly DecisionBy, DateTime? DecisionsIssuedAtUtc);

/// <summary>One criterion's result for a project.</summary>
public sealed record CriterionDto(int Number, string Status, string Reason);

/// <summary>A project of an application with its eligibility.</summary>
public sealed record ProjectDto(int Index, string Name, long Loan2025, long Loan2026, long Places2025, long Places2026, decimal? ShareForOthers,
    DateOnly? CompletedBy, long? GrossCost, string? Kind, bool Eligible, bool AwaitsAssessment, int PricingScore, IReadOnlyList<CriterionDto> Criteria);

/// <summary>A submitted application.</summary>
public sealed record ApplicationDto(string Municipality, string Slug, int Code, string Region, string? Coordination, string Receipt, DateTime SubmittedAtUtc, IReadOnlyList<ProjectDto> Projects);

/// <summary>One project in the allocation.</summary>
public sealed record AllocationRowDto(int? Rank, string Municipality, string Slug, int Code, string Region, int ProjectIndex, string Project,
    string Outcome, long Granted2025, long Granted2026, IReadOnlyList<CriterionDto> Eligibility, IReadOnlyList<string> Reasons);

/// <summary>The allocation with budgets and what is left (amounts in whole 1,000 kr.).</summary>
public sealed record AllocationDto(string Pool, IReadOnlyDictionary<int, long> Budgets, IReadOnlyDictionary<int, long> Remaining, bool RegionalBalanceApplied, IReadOnlyList<AllocationRowDto> Rows);
