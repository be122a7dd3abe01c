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
    /// <summary>A respondent who also manages its own organisation's users (invites colleagues, deactivates, changes roles).</summary>
    public const string LocalAdmin = "lokaladmin";

    /// <summary>The session of a user whose role requires two-factor sign-in that is not set up yet: it may set it up, nothing else.</summary>
    public const string PendingTwoFactor = "mangler-to-faktor";

    public static readonly string[] All = [Admin, Secretariat, Respondent, Reader, LocalAdmin];

    /// <summary>Respondents and local administrators answer for their organisation.</summary>
    public static bool Answers(string role) => role is Respondent or LocalAdmin;

    public static string Label(string role) => role switch
    {
        Admin => "Administrator",
        Secretariat => "Sekretariat",
        Respondent => "Besvarer",
        Reader => "Læser",
        LocalAdmin => "Lokal administrator",
        PendingTwoFactor => "Mangler to-faktor",
        _ => role,
    };
}
