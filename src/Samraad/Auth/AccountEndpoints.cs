using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Identity;

namespace Samraad.Auth;

/// <summary>Log ind / log ud for the pages, and a JSON session endpoint for API clients.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/log-ind", (string? returnUrl, string? adgangskode) => Html.Render<LoginPage>(new
        {
            ReturnUrl = SafeReturnUrl(returnUrl),
            Notice = adgangskode == "sat" ? "Din adgangskode er gemt. Log ind med dit brugernavn og den nye adgangskode." : null,
        }));
        pages.MapPost("/log-ind", LogIn).AddEndpointFilter(AntiforgeryTokens.Validate).WithMetadata(new RequestSizeLimitAttribute(MaxLoginBytes))
            .RequireRateLimiting(AuthFeature.LoginPolicy);
        pages.MapGet("/log-ind/to-faktor", async (string? returnUrl, SignInManager<AppUser> signIn) =>
            await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Results.Redirect("/log-ind")
                : Html.Render<LoginCodePage>(new { ReturnUrl = SafeReturnUrl(returnUrl) }));
        pages.MapPost("/log-ind/to-faktor", async (HttpContext http, SignInManager<AppUser> signIn) =>
        {
            var form = await http.Request.ReadFormAsync();
            var returnUrl = SafeReturnUrl(form["returnUrl"]);
            if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return Results.Redirect("/log-ind");
            var errors = await SecondFactor(signIn, user, form["code"], async (u, _) =>
            {
                await signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
                await signIn.SignInWithClaimsAsync(u, false, [new System.Security.Claims.Claim("amr", "mfa")]);
            });
            return errors.Count == 0 ? Results.Redirect(returnUrl) : Html.Render<LoginCodePage>(new { Errors = errors, ReturnUrl = returnUrl }, StatusCodes.Status400BadRequest);
        }).AddEndpointFilter(AntiforgeryTokens.Validate).WithMetadata(new RequestSizeLimitAttribute(MaxLoginBytes)).RequireRateLimiting(AuthFeature.LoginPolicy);
        pages.MapPost("/log-ud", async (HttpContext http, SignInManager<AppUser> signIn) =>
        {
            await SignOutEverywhere(http, signIn);
            return Results.Redirect("/log-ind");
        }).AddEndpointFilter(AntiforgeryTokens.Validate);

        var account = app.MapGroup("/konto").RequireAuthorization().ExcludeFromDescription();
        account.MapGet("", Account);
        account.MapPost("/beskeder", async (HttpContext http, UserManager<AppUser> users) =>
        {
            var f = await http.Request.ReadFormAsync();
            await SetChoices(http, users, f["reminders"] == "true", f["notices"] == "true");
            return Results.Redirect("/konto?beskeder=1#beskeder");
        }).AddEndpointFilter(AntiforgeryTokens.Validate);
        app.MapPut("/api/account/notifications", async (NotificationChoices? body, HttpContext http, UserManager<AppUser> users) =>
        {
            await SetChoices(http, users, body?.Reminders ?? true, body?.Notices ?? true);
            return Results.NoContent();
        }).RequireAuthorization().WithTags("Session").DocumentedNoContent("setNotificationChoices", "Slå påmindelser og meddelelser til eller fra for dig selv (kvitteringer og sikkerhedsbeskeder sendes altid)", 401);
        account.MapGet("/to-faktor", async (HttpContext http, UserManager<AppUser> users, TwoFactor twoFactor) =>
            await TwoFactorPage(http, users, twoFactor, [], null, null));
        account.MapPost("/to-faktor", async (HttpContext http, UserManager<AppUser> users, TwoFactor twoFactor) =>
        {
            var f = await http.Request.ReadFormAsync();
            var code = f["code"].ToString();
            switch (f["action"].ToString())
            {
                case "enable":
                    var on = await twoFactor.Enable(http.User, code);
                    return on.Ok ? await TwoFactorPage(http, users, twoFactor, [], "To-faktor-log ind er slået til. Du er logget ud alle andre steder.", on.Value)
                        : await TwoFactorPage(http, users, twoFactor, on.Errors ?? [], null, null, StatusCodes.Status400BadRequest);
                case "codes":
                    var codes = await twoFactor.NewRecoveryCodes(http.User, code);
                    return codes.Ok ? await TwoFactorPage(http, users, twoFactor, [], "Nye gendannelseskoder er lavet. De gamle virker ikke længere.", codes.Value)
                        : await TwoFactorPage(http, users, twoFactor, codes.Errors ?? [new FieldError("code", codes.Message!)], null, null, StatusCodes.Status400BadRequest);
                case "disable":
                    var off = await twoFactor.Disable(http.User, code);
                    return off.Ok ? Results.Redirect("/konto/to-faktor?fra=1")
                        : await TwoFactorPage(http, users, twoFactor, off.Errors ?? [], null, null, StatusCodes.Status400BadRequest);
                default:
                    return await TwoFactorPage(http, users, twoFactor, [new FieldError("code", "Vælg, hvad du vil gøre")], null, null, StatusCodes.Status400BadRequest);
            }
        }).AddEndpointFilter(AntiforgeryTokens.Validate).WithMetadata(new RequestSizeLimitAttribute(MaxLoginBytes)).RequireRateLimiting(AuthFeature.LoginPolicy);
        account.MapPost("/adgangskode", PagePassword).AddEndpointFilter(AntiforgeryTokens.Validate).WithMetadata(new RequestSizeLimitAttribute(MaxLoginBytes));
        app.MapPost("/api/account/password", ApiPassword).RequireAuthorization().WithTags("Session").WithMetadata(new RequestSizeLimitAttribute(MaxLoginBytes))
            .DocumentedNoContent("changePassword", "Skift adgangskode (alle andre sessioner for kontoen slutter)", 400, 401);

        var api = app.MapGroup("/api/session").WithTags("Session");
        api.MapPost("", ApiLogIn).DocumentedNoContent("logIn", "Log ind (sætter sessionscookien samraad)", 400, 413, 429)
            .WithMetadata(new RequestSizeLimitAttribute(MaxLoginBytes)).RequireRateLimiting(AuthFeature.LoginPolicy);
        api.MapDelete("", async (HttpContext http, SignInManager<AppUser> signIn) => { await SignOutEverywhere(http, signIn); return Results.NoContent(); })
            .DocumentedNoContent("logOut", "Log ud (alle sessioner for kontoen slutter)");
    }

    /// <summary>A log-in is a name and a password: a body past this is refused before it is read.</summary>
    const long MaxLoginBytes = 16 * 1024;
    public const int MaxUserNameLength = 256;

    /// <summary>
    /// Logging out ends the session on the server, not only in this browser: the security stamp changes, so every
    /// cookie issued before (a copied one too) stops working at its next request.
    /// </summary>
    static async Task SignOutEverywhere(HttpContext http, SignInManager<AppUser> signIn)
    {
        if (await signIn.UserManager.GetUserAsync(http.User) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
    }

    /// <summary>
    /// Only a path on this site: it starts with one "/", and holds no control character, white space or non-ASCII
    /// letter — a browser drops a tab, so "/\t/evil.example" would become "//evil.example", and a newline cannot go in a header.
    /// </summary>
    public static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2000 && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\")
        && url.All(c => c is > ' ' and < (char)0x7f) && !url.Contains('\\')
        && Uri.TryCreate(new Uri("http://samraad.invalid"), url, out var resolved) && resolved.Host == "samraad.invalid"
            ? url : "/";

    static async Task<IResult> LogIn(HttpContext http, SignInManager<AppUser> signIn)
    {
        var form = await http.Request.ReadFormAsync();
        string userName = form["username"].ToString().Trim(), password = form["password"].ToString();
        var returnUrl = SafeReturnUrl(form["returnUrl"]);
        var errors = await Check(signIn, userName, password);
        if (errors is [{ Key: SecondStep }]) return Results.Redirect("/log-ind/to-faktor?returnUrl=" + Uri.EscapeDataString(returnUrl));
        if (errors.Count == 0) return await MustSetUpTwoFactor(signIn, userName) ? Results.Redirect("/konto/to-faktor?kraevet=1") : Results.Redirect(returnUrl);
        return Html.Render<LoginPage>(new { Errors = errors, UserName = userName, ReturnUrl = returnUrl }, StatusCodes.Status400BadRequest);
    }

    static readonly AppUser Nobody = new() { UserName = "ingen" };
    static string? dummyHash;
    static string DummyHash(UserManager<AppUser> users) => dummyHash ??= users.PasswordHasher.HashPassword(Nobody, Guid.NewGuid().ToString());

    /// <summary>Writes the attempt to the account's sign-in log and, on success, its last sign-in time.</summary>
    internal static async Task Log(SignInManager<AppUser> signIn, AppUser user, bool succeeded, string method, string failure)
    {
        var db = signIn.Context.RequestServices.GetRequiredService<Data.AppDbContext>();
        var now = signIn.Context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        db.SignInEvents.Add(new SignInEvent { UserId = user.Id, At = now, Succeeded = succeeded, Method = method, Detail = succeeded ? null : failure });
        await db.SaveChangesAsync();
        // Written past the user's concurrency stamp: a failed attempt on the same account a moment ago must not fail this sign-in.
        if (succeeded) await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now));
    }

    /// <summary>The signed-in account's current password and the new one.</summary>
    public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

    static async Task<IResult> TwoFactorPage(HttpContext http, UserManager<AppUser> users, TwoFactor twoFactor,
        IReadOnlyList<FieldError> errors, string? notice, IReadOnlyList<string>? codes, int status = StatusCodes.Status200OK)
    {
        if (await users.GetUserAsync(http.User) is not { } user) return Results.Redirect("/log-ind");
        var (key, _, svg) = user.TwoFactorEnabled ? ("", "", "") : await twoFactor.Setup(user);
        return Html.Render<TwoFactorPage>(new
        {
            User = user, Key = key, Svg = svg, Required = await twoFactor.Required(user.Role), RecoveryCodes = codes, Errors = errors,
            Notice = notice ?? (http.Request.Query["fra"].Count > 0 ? "To-faktor-log ind er slået fra." : null),
            RequiredNotice = http.Request.Query["kraevet"].Count > 0 && !user.TwoFactorEnabled,
        }, status);
    }

    /// <summary>Which optional mail the signed-in user wants (absent means yes).</summary>
    public sealed record NotificationChoices(bool? Reminders, bool? Notices);

    static async Task SetChoices(HttpContext http, UserManager<AppUser> users, bool reminders, bool notices)
    {
        if (await users.GetUserAsync(http.User) is not { } user) return;
        (user.WantsReminders, user.WantsNotices) = (reminders, notices);
        await users.UpdateAsync(user);
    }

    static Task<IResult> Account(HttpContext http, UserManager<AppUser> users) =>
        AccountPage(http, users, [], http.Request.Query["skiftet"].Count > 0 ? "Din adgangskode er skiftet. Du er logget ud alle andre steder."
            : http.Request.Query["beskeder"].Count > 0 ? "Dine valg om e-mails er gemt." : null);

    static async Task<IResult> PagePassword(HttpContext http, UserManager<AppUser> users, ChangePassword change)
    {
        var f = await http.Request.ReadFormAsync();
        var outcome = await change.Handle(http.User, new ChangePassword.Input(f["current"], f["new"], f["repeat"]));
        return outcome.Ok ? Results.Redirect("/konto?skiftet=1")
            : await AccountPage(http, users, outcome.Errors ?? [new FieldError("current", outcome.Message!)], null, StatusCodes.Status400BadRequest);
    }

    static async Task<IResult> ApiPassword(PasswordChange? body, HttpContext http, ChangePassword change)
    {
        var outcome = await change.Handle(http.User, new ChangePassword.Input(body?.CurrentPassword, body?.NewPassword, body?.NewPassword));
        // The API's fields are named as its body's.
        return outcome.Ok ? Results.NoContent() : ApiProblems.From(outcome.Problem!.Value, outcome.Message!,
            outcome.Errors?.Select(e => e with { Key = e.Key == "current" ? "currentPassword" : "newPassword" }).ToList());
    }

    static async Task<IResult> AccountPage(HttpContext http, UserManager<AppUser> users, IReadOnlyList<FieldError> errors, string? notice, int status = StatusCodes.Status200OK)
    {
        var id = users.GetUserId(http.User);
        var user = await users.Users.Include(u => u.Organisation).FirstOrDefaultAsync(u => u.Id == id);
        if (user is null) return Results.Redirect("/log-ind");
        var db = http.RequestServices.GetRequiredService<Data.AppDbContext>();
        var messages = await db.Outbox.AsNoTracking().Where(m => m.UserId == user.Id).OrderByDescending(m => m.Id).Take(20).ToListAsync();
        var signIns = await db.SignInEvents.AsNoTracking().Where(e => e.UserId == user.Id).OrderByDescending(e => e.At).Take(10).ToListAsync();
        return Html.Render<AccountPage>(new { User = user, Errors = errors, Notice = notice, Messages = messages, SignIns = signIns }, status);
    }

    /// <summary>Login credentials of the JSON session endpoint; <c>code</c>: the authenticator app's code (or a recovery code) when the account uses two-factor.</summary>
    public sealed record Credentials(string? UserName, string? Password, string? Code = null);

    /// <summary>The key of <see cref="Check"/>'s one "error" that means: the password was right, now the second factor.</summary>
    const string SecondStep = "code:required";

    /// <summary>What a locked account is told, at the password and at the code.</summary>
    internal const string Locked = "Kontoen er spærret i 15 minutter efter for mange forkerte forsøg. Prøv igen senere, eller kontakt din administrator.";

    static async Task<bool> MustSetUpTwoFactor(SignInManager<AppUser> signIn, string userName) =>
        await signIn.UserManager.FindByNameAsync(userName) is { TwoFactorEnabled: false } user
        && await signIn.Context.RequestServices.GetRequiredService<TwoFactorPolicy>().Required(user.Role);

    /// <summary>
    /// Checks the second factor of <paramref name="user"/>: a 6-digit code from the app or a recovery code (used up). A
    /// wrong code counts towards the lockout. On success <paramref name="signInAs"/> signs in; the attempt is logged.
    /// </summary>
    internal static async Task<List<FieldError>> SecondFactor(SignInManager<AppUser> signIn, AppUser user, string? code,
        Func<AppUser, bool, Task> signInAs)
    {
        var users = signIn.UserManager;
        if (!user.IsActive) return [new FieldError("code", "Kontoen er deaktiveret. Kontakt din lokale administrator eller sekretariatet.")];
        var given = TwoFactor.Clean(code);
        if (given == "") return [new FieldError("code", "Skriv koden fra din godkendelsesapp")];
        if (await users.IsLockedOutAsync(user))
            return [new FieldError("code", Locked)];
        var recovery = !(given.Length == 6 && given.All(char.IsAsciiDigit));
        var right = recovery ? (await users.RedeemTwoFactorRecoveryCodeAsync(user, TwoFactor.RecoveryCode(code))).Succeeded
            : await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, given);
        var method = recovery ? "Adgangskode og gendannelseskode" : "Adgangskode og kode fra app";
        if (!right)
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            await Log(signIn, user, false, method, locked ? "Kontoen er spærret" : "Forkert kode");
            return [new FieldError("code", locked ? Locked
                : "Koden er forkert eller udløbet. Skriv den kode, appen viser nu")];
        }
        await users.ResetAccessFailedCountAsync(user);
        await signInAs(user, recovery);
        await Log(signIn, user, true, method, "");
        return [];
    }

    static async Task<IResult> ApiLogIn(Credentials? body, SignInManager<AppUser> signIn)
    {
        var errors = await Check(signIn, body?.UserName?.Trim() ?? "", body?.Password ?? "");
        if (errors is [{ Key: SecondStep }])
        {
            // The password was right and the account uses two-factor: the code is in the same body (no second request).
            var user = (await signIn.UserManager.FindByNameAsync(body!.UserName!.Trim()))!;
            await signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            var codeErrors = await SecondFactor(signIn, user, body.Code, (u, _) => signIn.SignInWithClaimsAsync(u, false, [new System.Security.Claims.Claim("amr", "mfa")]));
            if (codeErrors.Count == 0) return Results.NoContent();
            return codeErrors[0].Message.Contains("spærret") ? Results.Problem(codeErrors[0].Message, statusCode: 429, title: "Kontoen er spærret")
                : ApiProblems.Invalid("Log ind mislykkedes", codeErrors);
        }
        if (errors.Count == 0) return Results.NoContent();
        var locked = errors.Any(e => e.Message.Contains("spærret"));
        return locked ? Results.Problem(errors[0].Message, statusCode: 429, title: "Kontoen er spærret")
            : ApiProblems.Invalid("Log ind mislykkedes", errors);
    }

    static async Task<List<FieldError>> Check(SignInManager<AppUser> signIn, string userName, string password)
    {
        var errors = new List<FieldError>();
        if (userName == "") errors.Add(new FieldError("username", "Skriv dit brugernavn"));
        else if (userName.Length > MaxUserNameLength) errors.Add(new FieldError("username", $"Brugernavnet må højst være {MaxUserNameLength} tegn"));
        if (password == "") errors.Add(new FieldError("password", "Skriv din adgangskode"));
        if (errors.Count > 0) return errors;
        var unknown = signIn.Context.RequestServices.GetRequiredService<UnknownNameLockout>();
        bool locked;
        if (await signIn.UserManager.FindByNameAsync(userName) is null)
        {
            // A wrong password for a real name costs a hash; so does any password for an unknown name, so the time
            // a failure takes does not tell which names exist.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(Nobody, DummyHash(signIn.UserManager), password);
            locked = unknown.IsLockedOut(userName) || unknown.Fail(userName); // as Identity: the fifth failure locks
        }
        else
        {
            var user = (await signIn.UserManager.FindByNameAsync(userName))!;
            var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
            // Identity asks whether the account may sign in (active) before it checks the password: only with the right
            // password does the answer say the account is deactivated, so the message tells a stranger nothing.
            var deactivatedAndRight = result.IsNotAllowed && !await signIn.UserManager.IsLockedOutAsync(user) && await signIn.UserManager.CheckPasswordAsync(user, password);
            // A wrong password for a deactivated account counts as any wrong password does: no guessing it to reuse elsewhere.
            if (result.IsNotAllowed && !deactivatedAndRight) await signIn.UserManager.AccessFailedAsync(user);
            if (!result.RequiresTwoFactor) await Log(signIn, user, result.Succeeded, "Adgangskode",
                result.IsLockedOut ? "Kontoen er spærret" : result.IsNotAllowed ? "Kontoen er deaktiveret" : "Forkert adgangskode");
            if (result.Succeeded) return errors;
            if (result.RequiresTwoFactor) return [new FieldError(SecondStep, "")]; // logged at the second step
            if (deactivatedAndRight) return [new FieldError("username", "Kontoen er deaktiveret. Kontakt din lokale administrator eller sekretariatet.")];
            locked = result.IsLockedOut;
        }
        // The same words whether the name exists or not, so a failed log-in does not tell which accounts exist.
        errors.Add(locked
            ? new FieldError("username", Locked)
            : new FieldError("username", "Brugernavn eller adgangskode er forkert"));
        return errors;
    }
}
