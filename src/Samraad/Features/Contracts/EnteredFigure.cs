namespace Samraad.Features.Contracts;

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
