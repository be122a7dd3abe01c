namespace Samraad.Features.Contracts;

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
