using System.Security.Claims;

namespace Samraad.Common;

/// <summary>The signed-in user as the pages and endpoints see it: role and the organisation acted for.</summary>
public sealed record UserContext(string UserId, string UserName, string Name, string Role, int? OrganisationId)
{
    public const string OrganisationClaim = "samraad:org";
    public const string NameClaim = "samraad:name";

    public bool IsAdmin => Role == Roles.Admin;

    /// <summary>Writes its organisation's answers: a respondent or a local administrator.</summary>
    public bool Answers => Roles.Answers(Role);

    /// <summary>The command line acts as an administrator: it reads everything on the machine it runs on.</summary>
    public static readonly UserContext CommandLine = new("cli", "cli", "Kommandolinjen", Roles.Admin, null);

    public static UserContext? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null) return null;
        return new UserContext(
            id,
            principal.FindFirstValue(ClaimTypes.Name) ?? "",
            principal.FindFirstValue(NameClaim) ?? "",
            principal.FindFirstValue(ClaimTypes.Role) ?? Roles.Reader,
            int.TryParse(principal.FindFirstValue(OrganisationClaim), out var org) ? org : null);
    }
}
