using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Samraad.Bench.Load;
using Samraad.Data;
using Samraad.Documents;
using Samraad.Documents.Pdf;
using Samraad.Operations;

namespace Samraad.Hosting;

/// <summary>The host: shared infrastructure, then each feature's services, endpoints and start-up step. No use case is listed here.</summary>
public static class SamraadApp
{
    /// <summary>
    /// Every feature, once. Start-up steps run in this order: reference data before the packs that name organisations,
    /// meetings after the data their live attachments show, search over all of it, the first accounts last.
    /// </summary>
    public static readonly IFeature[] Features =
    [
        new Features.Packs.PacksFeature(),
        new Features.Reference.ReferenceFeature(),
        new Features.Collections.CollectionsFeature(),
        new Features.Home.HomeFeature(),
        new Features.Pools.PoolsFeature(),
        new Features.Contracts.ContractsFeature(),
        new Features.Indicators.IndicatorsFeature(),
        new Features.Surveys.SurveysFeature(),
        new Features.Meetings.MeetingsFeature(),
        new Features.Search.SearchFeature(),
        new Features.Notifications.NotificationsFeature(),
        new Auth.AuthFeature(),
    ];

    public static void AddSamraad(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Read when first needed: hosts and tests may add configuration after this runs.
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(SamraadOptions.Section).Get<SamraadOptions>() ?? new SamraadOptions());
        services.AddSingleton(TimeProvider.System);
        services.AddSamraadDatabase();
        services.AddHttpContextAccessor();
        builder.AddSamraadOperations();
        services.AddRazorComponents();
        // Encode markup characters but leave Danish letters readable in the HTML source.
        services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "samraad.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure whenever the request is HTTPS
        });
        // Behind a reverse proxy (nginx on this machine, say) the request's scheme and client address are the proxy's
        // own: take them from X-Forwarded-Proto/-For, from proxies on loopback only (more in Samraad:TrustedProxies),
        // so cookies get Secure and the log-in rate limit sees the real client.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, config) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in (config["Samraad:TrustedProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (System.Net.IPAddress.TryParse(proxy, out var address)) o.KnownProxies.Add(address);
        });
        // A body is at most 4 MB unless its endpoint says more (the file uploads, UploadLimits); past that Kestrel stops
        // reading and the user gets 413 with the limit in Danish.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = UploadLimits.DefaultRequestBytes);
        services.AddOpenApi(ApiDocs.Describe);
        services.AddProblemDetails();
        // A query value that does not bind (?alle=x for a number) is the client's mistake: 400, in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        // Documents are shared by the features: one Chromium per process for HTML → PDF.
        services.AddSingleton<ChromiumPdf>();
        services.AddScoped<HtmlDocuments>();

        foreach (var feature in Features) feature.AddServices(services);
    }

    public static void UseSamraad(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // HEAD is answered as GET without the body (monitors and link checkers ask with HEAD; 405 told them nothing).
        app.Use(async (ctx, next) =>
        {
            if (!HttpMethods.IsHead(ctx.Request.Method)) { await next(); return; }
            ctx.Request.Method = HttpMethods.Get;
            var body = ctx.Response.Body;
            ctx.Response.Body = Stream.Null;
            try { await next(); }
            finally { ctx.Response.Body = body; }
        });
        app.UseSamraadMetrics(); // before the error pages: a refused scrape is a plain 403
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/fejl/500" });
        app.UseStatusCodePagesWithReExecute("/fejl/{0}");
        app.Use(async (ctx, next) =>
        {
            ctx.Response.Headers.XContentTypeOptions = "nosniff";
            ctx.Response.Headers.XFrameOptions = "DENY";
            ctx.Response.Headers["Referrer-Policy"] = "same-origin";
            ctx.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
            await next();
        });
        app.UseStaticFiles();
        app.UseRouting(); // here, not first (the default): a HEAD request is a GET by the time an endpoint is chosen
        app.UseNulGuard();
        app.UseRateLimiter(); // the policies endpoints ask for (the log-in's)
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgeryTokens();

        app.MapOpenApi();
        app.MapSamraadHealth();
        app.MapBenchBaseline();
        foreach (var feature in Features) feature.MapEndpoints(app);
        app.Map("/fejl/{code:int}", ErrorEndpoint).ExcludeFromDescription();
    }

    /// <summary>Plain Danish error pages (or problem+json for the API) without internals; exceptions are logged.</summary>
    static IResult ErrorEndpoint(int code, HttpContext http, ILogger<WebApplication> log)
    {
        var original = http.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? "";
        if (code is < 400 or > 599) code = 404; // /fejl/-1 or /fejl/200 typed by hand: no such error page
        if (http.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException bad)
        {
            // Not a fault of ours: a body over its endpoint's limit, or a malformed request line or form.
            code = bad.StatusCode;
        }
        else if (http.Features.Get<IExceptionHandlerFeature>()?.Error is { } error)
        {
            log.LogError(error, "Uventet fejl ved {Path}", original);
            code = 500;
        }
        var (title, message) = code switch
        {
            404 => ("Siden findes ikke", "Adressen findes ikke. Tjek den, eller gå til forsiden."),
            403 => ("Ingen adgang", "Du har ikke adgang til denne side med den organisation, du er logget ind for."),
            400 => ("Forespørgslen kunne ikke behandles", "Der var noget galt med det sendte. Gå tilbage og prøv igen."),
            405 => ("Handlingen er ikke tilladt", "Siden kan ikke bruges på den måde."),
            413 => ("Det sendte er for stort", $"Højst {UploadLimits.Megabytes(UploadLimits.PdfBytes)} for en PDF, {UploadLimits.Megabytes(UploadLimits.TableBytes)} for en fil til import og {UploadLimits.Megabytes(UploadLimits.DefaultRequestBytes)} for alt andet. Intet er gemt."),
            _ => ("Der opstod en fejl", "Der skete en uventet fejl. Fejlen er logget. Prøv igen om lidt; intet halvt gemt er bevaret."),
        };
        if (ApiProblems.IsApi(original)) return Results.Problem(message, statusCode: code, title: title);
        return Html.Error(code, title, message);
    }

    /// <summary>Creates/migrates the database, then runs each feature's start-up step. Runs before serving and before every CLI verb.</summary>
    public static async Task InitializeAsync(this WebApplication app, bool createAccounts)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var options = sp.GetRequiredService<SamraadOptions>();
        KeyStorage.CheckCertificates(sp);
        var db = sp.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        // SQLite in write-ahead-log mode (stored in the file): readers no longer wait for a writer, nor a writer for
        // readers; in the default rollback mode a deadline day's saves queued behind every page that read (bench load).
        if (!options.IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var start = new StartContext(sp, options.ResolvedPacksDir, options.ReferenceDir, options.DemoData, options.DataDir,
            createAccounts && options.InitialAccounts);
        foreach (var feature in Features) await feature.Start(start);
    }
}
