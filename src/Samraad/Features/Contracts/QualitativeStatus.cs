namespace Samraad.Features.Contracts;

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
