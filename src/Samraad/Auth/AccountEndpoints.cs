using Microsoft.AspNetCore.Identity;

namespace Samraad.Auth;

/// <summary>Log ind / log ud for the pages, and a JSON session endpoint for API clients.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/log-ind", (string? returnUrl) => Html.Render<LoginPage>(new { ReturnUrl = SafeReturnUrl(returnUrl) }));
        pages.MapPost("/log-ind", LogIn).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapPost("/log-ud", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.Redirect("/log-ind");
        }).AddEndpointFilter(AntiforgeryTokens.Validate);

        var api = app.MapGroup("/api/session").WithTags("Session");
        api.MapPost("", ApiLogIn).WithSummary("Log ind (sætter en sessionscookie)");
        api.MapDelete("", async (SignInManager<AppUser> signIn) => { await signIn.SignOutAsync(); return Results.NoContent(); })
            .WithSummary("Log ud");
    }

    /// <summary>Only paths on this site, never "//evil.example" or an absolute URL.</summary>
    public static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";

    static async Task<IResult> LogIn(HttpContext http, SignInManager<AppUser> signIn)
    {
        var form = await http.Request.ReadFormAsync();
        string userName = form["username"].ToString().Trim(), password = form["password"].ToString();
        var returnUrl = SafeReturnUrl(form["returnUrl"]);
        var errors = await Check(signIn, userName, password);
        if (errors.Count == 0) return Results.Redirect(returnUrl);
        return Html.Render<LoginPage>(new { Errors = errors, UserName = userName, ReturnUrl = returnUrl }, StatusCodes.Status400BadRequest);
    }

    /// <summary>Login credentials of the JSON session endpoint.</summary>
    public sealed record Credentials(string? UserName, string? Password);

    static async Task<IResult> ApiLogIn(Credentials? body, SignInManager<AppUser> signIn)
    {
        var errors = await Check(signIn, body?.UserName?.Trim() ?? "", body?.Password ?? "");
        if (errors.Count == 0) return Results.NoContent();
        var locked = errors.Any(e => e.Message.Contains("spærret"));
        return locked ? Results.Problem(errors[0].Message, statusCode: 429, title: "Kontoen er spærret")
            : ApiProblems.Invalid("Log ind mislykkedes", errors);
    }

    static async Task<List<FieldError>> Check(SignInManager<AppUser> signIn, string userName, string password)
    {
        var errors = new List<FieldError>();
        if (userName == "") errors.Add(new FieldError("username", "Skriv dit brugernavn"));
        if (password == "") errors.Add(new FieldError("password", "Skriv din adgangskode"));
        if (errors.Count > 0) return errors;
        var unknown = signIn.Context.RequestServices.GetRequiredService<UnknownNameLockout>();
        bool locked;
        if (await signIn.UserManager.FindByNameAsync(userName) is null)
            locked = unknown.IsLockedOut(userName) || unknown.Fail(userName); // as Identity: the fifth failure locks
        else
        {
            var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded) return errors;
            locked = result.IsLockedOut;
        }
        // The same words whether the name exists or not, so a failed log-in does not tell which accounts exist.
        errors.Add(locked
            ? new FieldError("username", "Kontoen er spærret i 15 minutter efter for mange forkerte forsøg. Prøv igen senere, eller kontakt din administrator.")
            : new FieldError("username", "Brugernavn eller adgangskode er forkert"));
        return errors;
    }
}
