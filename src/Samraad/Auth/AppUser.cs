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

    /// <summary>A deactivated account cannot sign in and its sessions have ended; reactivating it gives access back.</summary>
    public bool IsActive { get; set; } = true;
    public DateTime? LastSignInAt { get; set; }
    public DateTime? CreatedAt { get; set; }

    /// <summary>The user's own choice: reminders before a deadline, and other notices. Receipts and security mail are always sent.</summary>
    public bool WantsReminders { get; set; } = true;
    public bool WantsNotices { get; set; } = true;

    /// <summary>Invited, not yet accepted: no password chosen and not signed in through single sign-on (which confirms the address).</summary>
    public bool IsInvited => PasswordHash is null && !EmailConfirmed;

    public string State => !IsActive ? "Deaktiveret" : IsInvited ? "Inviteret" : "Aktiv";
}

/// <summary>What a one-time link lets its holder do.</summary>
public enum TokenPurpose { Invitation, PasswordReset }

/// <summary>
/// A one-time link sent by e-mail: an invitation (choose your password) or a password reset. Only a hash of the
/// secret in the link is stored, so a copy of the database cannot be used to take over an account.
/// </summary>
public class AccountToken
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }
    public TokenPurpose Purpose { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    /// <summary>Who sent the invitation (null for a reset the user asked for).</summary>
    public string? CreatedByUserId { get; set; }
}

/// <summary>One attempt to sign in to an account: the user's own log (*Log ind-historik*).</summary>
public class SignInEvent
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public DateTime At { get; set; }
    public bool Succeeded { get; set; }
    /// <summary>"Adgangskode", "Adgangskode og to-faktor", "OpenID Connect (navn)".</summary>
    public string Method { get; set; } = "";
    /// <summary>Why it failed, in Danish ("Forkert adgangskode", "Kontoen er spærret", "Kontoen er deaktiveret").</summary>
    public string? Detail { get; set; }
}
