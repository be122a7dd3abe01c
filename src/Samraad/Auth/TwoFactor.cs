using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Samraad.Auth;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, RFC 6238: Identity's authenticator token provider): set up by
/// scanning a QR code drawn on the server as SVG and typing the first code; ten one-time recovery codes; turned off
/// with a current code. Each change ends the account's other sessions (the security stamp changes).
/// </summary>
public sealed class TwoFactor(SignInManager<AppUser> signIn, TwoFactorPolicy policy)
{
    public const int RecoveryCodes = 10;

    /// <summary>Whether the role must use two-factor (<see cref="TwoFactorPolicy"/>).</summary>
    public Task<bool> Required(string role) => policy.Required(role);
    UserManager<AppUser> Users => signIn.UserManager;

    /// <summary>The key to type or scan (created on first use; a new one each time two-factor is off and set up again).</summary>
    public async Task<(string Key, string Uri, string Svg)> Setup(AppUser user)
    {
        var key = await Users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await Users.ResetAuthenticatorKeyAsync(user);
            key = (await Users.GetAuthenticatorKeyAsync(user))!;
            // A new key changes the security stamp: keep this browser signed in (the page is only being looked at).
            await signIn.RefreshSignInAsync(user);
        }
        var label = Uri.EscapeDataString($"Samraad:{user.UserName}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer=Samraad&digits=6&period=30";
        return (key, uri, Svg(uri));
    }

    /// <summary>The code the app shows now is right: two-factor is on; returns the recovery codes, shown once.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> Enable(ClaimsPrincipal principal, string? code)
    {
        if (await Users.GetUserAsync(principal) is not { } user) return Outcome<IReadOnlyList<string>>.Fail(Problem.Forbidden, "Log ind først.");
        if (!await CodeIsRight(user, code))
            return Outcome<IReadOnlyList<string>>.Fail(Problem.Invalid, "To-faktor er ikke slået til.", [new FieldError("code", "Koden er forkert eller udløbet. Skriv den kode, appen viser nu (6 cifre)")]);
        await Users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodes))!.ToList();
        await signIn.RefreshSignInAsync(user);
        return Outcome<IReadOnlyList<string>>.Success(codes);
    }

    /// <summary>Turn two-factor off (not allowed where the role requires it), with a current code; the key is replaced.</summary>
    public async Task<Outcome<bool>> Disable(ClaimsPrincipal principal, string? code)
    {
        if (await Users.GetUserAsync(principal) is not { } user) return Outcome<bool>.Fail(Problem.Forbidden, "Log ind først.");
        if (await policy.Required(user.Role))
            return Outcome<bool>.Fail(Problem.Invalid, "To-faktor er stadig slået til.", [new FieldError("code", $"Rollen {Roles.Label(user.Role)} skal bruge to-faktor-log ind")]);
        if (!await CodeIsRight(user, code))
            return Outcome<bool>.Fail(Problem.Invalid, "To-faktor er stadig slået til.", [new FieldError("code", "Koden er forkert eller udløbet. Skriv den kode, appen viser nu")]);
        await Users.SetTwoFactorEnabledAsync(user, false);
        await Users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return Outcome<bool>.Success(true);
    }

    /// <summary>New recovery codes (the old ones stop working), with a current code.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> NewRecoveryCodes(ClaimsPrincipal principal, string? code)
    {
        if (await Users.GetUserAsync(principal) is not { TwoFactorEnabled: true } user) return Outcome<IReadOnlyList<string>>.Fail(Problem.Conflict, "To-faktor er ikke slået til.");
        if (!await CodeIsRight(user, code))
            return Outcome<IReadOnlyList<string>>.Fail(Problem.Invalid, "Der er ikke lavet nye koder.", [new FieldError("code", "Koden er forkert eller udløbet. Skriv den kode, appen viser nu")]);
        return Outcome<IReadOnlyList<string>>.Success((await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodes))!.ToList());
    }

    /// <summary>A wrong code counts towards the lockout, as a wrong password does.</summary>
    async Task<bool> CodeIsRight(AppUser user, string? code)
    {
        if (await Users.IsLockedOutAsync(user)) return false; // no guessing while locked out
        var digits = Clean(code);
        if (digits.Length != 6) { await Users.AccessFailedAsync(user); return false; }
        if (await Users.VerifyTwoFactorTokenAsync(user, Users.Options.Tokens.AuthenticatorTokenProvider, digits)) return true;
        await Users.AccessFailedAsync(user);
        return false;
    }

    /// <summary>A recovery code as Identity made it ("ABC12-DEF34"), however it was typed ("abc12 def34", without the dash).</summary>
    public static string RecoveryCode(string? code)
    {
        var c = new string((code ?? "").Where(ch => !char.IsWhiteSpace(ch) && ch != '-').Take(64).ToArray()).ToUpperInvariant();
        return c.Length == 10 ? $"{c[..5]}-{c[5..]}" : c;
    }

    /// <summary>"123 456" and "123-456" as the app shows them.</summary>
    public static string Clean(string? code) => new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Take(64).ToArray());

    /// <summary>The QR code as one SVG path, one square per dark module, scaling with its box (no script, no image file).</summary>
    static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
                if (matrix[y][x]) path.Append('M').Append(x).Append(' ').Append(y).Append("h1v1h-1z");
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"220\" height=\"220\" role=\"img\" aria-label=\"QR-kode til din godkendelsesapp\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>";
    }
}
