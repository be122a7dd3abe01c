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
