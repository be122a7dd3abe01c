using Microsoft.AspNetCore.Identity;

namespace Samraad.Auth;

/// <summary>
/// *Skift adgangskode*: the current password, then the new one twice. A wrong current password counts towards the
/// lockout as a failed log-in does (so the form cannot be used to guess it). A change ends every other session of the
/// account (the security stamp changes); the browser that changed it stays signed in.
/// </summary>
public sealed class ChangePassword(SignInManager<AppUser> signIn)
{
    public sealed record Input(string? Current, string? New, string? Repeat);

    public async Task<Outcome<AppUser>> Handle(System.Security.Claims.ClaimsPrincipal principal, Input input)
    {
        var users = signIn.UserManager;
        if (await users.GetUserAsync(principal) is not { } user) return Outcome<AppUser>.Fail(Problem.Forbidden, "Log ind først.");
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(input.Current)) errors.Add(new FieldError("current", "Skriv din nuværende adgangskode"));
        if (string.IsNullOrEmpty(input.New)) errors.Add(new FieldError("new", "Skriv den nye adgangskode"));
        else if (input.New.Length > 256) errors.Add(new FieldError("new", "Adgangskoden må højst være 256 tegn"));
        else if (input.New != input.Repeat) errors.Add(new FieldError("repeat", "Skriv den samme nye adgangskode to gange"));
        if (errors.Count > 0) return Outcome<AppUser>.Fail(Problem.Invalid, "Adgangskoden er ikke skiftet.", errors);
        if (await users.IsLockedOutAsync(user))
            return Outcome<AppUser>.Fail(Problem.Invalid, "Adgangskoden er ikke skiftet.", [new FieldError("current", "Kontoen er spærret i 15 minutter efter for mange forkerte forsøg. Prøv igen senere")]);
        if (!await users.CheckPasswordAsync(user, input.Current!))
        {
            await users.AccessFailedAsync(user);
            return Outcome<AppUser>.Fail(Problem.Invalid, "Adgangskoden er ikke skiftet.", [new FieldError("current", "Den nuværende adgangskode er forkert")]);
        }
        if (input.New == input.Current) return Outcome<AppUser>.Fail(Problem.Invalid, "Adgangskoden er ikke skiftet.", [new FieldError("new", "Vælg en ny adgangskode, der ikke er den samme som den nuværende")]);
        var result = await users.ChangePasswordAsync(user, input.Current!, input.New!);
        if (!result.Succeeded) return Outcome<AppUser>.Fail(Problem.Invalid, "Adgangskoden er ikke skiftet.", [new FieldError("new", Danish(result.Errors))]);
        await users.ResetAccessFailedCountAsync(user);
        await signIn.RefreshSignInAsync(user); // this browser keeps its session; every other one ends at its next request
        return Outcome<AppUser>.Success(user);
    }

    /// <summary>Identity's rules in Danish, in one sentence (its own descriptions are English).</summary>
    public static string Danish(IEnumerable<IdentityError> errors)
    {
        var codes = errors.Select(e => e.Code).ToHashSet();
        if (codes.Count == 0) return "Adgangskoden kan ikke bruges";
        var parts = new List<string>();
        if (codes.Contains(nameof(IdentityErrorDescriber.PasswordTooShort))) parts.Add("være mindst 12 tegn");
        if (codes.Contains(nameof(IdentityErrorDescriber.PasswordRequiresUpper))) parts.Add("have et stort bogstav");
        if (codes.Contains(nameof(IdentityErrorDescriber.PasswordRequiresLower))) parts.Add("have et lille bogstav");
        if (codes.Contains(nameof(IdentityErrorDescriber.PasswordRequiresDigit))) parts.Add("have et tal");
        if (codes.Contains(nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars))) parts.Add("have flere forskellige tegn");
        return parts.Count == 0 ? "Adgangskoden kan ikke bruges" : $"Adgangskoden skal {string.Join(", ", parts.SkipLast(1))}{(parts.Count > 1 ? " og " : "")}{parts[^1]}";
    }
}
