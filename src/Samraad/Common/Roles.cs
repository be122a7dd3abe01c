namespace Samraad.Common;

/// <summary>The roles a user can have. Stored as text; see <see cref="Access"/> for what each may do.</summary>
public static class Roles
{
    /// <summary>Runs the installation: every organisation, every collection.</summary>
    public const string Admin = "admin";
    /// <summary>Staff of an owner organisation (a KKR secretariat): builds collections, follows up, reopens.</summary>
    public const string Secretariat = "sekretariat";
    /// <summary>Answers on behalf of exactly one organisation.</summary>
    public const string Respondent = "respondent";
    /// <summary>Reads computed summaries (e.g. a council member).</summary>
    public const string Reader = "laeser";

    public static readonly string[] All = [Admin, Secretariat, Respondent, Reader];

    public static string Label(string role) => role switch
    {
        Admin => "Administrator",
        Secretariat => "Sekretariat",
        Respondent => "Besvarer",
        Reader => "Læser",
        _ => role,
    };
}
