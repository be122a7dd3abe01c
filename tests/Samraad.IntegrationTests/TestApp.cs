using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Samraad.Auth;
using Samraad.Data;

namespace Samraad.IntegrationTests;

/// <summary>A settable clock: tests move time instead of waiting for it.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// The whole app in-process on a fresh real database (a SQLite file in a temp folder, or a new PostgreSQL database),
/// started exactly as `samraad serve` starts it: migrated, reference data and packs loaded, demo answers in.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public const string Password = "Korrekt-hest-batteri-42";
    public TestClock Clock { get; } = new();
    public Db Kind { get; }
    public string DataDir { get; }
    public string PacksDir { get; }
    readonly string? pgDatabase;
    readonly string? pgConnection;

    TestApp(Db kind, bool kestrel, TemplateDatabase? template)
    {
        Kind = kind;
        DataDir = Directory.CreateTempSubdirectory("samraad-test-").FullName;
        PacksDir = Path.Combine(DataDir, "packs");
        if (template is null)
        {
            CopyDir(Path.Combine(RepoRoot, "packs"), PacksDir);
            CopyDir(Path.Combine(AppContext.BaseDirectory, "TestPacks"), PacksDir);
        }
        else CopyDir(template.DataDir, DataDir); // the seeded SQLite file, packs, keys and stored files
        if (kind == Db.Postgres)
        {
            pgDatabase = TemplateDatabase.NewName();
            pgConnection = $"{Databases.Postgres};Database={pgDatabase}";
            if (template is not null) template.CopyPostgresTo(pgDatabase);
        }
        if (kestrel) UseKestrel(0);
    }

    /// <summary>
    /// The app on its own fresh database, copied from a template that was migrated and seeded once per test run
    /// and provider (seeding is what made every test slow); start-up then runs as on any restart of `samraad serve`.
    /// <paramref name="packs"/> runs on the packs folder before the app starts (to add a pack of the test's own).
    /// </summary>
    public static TestApp Start(Db kind, bool kestrel = false, Action<string>? packs = null, IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var app = new TestApp(kind, kestrel, TemplateDatabase.For(kind)) { Settings = settings ?? new Dictionary<string, string>(), ExtraServices = services };
        packs?.Invoke(app.PacksDir);
        if (kestrel) app.StartServer(); else _ = app.Server;
        return app;
    }

    /// <summary>The app on a database it creates, migrates and seeds itself, as on a machine's very first start.</summary>
    public static TestApp StartFresh(Db kind, bool kestrel = false)
    {
        var app = new TestApp(kind, kestrel, null);
        if (kestrel) app.StartServer(); else _ = app.Server;
        return app;
    }

    /// <summary>Configuration of the test's own (Samraad:Mail:Smtp:Host …), set before the app starts.</summary>
    IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
    /// <summary>Services of the test's own (a job handler), added after the app's.</summary>
    Action<IServiceCollection>? ExtraServices { get; init; }

    /// <summary>Stops the app but keeps its data directory and database, to serve as a template.</summary>
    internal bool KeepData { get; set; }
    internal string? PostgresDatabase => pgDatabase;
    internal string? PostgresConnection => pgConnection;

    /// <summary>Removes the data directory and database of an app that was stopped with <see cref="KeepData"/>.</summary>
    internal async Task RemoveData()
    {
        NpgsqlConnection.ClearAllPools();
        if (pgDatabase is not null) await Postgres.DropDatabase(pgDatabase);
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Samraad:DataDir", DataDir);
        builder.UseSetting("Samraad:PacksDir", PacksDir);
        builder.UseSetting("Samraad:InitialAccounts", "false");
        builder.UseSetting("Samraad:DbProvider", Kind == Db.Postgres ? "postgres" : "sqlite");
        if (pgConnection is not null) builder.UseSetting("Samraad:Db", pgConnection);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
            // Password hashing is deliberately slow (100,000 PBKDF2 rounds); tests create and sign in many users,
            // and what they check (who may sign in, lockout) does not depend on the number of rounds.
            s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            ExtraServices?.Invoke(s);
        });
    }

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Samraad.slnx"))) dir = dir.Parent;
            return dir!.FullName;
        }
    }

    static void CopyDir(string from, string to)
    {
        if (!Directory.Exists(from)) return;
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    public async Task<T> WithDb<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Creates an account acting for an organisation (by slug) in a role.</summary>
    /// <summary>A signed-up user; with <paramref name="email"/> it is one who can be mailed (as one who accepted an invitation).</summary>
    public async Task CreateUser(string userName, string role, string? organisationSlug, string? email = null, bool reminders = true)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var orgId = organisationSlug is null ? (int?)null : (await db.Organisations.SingleAsync(o => o.Slug == organisationSlug)).Id;
        var result = await users.CreateAsync(new AppUser
        {
            UserName = userName, FullName = $"Test {userName}", Role = role, OrganisationId = orgId,
            Email = email, NormalizedEmail = email?.ToUpperInvariant(), WantsReminders = reminders,
        }, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>A browser-like client (cookies, no auto-redirect) signed in as <paramref name="userName"/>; <paramref name="served"/>: over a real socket to Kestrel (an app started with <c>kestrel: true</c>), where its limits apply.</summary>
    public async Task<HttpClient> LoggedIn(string userName, string? password = null, bool served = false)
    {
        var client = served ? ServedClient() : Client();
        var response = await client.PostAsync("/log-ind", await Form(client, "/log-ind", new() { ["username"] = userName, ["password"] = password ?? Password }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Login as {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client of the Kestrel server of an app started with <c>kestrel: true</c>, with cookies, no redirects followed.</summary>
    public HttpClient ServedClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
    {
        BaseAddress = new Uri(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First()),
    };

    /// <summary>Form content with the antiforgery token of the page the form is on, as a browser would post it.</summary>
    public static async Task<FormUrlEncodedContent> Form(HttpClient client, string pageUrl, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(pageUrl);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
    }

    /// <summary>Posts a form to <paramref name="action"/> with the antiforgery token of <paramref name="page"/>, as a browser does.</summary>
    public static async Task<HttpResponseMessage> Post(HttpClient client, string page, string action, Dictionary<string, string> fields) =>
        await client.PostAsync(action, await Form(client, page, fields));

    /// <summary>
    /// A file posted as a browser posts a form with a file input: multipart, with the antiforgery token of the page
    /// the form is on, and <c>Expect: 100-continue</c> so a body the server refuses by size is not sent (its 413 is read).
    /// </summary>
    public static async Task<HttpResponseMessage> Upload(HttpClient client, string pageUrl, string action, byte[] bytes, string fileName,
        Dictionary<string, string>? fields = null, string fileField = "file")
    {
        var token = Regex.Match(await client.GetStringAsync(pageUrl), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(bytes), fileField, fileName } };
        foreach (var (key, value) in fields ?? []) form.Add(new StringContent(value), key);
        var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = form };
        request.Headers.ExpectContinue = true;
        return await client.SendAsync(request);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (pgDatabase is not null) NpgsqlConnection.ClearAllPools();
        if (KeepData) return;
        if (pgDatabase is not null) await Postgres.DropDatabase(pgDatabase);
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }
}
