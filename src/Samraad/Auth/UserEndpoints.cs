using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Auth;

/// <summary>A user as the API shows it. State: "active", "invited" (no password chosen yet) or "deactivated".</summary>
public sealed record UserDto(string Id, string UserName, string FullName, string? Email, string Role, string? Organisation, string State, DateTime? LastSignInAtUtc)
{
    public static UserDto From(AppUser u, string? organisationSlug) => new(u.Id, u.UserName ?? "", u.FullName, u.Email, u.Role, organisationSlug,
        !u.IsActive ? "deactivated" : u.IsInvited ? "invited" : "active", u.LastSignInAt);
}

/// <summary>Invite a user: address, name and one of the organisation's roles ("respondent", "lokaladmin", "sekretariat", "laeser").</summary>
public sealed record InviteRequest(string? Email, string? FullName, string? Role);

/// <summary>Change a user: a new role, and/or active=false to deactivate (true to reactivate).</summary>
public sealed record ChangeUserRequest(string? Role, bool? Active);

/// <summary>Ask for a password reset link by e-mail.</summary>
public sealed record PasswordResetRequest(string? EmailOrUserName);

/// <summary>*Brugere* (pages and API), the invitation and reset links, and *Glemt adgangskode*.</summary>
public static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/brugere").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("", List);
        pages.MapPost("/inviter", PageInvite).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapGet("/{id}", Show);
        pages.MapPost("/{id}/rolle", async (string id, HttpContext http, ChangeUser change) =>
            await PageChange(http, id, change, new ChangeUser.Input((await http.Request.ReadFormAsync())["role"].ToString(), null), "rolle")).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapPost("/{id}/deaktiver", (string id, HttpContext http, ChangeUser change) =>
            PageChange(http, id, change, new ChangeUser.Input(null, false), "deaktiveret")).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapPost("/{id}/genaktiver", (string id, HttpContext http, ChangeUser change) =>
            PageChange(http, id, change, new ChangeUser.Input(null, true), "genaktiveret")).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapPost("/{id}/invitation", async (string id, HttpContext http, InviteUser invite) =>
        {
            var outcome = await invite.Resend(UserContext.From(http.User)!, id);
            return await Html.From(outcome, u => Results.Redirect($"/brugere/{u.Id}?inviteret=1"),
                f => ShowPage(http, id, f.Errors, null, f.Status), "Brugeren");
        }).AddEndpointFilter(AntiforgeryTokens.Validate);

        var links = app.MapGroup("").ExcludeFromDescription();
        foreach (var (purpose, path) in new[] { (TokenPurpose.Invitation, "/invitation/{token}"), (TokenPurpose.PasswordReset, "/nulstil-adgangskode/{token}") })
        {
            links.MapGet(path, async (string token, AccountLinks l) => await LinkPage(l, purpose, token, []));
            links.MapPost(path, async (string token, HttpContext http, UseAccountLink use, AccountLinks l) =>
            {
                var f = await http.Request.ReadFormAsync();
                var outcome = await use.Handle(purpose, token, f["new"], f["repeat"]);
                if (outcome.Ok) return Results.Redirect("/log-ind?adgangskode=sat");
                return outcome.Problem == Problem.Invalid ? await LinkPage(l, purpose, token, outcome.Errors!, StatusCodes.Status400BadRequest)
                    : Html.Render<AccountLinkPage>(new { Purpose = purpose, Problem = outcome.Message }, StatusCodes.Status409Conflict);
            }).AddEndpointFilter(AntiforgeryTokens.Validate).WithMetadata(new RequestSizeLimitAttribute(16 * 1024));
        }
        links.MapGet("/glemt-adgangskode", () => Html.Render<ForgotPasswordPage>(new { }));
        links.MapPost("/glemt-adgangskode", async (HttpContext http, RequestPasswordReset reset) =>
        {
            var given = (await http.Request.ReadFormAsync())["email"].ToString();
            var outcome = await reset.Handle(given);
            return outcome.Ok ? Html.Render<ForgotPasswordPage>(new { Sent = true })
                : Html.Render<ForgotPasswordPage>(new { Given = given, Errors = outcome.Errors }, StatusCodes.Status400BadRequest);
        }).AddEndpointFilter(AntiforgeryTokens.Validate).RequireRateLimiting(AuthFeature.LoginPolicy).WithMetadata(new RequestSizeLimitAttribute(16 * 1024));

        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Brugere");
        api.MapGet("/organisations/{slug}/users", ApiList).Documented<List<UserDto>>("listUsers", "Organisationens brugere (for dem, der administrerer eller må invitere til organisationen)", 401, 403, 404);
        api.MapPost("/organisations/{slug}/users", ApiInvite).Documented<UserDto>(StatusCodes.Status201Created, "inviteUser",
            "Inviter en bruger: en konto med e-mailadressen som brugernavn og et link pr. e-mail, der gælder 7 dage", 400, 401, 403, 404);
        api.MapGet("/users/{id}", ApiShow).Documented<UserDto>("getUser", "Én bruger", 401, 404);
        api.MapPatch("/users/{id}", ApiChange).Documented<UserDto>("changeUser", "Skift rolle, deaktiver (active=false) eller genaktiver", 400, 401, 403, 404, 409);
        api.MapPost("/users/{id}/invitation", async (string id, HttpContext http, InviteUser invite) =>
        {
            var outcome = await invite.Resend(UserContext.From(http.User)!, id);
            return outcome.Ok ? Results.NoContent() : ApiProblems.From(outcome);
        }).DocumentedNoContent("resendInvitation", "Send invitationen igen (et nyt link; det gamle holder op med at virke)", 401, 404, 409);
        app.MapPost("/api/account/password-reset", async (PasswordResetRequest? body, RequestPasswordReset reset) =>
        {
            var outcome = await reset.Handle(body?.EmailOrUserName);
            return outcome.Ok ? Results.Accepted() : ApiProblems.Invalid("Der er ikke sendt et link.", (outcome.Errors ?? []).Select(e => e with { Key = "emailOrUserName" }));
        }).WithTags("Session").WithName("requestPasswordReset").WithSummary("Bed om et link til at nulstille adgangskoden (svaret er det samme, om kontoen findes eller ej)")
            .Produces(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(429)
            .RequireRateLimiting(AuthFeature.LoginPolicy).WithMetadata(new RequestSizeLimitAttribute(16 * 1024));
    }

    static async Task<IResult> List(HttpContext http, AppDbContext db, string? organisation) => await ListPage(http, db, organisation, null, [], null);

    static async Task<IResult> ListPage(HttpContext http, AppDbContext db, string? organisation, InviteUser.Input? input, IReadOnlyList<FieldError> errors, string? notice, int status = 200)
    {
        var actor = UserContext.From(http.User)!;
        var orgs = await UserAccess.Organisations(db, actor);
        if (string.IsNullOrEmpty(organisation))
        {
            var ids = orgs.Select(o => o.Id).ToList();
            var counts = (await db.Users.Where(u => u.OrganisationId != null && ids.Contains(u.OrganisationId.Value))
                    .GroupBy(u => u.OrganisationId!.Value).Select(g => new { g.Key, Users = g.Count(), Invited = g.Count(u => u.PasswordHash == null && !u.EmailConfirmed) }).ToListAsync())
                .ToDictionary(c => c.Key, c => (c.Users, c.Invited));
            return Html.Render<UsersPage>(new { Organisations = orgs, Counts = counts });
        }
        var org = orgs.FirstOrDefault(o => o.Slug == organisation);
        if (org is null) return Html.NotFound("Organisationen");
        var users = await db.Users.Where(u => u.OrganisationId == org.Id).OrderBy(u => u.FullName).ToListAsync();
        return Html.Render<UsersPage>(new { Organisation = org, Users = users, InviteRoles = UserAccess.RolesFor(org.Kind), Input = input, Errors = errors, Notice = notice }, status);
    }

    static async Task<IResult> PageInvite(HttpContext http, AppDbContext db, InviteUser invite)
    {
        var f = await http.Request.ReadFormAsync();
        var input = new InviteUser.Input(f["organisation"], f["email"], f["fullName"], f["role"]);
        var outcome = await invite.Handle(UserContext.From(http.User)!, input);
        return await Html.From(outcome, u => Results.Redirect($"/brugere/{u.Id}?inviteret=1"),
            fail => ListPage(http, db, input.OrganisationSlug, input, fail.Errors, null, fail.Status), "Organisationen");
    }

    static Task<IResult> Show(string id, HttpContext http) =>
        ShowPage(http, id, [], http.Request.Query["inviteret"].Count > 0 ? "Invitationen er sendt." : Saved.GetValueOrDefault(http.Request.Query["gemt"].ToString()));

    /// <summary>What the last change on a user's page did, by a fixed key in the redirect (never free text from the address).</summary>
    static readonly Dictionary<string, string> Saved = new()
    {
        ["rolle"] = "Rollen er ændret.", ["deaktiveret"] = "Brugeren er deaktiveret og logget ud.", ["genaktiveret"] = "Brugeren er genaktiveret.",
    };

    static async Task<IResult> ShowPage(HttpContext http, string id, IReadOnlyList<FieldError> errors, string? notice, int status = 200)
    {
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var actor = UserContext.From(http.User)!;
        var user = await db.Users.Include(u => u.Organisation).FirstOrDefaultAsync(u => u.Id == id);
        if (user is null || !await InviteUser.MaySee(db, actor, user, default)) return Html.NotFound("Brugeren");
        var canManage = UserAccess.CanManage(actor, user.OrganisationId) && (user.Role != Roles.Admin || actor.IsAdmin);
        var signIns = canManage ? await db.SignInEvents.Where(e => e.UserId == user.Id).OrderByDescending(e => e.At).Take(20).ToListAsync() : [];
        var messages = canManage ? await db.Outbox.AsNoTracking().Where(m => m.UserId == user.Id).OrderByDescending(m => m.Id).Take(20).ToListAsync() : [];
        var roles = user.Organisation is null ? [Roles.Admin] : UserAccess.RolesFor(user.Organisation.Kind);
        return Html.Render<UserPage>(new
        {
            User = user, CanManage = canManage, IsSelf = user.Id == actor.UserId, RoleChoices = roles, SignIns = signIns, Messages = messages, Errors = errors, Notice = notice,
        }, status);
    }

    static async Task<IResult> PageChange(HttpContext http, string id, ChangeUser change, ChangeUser.Input input, string done)
    {
        var outcome = await change.Handle(UserContext.From(http.User)!, id, input);
        return await Html.From(outcome, u => Results.Redirect($"/brugere/{u.Id}?gemt={done}"),
            f => ShowPage(http, id, f.Errors, null, f.Status), "Brugeren");
    }

    static async Task<IResult> LinkPage(AccountLinks links, TokenPurpose purpose, string token, IReadOnlyList<FieldError> errors, int status = 200)
    {
        var (found, problem) = await links.Find(purpose, token);
        return Html.Render<AccountLinkPage>(new { Purpose = purpose, User = found?.User, Problem = problem, Errors = errors, Action = AccountLinks.PathOf(purpose, token), Token = token },
            found is null ? StatusCodes.Status404NotFound : status);
    }

    static async Task<IResult> ApiList(string slug, HttpContext http, AppDbContext db)
    {
        var actor = UserContext.From(http.User)!;
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Slug == slug);
        if (org is null) return ApiProblems.NotFound("Organisationen findes ikke.");
        if (!(await UserAccess.Organisations(db, actor)).Any(o => o.Id == org.Id)) return ApiProblems.Forbidden("Du kan ikke se denne organisations brugere.");
        var users = await db.Users.Where(u => u.OrganisationId == org.Id).OrderBy(u => u.FullName).ToListAsync();
        return Results.Ok(users.Select(u => UserDto.From(u, slug)).ToList());
    }

    static async Task<IResult> ApiInvite(string slug, InviteRequest? body, HttpContext http, InviteUser invite)
    {
        var outcome = await invite.Handle(UserContext.From(http.User)!, new InviteUser.Input(slug, body?.Email, body?.FullName, body?.Role));
        return outcome.Ok ? Results.Created($"/api/users/{outcome.Value!.Id}", UserDto.From(outcome.Value, slug)) : ApiProblems.From(outcome);
    }

    static async Task<IResult> ApiShow(string id, HttpContext http, AppDbContext db)
    {
        var user = await db.Users.Include(u => u.Organisation).FirstOrDefaultAsync(u => u.Id == id);
        if (user is null || !await InviteUser.MaySee(db, UserContext.From(http.User)!, user, default)) return ApiProblems.NotFound("Brugeren findes ikke.");
        return Results.Ok(UserDto.From(user, user.Organisation?.Slug));
    }

    static async Task<IResult> ApiChange(string id, ChangeUserRequest? body, HttpContext http, ChangeUser change)
    {
        var outcome = await change.Handle(UserContext.From(http.User)!, id, new ChangeUser.Input(body?.Role, body?.Active));
        return outcome.Ok ? Results.Ok(UserDto.From(outcome.Value!, outcome.Value!.Organisation?.Slug)) : ApiProblems.From(outcome);
    }
}
