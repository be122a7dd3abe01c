namespace Samraad.Features.Reference;

/// <summary>What kind of body an organisation is; decides where it appears and what it can be asked.</summary>
public enum OrganisationKind { Kommune, Region, Kkr, Partner, Myndighed, Kl }

/// <summary>
/// Any body that owns, answers or receives: the 98 municipalities, the 5 regions, the 5 KKRs, partners and agencies.
/// </summary>
public class Organisation
{
    public int Id { get; set; }
    /// <summary>Stable readable key used in URLs and packs ("faxe", "kkr-sjaelland").</summary>
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public OrganisationKind Kind { get; set; }
    /// <summary>The official three-digit municipality code (101 … 860); municipalities only.</summary>
    public int? MunicipalityCode { get; set; }
    /// <summary>The official region code (1081 … 1085) of a region, or of the region a municipality or partner lies in.</summary>
    public int? RegionCode { get; set; }
    /// <summary>The KKR a municipality is a member of.</summary>
    public int? KkrId { get; set; }
    public Organisation? Kkr { get; set; }
    /// <summary>Where the row came from ("kommuner.csv", "partnere.csv").</summary>
    public string? Source { get; set; }

    /// <summary>"Faxe Kommune" for municipalities, the name otherwise.</summary>
    public string DisplayName => Kind != OrganisationKind.Kommune ? Name : Name switch
    {
        "København" => "Københavns Kommune",
        "Bornholm" => "Bornholms Regionskommune",
        _ => $"{Name} Kommune",
    };

    public static string KindLabel(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Kommune => "Kommune",
        OrganisationKind.Region => "Region",
        OrganisationKind.Kkr => "KKR",
        OrganisationKind.Partner => "Partner",
        OrganisationKind.Myndighed => "Myndighed",
        OrganisationKind.Kl => "KL",
        _ => kind.ToString(),
    };
}

/// <summary>A way to group municipalities, e.g. DST's KOMMUNEGRUPPER_V1_2018 or KL's three survey groups.</summary>
public class GroupSet
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Source { get; set; }
    public int SortOrder { get; set; }
    public List<Group> Groups { get; set; } = new();
}

/// <summary>One group of a group set ("Landkommuner").</summary>
public class Group
{
    public int Id { get; set; }
    public int GroupSetId { get; set; }
    public GroupSet? GroupSet { get; set; }
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    public List<GroupMember> Members { get; set; } = new();
}

/// <summary>Membership of an organisation in a group.</summary>
public class GroupMember
{
    public int GroupId { get; set; }
    public Group? Group { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
}

/// <summary>Well-known group-set keys.</summary>
public static class GroupSets
{
    public const string Region = "region";
    public const string Kkr = "kkr";
    public const string DstKommunegrupper = "dst-kommunegrupper-v1-2018";
    public const string KlSurveyGrupper = "kl-survey-grupper";
}
