namespace Samraad.Features.Contracts;

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
