using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Samraad.Auth;

/// <summary>
/// Single sign-on with OpenID Connect, one ASP.NET Core handler per configured provider (<see cref="SingleSignOnProvider"/>):
/// the authorization code flow with PKCE, the answer in the query (so the SameSite=Lax correlation and nonce cookies
/// come back), the id_token's signature, issuer, audience and nonce checked by the handler. The identity lands in
/// Identity's external cookie; <see cref="SignInWithProvider"/> matches it to an account.
/// </summary>
public static class SingleSignOn
{
    public static void AddSingleSignOn(IServiceCollection services)
    {
        // The schemes are added at start (AddSchemes): configuration is complete only once the host is built.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, ProviderOptions>();
        services.AddScoped<SignInWithProvider>();
    }

    /// <summary>Registers one authentication scheme per provider in configuration.</summary>
    public static async Task AddSchemes(IServiceProvider services)
    {
        var schemes = services.GetRequiredService<IAuthenticationSchemeProvider>();
        foreach (var p in SingleSignOnProvider.From(services.GetRequiredService<IConfiguration>()))
            if (await schemes.GetSchemeAsync(p.Scheme) is null)
                schemes.AddScheme(new AuthenticationScheme(p.Scheme, p.DisplayName, typeof(OpenIdConnectHandler)));
    }

    sealed class ProviderOptions(IConfiguration config) : IConfigureNamedOptions<OpenIdConnectOptions>
    {
        public void Configure(OpenIdConnectOptions o) { }

        public void Configure(string? name, OpenIdConnectOptions o)
        {
            if (SingleSignOnProvider.From(config).FirstOrDefault(p => p.Scheme == name) is not { } p) return;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = p.Authority;
            o.ClientId = p.ClientId;
            o.ClientSecret = p.ClientSecret;
            o.ResponseType = "code";
            o.ResponseMode = "query";
            o.UsePkce = true;
            o.CallbackPath = $"/log-ind/sso/{p.Key}/callback";
            o.SignedOutCallbackPath = $"/log-ind/sso/{p.Key}/logget-ud";
            o.RemoteSignOutPath = $"/log-ind/sso/{p.Key}/log-ud";
            o.RequireHttpsMetadata = p.RequireHttpsMetadata;
            o.GetClaimsFromUserInfoEndpoint = p.UserInfo;
            o.MapInboundClaims = false; // "sub" and "email" as the provider names them
            o.SaveTokens = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            foreach (var s in p.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)) o.Scope.Add(s);
            foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }
            o.RemoteAuthenticationTimeout = TimeSpan.FromMinutes(10);
            // A refused or forged answer (bad state, nonce or signature, an error from the provider) is a Danish page, never a 500.
            o.Events.OnRemoteFailure = async ctx =>
            {
                ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Samraad.Auth.SingleSignOn")
                    .LogWarning(ctx.Failure, "Log ind med {Provider} mislykkedes", p.Key);
                ctx.HandleResponse();
                await Failed(p, "Svaret fra log-ind-tjenesten kunne ikke godkendes (det var udløbet, brugt før eller ikke udstedt til denne side).")
                    .ExecuteAsync(ctx.HttpContext);
            };
        }
    }

    static IResult Failed(SingleSignOnProvider p, string why) =>
        Html.Render<SingleSignOnPage>(new { Provider = p, Problem = why }, StatusCodes.Status400BadRequest);

    public static void MapSingleSignOn(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/log-ind/sso/{key}").ExcludeFromDescription();
        // Signing in starts from a link; accepting an invitation from the invitation page's form (a POST with the
        // antiforgery token, so another site cannot make a browser link its identity to an account of the site's choosing).
        pages.MapGet("", (string key, string? returnUrl, HttpContext http, IConfiguration config) => Start(http, config, key, returnUrl, null))
            .RequireRateLimiting(AuthFeature.LoginPolicy);
        pages.MapPost("", async (string key, HttpContext http, IConfiguration config) =>
            await Start(http, config, key, "/", (await http.Request.ReadFormAsync())["invitation"]))
            .AddEndpointFilter(AntiforgeryTokens.Validate).RequireRateLimiting(AuthFeature.LoginPolicy);
        pages.MapGet("/retur", async (string key, string? returnUrl, HttpContext http, IConfiguration config, SignInWithProvider signIn) =>
        {
            if (Provider(config, key) is not { } p) return Html.NotFound("Log-ind-tjenesten");
            var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            // The identity must come from this provider's handler: another provider's cannot be presented here.
            if (!external.Succeeded || external.Principal is not { } identity || external.Properties?.Items.TryGetValue("provider", out var from) != true || from != p.Key)
                return Failed(p, "Log ind blev ikke gennemført. Prøv igen.");
            external.Properties!.Items.TryGetValue("invitation", out var invitation);
            var result = await signIn.Handle(p, identity, invitation);
            if (result.Problem is not null) return Failed(p, result.Problem);
            var next = result.RequiresTwoFactor ? "/log-ind/to-faktor?returnUrl=" + Uri.EscapeDataString(AccountEndpoints.SafeReturnUrl(returnUrl))
                : result.MustSetUpTwoFactor ? "/konto/to-faktor?kraevet=1" : AccountEndpoints.SafeReturnUrl(returnUrl);
            // A page, not a redirect: the chain began at the provider (another site), and the SameSite=Strict session
            // cookie is sent only on a navigation this site starts.
            return Html.Render<SingleSignOnPage>(new { Provider = p, Next = next });
        });
    }

    static async Task<IResult> Start(HttpContext http, IConfiguration config, string key, string? returnUrl, string? invitation)
    {
        if (Provider(config, key) is not { } p) return Html.NotFound("Log-ind-tjenesten");
        if (await http.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(p.Scheme) is null)
            return Failed(p, "Log-ind-tjenesten er ikke klar endnu. Prøv igen om lidt, eller log ind med brugernavn og adgangskode.");
        var props = new AuthenticationProperties { RedirectUri = $"/log-ind/sso/{p.Key}/retur?returnUrl={Uri.EscapeDataString(AccountEndpoints.SafeReturnUrl(returnUrl))}" };
        props.Items["provider"] = p.Key;
        if (!string.IsNullOrEmpty(invitation) && invitation.Length <= 100) props.Items["invitation"] = invitation;
        try
        {
            // The provider's metadata is fetched here the first time: a provider that cannot be reached is said in Danish.
            await http.ChallengeAsync(p.Scheme, props);
            return Results.Empty;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or TaskCanceledException)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Samraad.Auth.SingleSignOn").LogWarning(e, "{Provider} kunne ikke nås", p.Key);
            return Failed(p, $"{p.DisplayName} kunne ikke nås. Prøv igen om lidt, eller log ind med brugernavn og adgangskode.");
        }
    }

    static SingleSignOnProvider? Provider(IConfiguration config, string key) =>
        SingleSignOnProvider.From(config).FirstOrDefault(p => p.Key == key.ToLowerInvariant());

    /// <summary>The providers' buttons on the log-in and invitation pages.</summary>
    public static IReadOnlyList<SingleSignOnProvider> Providers(HttpContext http) =>
        SingleSignOnProvider.From(http.RequestServices.GetRequiredService<IConfiguration>());

}
