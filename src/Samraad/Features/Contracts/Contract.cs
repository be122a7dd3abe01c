using Samraad.Features.Reference;

namespace Samraad.Features.Contracts;

/// <summary>A performance contract (resultatkontrakt) between a KKR and a business hub for one year.</summary>
public class Contract
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public int Year { get; set; }
    /// <summary>The KKR (its secretariat administers the contract).</summary>
    public int OwnerOrganisationId { get; set; }
    public Organisation? Owner { get; set; }
    /// <summary>The business hub that reports (Erhvervshus Sjælland).</summary>
    public int HubOrganisationId { get; set; }
    public Organisation? Hub { get; set; }
    public string FrameworkText { get; set; } = "";
    public string Reporting { get; set; } = "";
    public string? Source { get; set; }
    /// <summary>What in the contract's data is synthetic, shown wherever it is.</summary>
    public string? DemoNote { get; set; }
    public List<Goal> Goals { get; set; } = new();

    public DateOnly YearEnd => new(Year, 12, 31);
}

public enum GoalScope { National, Local }

/// <summary>One goal of a contract with its target, method and reporting text verbatim, and how Samraad measures it.</summary>
public class Goal
{
    public int Id { get; set; }
    public int ContractId { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public GoalScope Scope { get; set; }
    public string Target { get; set; } = "";
    public string Method { get; set; } = "";
    public string Reporting { get; set; } = "";
    public string Cadence { get; set; } = "";
    /// <summary>Wholly or partly qualitative: its status includes the one the secretariat sets, with evidence.</summary>
    public bool IsQualitative { get; set; }
    /// <summary>The measures of the goal (JSON list of {kind, …}); empty for a qualitative goal.</summary>
    public string MeasuresJson { get; set; } = "[]";
}

public enum ImportKind { Registrations, Evaluations }

public enum ImportState { Pending, Active, Undone }

/// <summary>One uploaded file: pending until confirmed, active once its rows are in, undone when taken back.</summary>
public class ContractImport
{
    public int Id { get; set; }
    public int ContractId { get; set; }
    public ImportKind Kind { get; set; }
    public ImportState State { get; set; }
    public string FileName { get; set; } = "";
    public string? EncodingNote { get; set; }
    public int Rows { get; set; }
    public int SkippedEmptyRows { get; set; }
    public int FileId { get; set; }
    public StoredFile? File { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public string UploadedBy { get; set; } = "";
    public DateTime? ConfirmedAtUtc { get; set; }
    public DateTime? UndoneAtUtc { get; set; }
    public string? UndoneBy { get; set; }
}

public enum CaseType { Kort, Handlingsplan, Vaekstplan }

public static class CaseTypes
{
    /// <summary>The case type as the hub's CRM and the contract write it.</summary>
    public static string Label(this CaseType type) => type switch { CaseType.Kort => "Kort forløb", CaseType.Handlingsplan => "Handlingsplan", _ => "Vækstplan" };
}

/// <summary>A guidance case (forløb) from the hub's CRM. Themes are kept as text, with flags for the ones goals count.</summary>
public class Registration
{
    public long Id { get; set; }
    public int ContractId { get; set; }
    public int ImportId { get; set; }
    public string CaseId { get; set; } = "";
    /// <summary>The CVR number as an integer: counting distinct companies over a million rows is then cheap.</summary>
    public int Cvr { get; set; }
    public int MunicipalityCode { get; set; }
    public int HqRegionCode { get; set; }
    public CaseType Type { get; set; }
    public DateOnly StartDate { get; set; }
    /// <summary>StartDate's year, stored: the goals count a contract year, and an equality on it lets each aggregate walk its index in order.</summary>
    public int Year { get; set; }
    public DateOnly? EndDate { get; set; }
    public string Themes { get; set; } = "";
    public bool IsEsg { get; set; }
    public bool IsAiCheck { get; set; }
    public bool IsDigital { get; set; }
    public bool ReferredExternal { get; set; }
    public bool GuidedPreviousYear { get; set; }
}

public enum Segment { Drift, Vaekst }

/// <summary>One answer to the user evaluation. Scales are stored as their option keys; null where not answered.</summary>
public class Evaluation
{
    public long Id { get; set; }
    public int ContractId { get; set; }
    public int ImportId { get; set; }
    public int Cvr { get; set; }
    public Segment Segment { get; set; }
    public string? Satisfaction { get; set; }
    public int? Recommend { get; set; }
    public string? Effect { get; set; }
    public bool DigitalGuidance { get; set; }
    public string? ReferralUse { get; set; }
}

/// <summary>A figure entered by hand with its source and date (e.g. Erhvervsstyrelsen's awareness survey).</summary>
public class EnteredFigure
{
    public int Id { get; set; }
    public int ContractId { get; set; }
    public string Key { get; set; } = "";
    public decimal Value { get; set; }
    public int Year { get; set; }
    public string Source { get; set; } = "";
    public DateOnly Date { get; set; }
    public DateTime EnteredAtUtc { get; set; }
    public string EnteredBy { get; set; } = "";
}

/// <summary>The status of a qualitative goal, set by the secretariat, with evidence links.</summary>
public class QualitativeStatus
{
    public int Id { get; set; }
    public int ContractId { get; set; }
    public int GoalNumber { get; set; }
    public GoalStatus Status { get; set; }
    public string Text { get; set; } = "";
    public string? Evidence { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";
}
