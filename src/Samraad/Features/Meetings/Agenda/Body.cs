using Samraad.Features.Reference;

namespace Samraad.Features.Meetings;

/// <summary>A council that meets, e.g. KKR Sjælland. Owned by an organisation whose secretariat runs its meetings.</summary>
public class Body
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public List<BodyMember> Members { get; set; } = new();
}

/// <summary>A seat on a body: a person, the organisation they come from, and their role (formand, medlem …).</summary>
public class BodyMember
{
    public int Id { get; set; }
    public int BodyId { get; set; }
    public string Name { get; set; } = "";
    public string Role { get; set; } = "Medlem";
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int SortOrder { get; set; }
}
