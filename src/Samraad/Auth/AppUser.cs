using Microsoft.AspNetCore.Identity;
using Samraad.Features.Reference;

namespace Samraad.Auth;

/// <summary>A local account. Acts for one organisation in one role.</summary>
public class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public string Role { get; set; } = Roles.Reader;
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
}
