namespace Samraad.Features.Reference;

/// <summary>A number about an organisation for a year, with its source (e.g. population from Danmarks Statistik).</summary>
public class ReferenceFigure
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public string Key { get; set; } = "";
    public int Year { get; set; }
    public long Value { get; set; }
    public string Source { get; set; } = "";
}
