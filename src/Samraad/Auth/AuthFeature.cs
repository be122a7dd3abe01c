using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Samraad.Data;

namespace Samraad.Auth;

/// <summary>Accounts and sign-in: Identity, the cookie, the log-in page and API session, single sign-on, the first accounts and `users init`.</summary>
public sealed class AuthFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789-._@+";
                o.User.RequireUniqueEmail = false; // the first accounts have no address; InviteUser refuses an address in use
                o.SignIn.RequireConfirmedAccount = true; // "confirmed" is ActiveAccount: a deactivated account cannot sign in
            })
            .AddSignInManager()
            .AddTokenProvider<AuthenticatorTokenProvider<AppUser>>(TokenOptions.DefaultAuthenticatorProvider)
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<ClaimsFactory>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "samraad";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure whenever the request is HTTPS (also via a proxy)
            o.LoginPath = "/log-ind";
            o.AccessDeniedPath = "/fejl/403";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403 as problem+json instead of redirecting to the login page. Pages are sent to a
            // path on this site: the absolute URL the handler builds names the request's Host header, which a client chooses.
            o.Events.OnRedirectToLogin = ctx => ApiOr(ctx.HttpContext, 401, () => ctx.Response.Redirect(LocalPart(ctx.RedirectUri)));
            o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx.HttpContext, 403, () => ctx.Response.Redirect(LocalPart(ctx.RedirectUri)));
        });
        // Every request checks the account's security stamp, so logging out (or a changed password) ends every
        // session at once rather than when the cookie expires; SessionCheck does it with one read.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.Replace(Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Scoped<ISecurityStampValidator, SessionCheck>());
        services.AddAuthorization();
        AddLoginRateLimit(services);
        services.AddSingleton<UnknownNameLockout>();
        services.AddScoped<InitialAccounts>();
        services.AddScoped<ChangePassword>();
        services.AddScoped<IUserConfirmation<AppUser>, ActiveAccount>();
        services.AddScoped<AccountLinks>();
        services.AddScoped<InviteUser>();
        services.AddScoped<ChangeUser>();
        services.AddScoped<RequestPasswordReset>();
        services.AddScoped<UseAccountLink>();
        services.AddScoped<TwoFactor>();
        services.AddScoped<TwoFactorPolicy>();
        SingleSignOn.AddSingleSignOn(services);
    }

    /// <summary>The rate-limit policy of the anonymous log-in endpoints.</summary>
    public const string LoginPolicy = "log-ind";
    public const int LoginsPerMinute = SamraadOptions.DefaultLoginsPerMinute;

    /// <summary>
    /// Log-in attempts per client address: at most one a second on average (a person needs a few; a script trying
    /// names or passwords, or sending large bodies, is stopped with 429). The window is ASP.NET Core's, in memory per node.
    /// </summary>
    static void AddLoginRateLimit(IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.AddPolicy(LoginPolicy, http => System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "",
            _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions
            {
                PermitLimit = http.RequestServices.GetRequiredService<SamraadOptions>().LoginsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            }));
        o.OnRejected = async (ctx, _) =>
        {
            const string Message = "Der er forsøgt for mange log-ind fra din adresse. Vent et minut, og prøv igen.";
            var http = ctx.HttpContext;
            await (ApiProblems.IsApi(http.Request.Path)
                ? Results.Problem(Message, statusCode: StatusCodes.Status429TooManyRequests, title: "For mange forsøg")
                : Html.Error(StatusCodes.Status429TooManyRequests, "For mange forsøg", Message)).ExecuteAsync(http);
        };
    });

    static string LocalPart(string redirectUri) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : redirectUri;

    static Task ApiOr(HttpContext http, int status, Action redirect)
    {
        if (!ApiProblems.IsApi(http.Request.Path)) { redirect(); return Task.CompletedTask; }
        http.Response.StatusCode = status;
        return Results.Problem(status == 401 ? "Log ind først (POST /api/session)." : "Du har ikke adgang.", statusCode: status,
            title: status == 401 ? "Ikke logget ind" : "Ingen adgang").ExecuteAsync(http);
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapAccountEndpoints();
        app.MapUserEndpoints();
        app.MapSingleSignOn();
        app.MapTwoFactorRoles();
    }

    /// <summary>`samraad serve` creates the first accounts on a database without users; other verbs leave that to `users init`.</summary>
    public async Task Start(StartContext start)
    {
        if (start.CreateAccounts) await start.Get<InitialAccounts>().Handle(start.DataDir);
        await SingleSignOn.AddSchemes(start.Services);
    }

    public IEnumerable<CliVerb> Verbs =>
    [
        new("users", "users init                              opret de første konti (adgangskoder i DATA-DIR/initial-passwords.txt)", async call =>
        {
            if (call.Argument(0) != "init") return call.Usage();
            var path = await call.Get<InitialAccounts>().Handle(call.Get<SamraadOptions>().DataDir);
            await call.Stdout.WriteLineAsync(path is null ? "Der findes allerede brugere; intet er ændret." : $"Konti oprettet. Adgangskoderne står i {path}");
            return 0;
        }),
    ];
}
