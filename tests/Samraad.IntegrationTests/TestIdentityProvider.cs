using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Samraad.IntegrationTests;

/// <summary>
/// A real OpenID Connect provider on loopback for the app to sign in through: an OpenIddict server (authorization code
/// flow, PKCE required, ephemeral signing key, a SQLite store) with one confidential client. The authorization endpoint
/// signs in <see cref="NextUser"/> at once (no login form: the test plays the user). To test the app's checks it can
/// corrupt the id_token's signature (<see cref="CorruptSignature"/>) or sign a wrong nonce into it (<see cref="ForgeNonce"/>).
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "samraad", ClientSecret = "test-hemmelighed-7f3a";
    public string Authority { get; private set; } = "";
    /// <summary>Who the provider says signed in; Verified null: no email_verified claim at all (as Entra ID sends it).</summary>
    public (string Sub, string? Email, bool? Verified) NextUser { get; set; } = ("u-1", "anne@faxe.dk", true);
    public bool CorruptSignature { get; set; }
    public bool ForgeNonce { get; set; }
    WebApplication app = null!;
    string dbPath = "";

    sealed class IdpDb(DbContextOptions<IdpDb> options) : DbContext(options);

    /// <param name="redirectUris">The app's callbacks (http://localhost/log-ind/sso/{key}/callback) the client may use.</param>
    public static async Task<TestIdentityProvider> Start(params string[] redirectUris)
    {
        var idp = new TestIdentityProvider { dbPath = Path.Combine(Path.GetTempPath(), $"samraad-idp-{Guid.NewGuid():N}.db") };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<IdpDb>(o => { o.UseSqlite($"Data Source={idp.dbPath};Pooling=false"); o.UseOpenIddict(); });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdpDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.Email, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
                o.AddEventHandler<OpenIddictServerEvents.ProcessSignInContext>(b => b.UseInlineHandler(ctx =>
                {
                    if (idp.ForgeNonce && ctx.IdentityTokenPrincipal is { } p) p.SetClaim(Claims.Nonce, "forfalsket-nonce");
                    return default;
                }).SetOrder(OpenIddictServerHandlers.PrepareIdentityTokenPrincipal.Descriptor.Order + 1));
            });
        idp.app = builder.Build();
        idp.app.Use(async (http, next) =>
        {
            if (!idp.CorruptSignature || http.Request.Path != "/connect/token") { await next(); return; }
            var body = http.Response.Body;
            using var buffer = new MemoryStream();
            http.Response.Body = buffer;
            await next();
            var json = JsonNode.Parse(buffer.ToArray())!;
            if (json["id_token"]?.GetValue<string>() is { } token)
            {
                // One character of the signature changed: a token that was not signed by the provider's key.
                var last = token[^2] == 'A' ? 'B' : 'A';
                json["id_token"] = token[..^2] + last + token[^1];
            }
            var bytes = System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
            http.Response.Body = body;
            http.Response.ContentLength = bytes.Length;
            await body.WriteAsync(bytes);
        });
        idp.app.UseAuthentication();
        idp.app.MapMethods("/connect/authorize", ["GET", "POST"], (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest()!;
            var (sub, email, verified) = idp.NextUser;
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, sub).SetClaim(Claims.Name, "Test " + sub);
            if (email is not null)
            {
                identity.SetClaim(Claims.Email, email);
                if (verified is bool v) identity.AddClaim(new Claim(Claims.EmailVerified, v ? "true" : "false", ClaimValueTypes.Boolean));
            }
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

        using (var scope = idp.app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IdpDb>().Database.EnsureCreatedAsync();
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = ClientId, ClientSecret = ClientSecret, ClientType = ClientTypes.Confidential, ConsentType = ConsentTypes.Implicit,
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                    Permissions.ResponseTypes.Code, Permissions.Prefixes.Scope + Scopes.Email, Permissions.Prefixes.Scope + Scopes.Profile,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            foreach (var uri in redirectUris) descriptor.RedirectUris.Add(new Uri(uri));
            await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(descriptor);
        }
        await idp.app.StartAsync();
        idp.Authority = idp.app.Urls.First().TrimEnd('/') + "/";
        return idp;
    }

    /// <summary>The app's configuration for a provider here: <paramref name="key"/> names it, <paramref name="matchClaim"/> matches accounts.</summary>
    public Dictionary<string, string> Settings(string key, string displayName, string matchClaim = "email", string organisations = "") => new()
    {
        [$"Samraad:Sso:{key}:Organisations"] = organisations,
        [$"Samraad:Sso:{key}:Authority"] = Authority, [$"Samraad:Sso:{key}:ClientId"] = ClientId, [$"Samraad:Sso:{key}:ClientSecret"] = ClientSecret,
        [$"Samraad:Sso:{key}:DisplayName"] = displayName, [$"Samraad:Sso:{key}:MatchClaim"] = matchClaim, [$"Samraad:Sso:{key}:RequireHttpsMetadata"] = "false",
    };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { File.Delete(dbPath); } catch (IOException) { }
    }
}
