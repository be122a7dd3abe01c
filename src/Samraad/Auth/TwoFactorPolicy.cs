using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Auth;

/// <summary>A setting of the installation kept in the database, so every node reads the same (the admin changes it on a page).</summary>
public class AuthSetting
{
    public const string RequireTwoFactor = "require-two-factor";
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>
/// Which roles must sign in with two factors: those the admin ticked on *To-faktor for roller* (stored, the same on
/// every node) and those the operator put in Samraad:RequireTwoFactor (fixed; the page shows them as such).
/// </summary>
public sealed class TwoFactorPolicy(AppDbContext db, SamraadOptions options)
{
    public IReadOnlyList<string> Configured => Parse(options.RequireTwoFactor);

    public async Task<IReadOnlyList<string>> Chosen(CancellationToken ct = default) =>
        Parse(await db.Set<AuthSetting>().AsNoTracking().Where(s => s.Key == AuthSetting.RequireTwoFactor).Select(s => s.Value).FirstOrDefaultAsync(ct));

    public async Task<bool> Required(string role, CancellationToken ct = default) => Configured.Contains(role) || (await Chosen(ct)).Contains(role);

    /// <summary>The admin's choice; roles set in the configuration stay required whatever is chosen here.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> Change(UserContext actor, IEnumerable<string>? roles, CancellationToken ct = default)
    {
        if (!actor.IsAdmin) return Outcome<IReadOnlyList<string>>.Fail(Problem.Forbidden, "Kun administratoren kan kræve to-faktor-log ind.");
        var list = (roles ?? []).Select(r => r.Trim()).Where(r => r != "").Distinct().ToList();
        if (list.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
            return Outcome<IReadOnlyList<string>>.Fail(Problem.Invalid, "Kravet er ikke gemt.", [new FieldError("roles", $"»{unknown}« er ikke en rolle. Vælg blandt: {string.Join(", ", Roles.All)}")]);
        var row = await db.Set<AuthSetting>().FirstOrDefaultAsync(s => s.Key == AuthSetting.RequireTwoFactor, ct);
        if (row is null) db.Add(row = new AuthSetting { Key = AuthSetting.RequireTwoFactor });
        row.Value = string.Join(",", Roles.All.Where(list.Contains));
        await db.SaveChangesAsync(ct);
        return Outcome<IReadOnlyList<string>>.Success(Parse(row.Value));
    }

    static List<string> Parse(string? text) => (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

/// <summary>The roles that must use two-factor: those chosen and those fixed by the configuration.</summary>
public sealed record TwoFactorRolesDto(IReadOnlyList<string> RequiredRoles, IReadOnlyList<string> Configured);

/// <summary>*To-faktor for roller* (`/brugere/to-faktor`) and `GET/PUT /api/settings/two-factor`, for the admin.</summary>
public static class TwoFactorRolesEndpoints
{
    public static void MapTwoFactorRoles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/brugere/to-faktor", Page).RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/brugere/to-faktor", Save).RequireAuthorization().ExcludeFromDescription().AddEndpointFilter(AntiforgeryTokens.Validate);

        var api = app.MapGroup("/api/settings/two-factor").RequireAuthorization().WithTags("Brugere");
        api.MapGet("", Read).Documented<TwoFactorRolesDto>("getTwoFactorRoles", "Roller, der skal bruge to-faktor-log ind (administratoren)", 401, 403);
        api.MapPut("", async (TwoFactorRolesDto? body, HttpContext http, TwoFactorPolicy policy) =>
        {
            var outcome = await policy.Change(UserContext.From(http.User)!, body?.RequiredRoles);
            return outcome.Ok ? Results.Ok(new TwoFactorRolesDto(outcome.Value!, policy.Configured)) : ApiProblems.From(outcome);
        }).Documented<TwoFactorRolesDto>("setTwoFactorRoles", "Kræv to-faktor-log ind for roller: {\"requiredRoles\": [\"admin\", \"sekretariat\"]} (roller sat i konfigurationen forbliver krævet)", 400, 401, 403);
    }

    static async Task<IResult> Page(HttpContext http, TwoFactorPolicy policy) =>
        UserContext.From(http.User) is not { IsAdmin: true } ? Html.Forbidden()
            : Html.Render<TwoFactorRolesPage>(new { policy.Configured, Chosen = await policy.Chosen(), Saved = http.Request.Query.ContainsKey("gemt") });

    static async Task<IResult> Read(HttpContext http, TwoFactorPolicy policy) =>
        UserContext.From(http.User) is not { IsAdmin: true } ? ApiProblems.Forbidden("Kun administratoren kan se kravet om to-faktor.")
            : Results.Ok(new TwoFactorRolesDto(await policy.Chosen(), policy.Configured));

    static async Task<IResult> Save(HttpContext http, TwoFactorPolicy policy)
    {
        var roles = (await http.Request.ReadFormAsync())["roles"].OfType<string>().ToList();
        var outcome = await policy.Change(UserContext.From(http.User)!, roles);
        return await Html.From(outcome, _ => Results.Redirect("/brugere/to-faktor?gemt=1"), failed =>
            Task.FromResult(Html.Render<TwoFactorRolesPage>(new { policy.Configured, Chosen = roles, failed.Errors }, failed.Status)), "Kravet", "roles");
    }
}
