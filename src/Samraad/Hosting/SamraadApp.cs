using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samraad.Auth;
using Samraad.Data;
using Samraad.Features.Collections;
using Samraad.Features.Contracts;
using Samraad.Features.Indicators;
using Samraad.Features.Collections.Packs;
using Samraad.Features.Collections.Summaries;
using Samraad.Documents;
using Samraad.Documents.Pdf;
using Samraad.Features.Meetings;
using Samraad.Features.Pools;
using Samraad.Features.Reference;
using Samraad.Features.Search;
using Samraad.Common;

namespace Samraad.Hosting;

/// <summary>Wires the features into the host: services, middleware, endpoints and first-start initialisation.</summary>
public static class SamraadApp
{
    public static void AddSamraad(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Read when first needed: hosts and tests may add configuration after this runs.
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(SamraadOptions.Section).Get<SamraadOptions>() ?? new SamraadOptions());
        services.AddSingleton(TimeProvider.System);
        services.AddSamraadDatabase();
        services.AddHttpContextAccessor();
        // Sign-in cookies survive a restart: keys live in the data directory (never in the repository).
        services.AddDataProtection().SetApplicationName("Samraad");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(sp.GetRequiredService<SamraadOptions>().FullDataDir, "keys")), sp.GetRequiredService<ILoggerFactory>())));
        services.AddRazorComponents();
        // Encode markup characters but leave Danish letters readable in the HTML source.
        services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(o => { o.Cookie.Name = "samraad.af"; o.Cookie.SameSite = SameSiteMode.Strict; });
        services.AddOpenApi();
        services.AddProblemDetails();
        // A query value that does not bind (?alle=x for a number) is the client's mistake: 400, in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        AddIdentity(services);

        // Use cases: one class each, resolved per request.
        services.AddScoped<ImportMunicipalities>();
        services.AddScoped<ImportPartners>();
        services.AddScoped<ListOrganisations>();
        services.AddScoped<LoadPacks>();
        services.AddScoped<SaveDraft>();
        services.AddScoped<SubmitResponse>();
        services.AddScoped<ReopenResponse>();
        services.AddScoped<ChangeWindow>();
        services.AddScoped<ComputeSummary>();
        services.AddScoped<ExportResponses>();
        services.AddScoped<InitialAccounts>();
        AddMeetings(services);
        services.AddScoped<LoadPoolPacks>();
        services.AddScoped<GenerateDemoApplications>();
        services.AddScoped<AssessProject>();
        services.AddScoped<UploadPoolDocument>();
        services.AddScoped<IssueDecisions>();
        services.AddScoped<ImportReferenceFigures>();
        services.AddScoped<ContractImports>();
        services.AddScoped<LoadContractPacks>();
        services.AddSingleton<Auth.UnknownNameLockout>();
        services.AddScoped<LoadKeyFigurePacks>();
        services.AddScoped<Features.Surveys.LoadSurveyPacks>();
        services.AddScoped<Features.Surveys.ImportSurveyData>();
        services.AddScoped<EnterKeyFigures>();
        services.AddScoped<EnterFigure>();
        services.AddScoped<SetQualitativeStatus>();
    }

    static void AddMeetings(IServiceCollection services)
    {
        services.AddSingleton<ChromiumPdf>();
        services.AddSingleton<SearchIndex>();
        services.AddScoped<HtmlDocuments>();
        services.AddScoped<LiveAttachments>();
        services.AddScoped<CheckFreshness>();
        services.AddScoped<BuildPacket>();
        services.AddScoped<PacketAttachments>();
        services.AddScoped<BuildMinutesPdf>();
        services.AddScoped<LoadMeetingPacks>();
        services.AddScoped<CreateMeeting>();
        services.AddScoped<SaveAgendaItem>();
        services.AddScoped<UploadAttachment>();
        services.AddScoped<AddLiveAttachment>();
        services.AddScoped<RemoveAttachment>();
        services.AddScoped<PublishAgenda>();
        services.AddScoped<RecordDecision>();
        services.AddScoped<RecordAttendance>();
        services.AddScoped<ChangeMeetingStatus>();
        services.AddScoped<AddAddendum>();
        services.AddScoped<CreateTask>();
        services.AddScoped<CloseTask>();
    }

    static void AddIdentity(IServiceCollection services)
    {
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789-._@";
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<ClaimsFactory>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "samraad";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.LoginPath = "/log-ind";
            o.AccessDeniedPath = "/fejl/403";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403 as problem+json instead of redirecting to the login page.
            o.Events.OnRedirectToLogin = ctx => ApiOr(ctx.HttpContext, 401, () => ctx.Response.Redirect(ctx.RedirectUri));
            o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx.HttpContext, 403, () => ctx.Response.Redirect(ctx.RedirectUri));
        });
        services.AddAuthorization();
    }

    static Task ApiOr(HttpContext http, int status, Action redirect)
    {
        if (!IsApi(http.Request.Path)) { redirect(); return Task.CompletedTask; }
        http.Response.StatusCode = status;
        return Results.Problem(status == 401 ? "Log ind først (POST /api/session)." : "Du har ikke adgang.", statusCode: status,
            title: status == 401 ? "Ikke logget ind" : "Ingen adgang").ExecuteAsync(http);
    }

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api");

    public static void UseSamraad(this WebApplication app)
    {
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
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgeryTokens();

        app.MapOpenApi();
        app.MapAccountEndpoints();
        app.MapCollectionPages();
        app.MapResponsePages();
        app.MapCollectionApi();
        app.MapReferenceEndpoints();
        app.MapMeetingPages();
        app.MapItemPages();
        app.MapMinutesPages();
        app.MapPublicPages();
        app.MapMeetingApi();
        app.MapPoolPages();
        app.MapPoolApi();
        app.MapContractApi();
        app.MapContractPages();
        app.MapIndicatorApi();
        app.MapIndicatorPages();
        Features.Surveys.SurveyApi.MapSurveyApi(app);
        Features.Surveys.SurveyPages.MapSurveyPages(app);
        app.Map("/fejl/{code:int}", ErrorEndpoint).ExcludeFromDescription();
    }

    /// <summary>Plain Danish error pages (or problem+json for the API) without internals; exceptions are logged.</summary>
    static IResult ErrorEndpoint(int code, HttpContext http, ILogger<WebApplication> log)
    {
        var original = http.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? "";
        if (http.Features.Get<IExceptionHandlerFeature>()?.Error is { } error)
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
            _ => ("Der opstod en fejl", "Der skete en uventet fejl. Fejlen er logget. Prøv igen om lidt; intet halvt gemt er bevaret."),
        };
        if (IsApi(original)) return Results.Problem(message, statusCode: code, title: title);
        return Html.Error(code, title, message);
    }

    /// <summary>Creates/migrates the database and loads reference data and packs. Runs before serving and before every CLI verb.</summary>
    public static async Task InitializeAsync(this WebApplication app, bool createAccounts)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var options = sp.GetRequiredService<SamraadOptions>();
        var db = sp.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();

        var municipalities = await File.ReadAllTextAsync(Path.Combine(options.ReferenceDir, "kommuner.csv"));
        if (!await db.Organisations.AnyAsync(o => o.Kind == OrganisationKind.Kommune))
        {
            var result = await sp.GetRequiredService<ImportMunicipalities>().Handle(municipalities, "kommuner.csv");
            if (!result.Ok) throw new InvalidDataException("kommuner.csv: " + string.Join("; ", result.Errors));
        }
        await sp.GetRequiredService<ImportPartners>().Handle(await File.ReadAllTextAsync(Path.Combine(options.ReferenceDir, "partnere.csv")));
        await sp.GetRequiredService<ImportReferenceFigures>().Handle(await File.ReadAllTextAsync(Path.Combine(options.ReferenceDir, "befolkning.csv")), "befolkning", "befolkning");
        await sp.GetRequiredService<LoadPacks>().Handle(options.ResolvedPacksDir, options.DemoData);
        await sp.GetRequiredService<LoadPoolPacks>().Handle(options.ResolvedPacksDir, options.DemoData);
        await sp.GetRequiredService<LoadContractPacks>().Handle(options.ResolvedPacksDir, options.DemoData);
        await sp.GetRequiredService<LoadKeyFigurePacks>().Handle(options.ResolvedPacksDir);
        await sp.GetRequiredService<Features.Surveys.LoadSurveyPacks>().Handle(options.ResolvedPacksDir);
        if (options.DemoData) await sp.GetRequiredService<LoadMeetingPacks>().Handle(options.ResolvedPacksDir);
        await sp.GetRequiredService<SearchIndex>().RebuildAll(db);
        if (createAccounts && options.InitialAccounts)
            await sp.GetRequiredService<InitialAccounts>().Handle(options.DataDir);
    }
}
