namespace Samraad.Features.Contracts;

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
