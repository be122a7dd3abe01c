using Samraad.Features.Collections;
using Samraad.Features.Reference;

namespace Samraad.Features.Pools;

/// <summary>
/// A loan pool (lånepulje): an owner (the ministry), a purpose, a budget per year, and applications gathered by a
/// collection (the application form on the collections engine). Decisions are issued once, as letters.
/// </summary>
public class Pool
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Purpose { get; set; } = "";
    public int OwnerOrganisationId { get; set; }
    public Organisation? Owner { get; set; }
    public int CollectionId { get; set; }
    public Collection? Collection { get; set; }
    public DateOnly DecisionBy { get; set; }
    /// <summary>The pack's criteria, weighting text and rule numbers (JSON), shown verbatim.</summary>
    public string SpecJson { get; set; } = "";
    public List<PoolBudget> Budgets { get; set; } = new();
    public DateTime? DecisionsIssuedAtUtc { get; set; }
    public string? DecisionsIssuedBy { get; set; }

    /// <summary>Budgets in whole 1,000 kr., the unit of the application form.</summary>
    public IReadOnlyDictionary<int, long> BudgetThousands => Budgets.ToDictionary(b => b.Year, b => b.AmountOre / 100_000);
}

/// <summary>A year's budget, in øre.</summary>
public class PoolBudget
{
    public int Id { get; set; }
    public int PoolId { get; set; }
    public int Year { get; set; }
    public long AmountOre { get; set; }
}

/// <summary>The caseworker's judgement on one project: the pricing score (weighting criterion 4) and, where a
/// criterion needs assessment (renovation), whether the exception is approved.</summary>
public class ProjectAssessment
{
    public int Id { get; set; }
    public int PoolId { get; set; }
    public int OrganisationId { get; set; }
    public int ProjectIndex { get; set; }
    public int PricingScore { get; set; }
    public bool? ExceptionApproved { get; set; }
    public string? Note { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";
}

public enum PoolOutcome { Tilsagn, DelvisTilsagn, Afslag }

/// <summary>The decision sent to one municipality: amounts per year (øre), the reasons, and the letter as issued.</summary>
public class PoolDecision
{
    public int Id { get; set; }
    public int PoolId { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public PoolOutcome Outcome { get; set; }
    public long Granted2025Ore { get; set; }
    public long Granted2026Ore { get; set; }
    public string Reasons { get; set; } = "";
    public string ReceiptNumber { get; set; } = "";
    public int LetterFileId { get; set; }
    public StoredFile? LetterFile { get; set; }
    public string LetterHtml { get; set; } = "";
    public DateTime IssuedAtUtc { get; set; }
    public string IssuedBy { get; set; } = "";
}

/// <summary>Documentation a municipality uploads with its application (e.g. the KKR minutes on coordination).</summary>
public class PoolDocument
{
    public int Id { get; set; }
    public int PoolId { get; set; }
    public int OrganisationId { get; set; }
    public int FileId { get; set; }
    public StoredFile? File { get; set; }
    public string Title { get; set; } = "";
    public DateTime UploadedAtUtc { get; set; }
    public string UploadedBy { get; set; } = "";
}
