using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Reference;

/// <summary>The reference data page, its CSV export and import, and the JSON list.</summary>
public static class ReferenceEndpoints
{
    public const int MaxImportBytes = 1_000_000;

    public static void MapReferenceEndpoints(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/referencedata").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("", Page);
        pages.MapGet("/kommuner.csv", async (ListOrganisations list) =>
            Results.File(ExportReference.Municipalities(await list.Handle(new(nameof(OrganisationKind.Kommune), null, null, null))), "text/csv; charset=utf-8", "kommuner.csv"));
        pages.MapGet("/organisationer.csv", async (string? type, string? region, string? kkr, string? gruppe, ListOrganisations list) =>
            Results.File(ExportReference.Organisations(await list.Handle(Filter(type, region, kkr, gruppe))), "text/csv; charset=utf-8", "organisationer.csv"));
        pages.MapPost("/import", Import).AddEndpointFilter(AntiforgeryTokens.Validate);

        app.MapGet("/api/reference/organisations", async (string? kind, string? region, string? kkr, string? group, ListOrganisations list) =>
            (await list.Handle(Filter(kind, region, kkr, group))).Select(r => new OrganisationDto(r.Organisation.Slug, r.Organisation.Name,
                r.Organisation.Kind.ToString(), r.Organisation.MunicipalityCode, r.Organisation.RegionCode, r.Kkr, r.Groups)).ToList())
            .RequireAuthorization().WithTags("Referencedata").WithSummary("Organisationer med filtre (kind, region, kkr, group=sæt:gruppe)");
    }

    /// <summary>An organisation in the reference data.</summary>
    public sealed record OrganisationDto(string Slug, string Name, string Kind, int? MunicipalityCode, int? RegionCode, string? Kkr, IReadOnlyDictionary<string, string> Groups);

    /// <summary>Filters come from a GET form: "Alle" sends an empty value, which means no filter (not a bad request).</summary>
    static OrganisationFilter Filter(string? kind, string? region, string? kkr, string? group) => new(
        string.IsNullOrEmpty(kind) ? null : kind, int.TryParse(region, out var r) ? r : null,
        string.IsNullOrEmpty(kkr) ? null : kkr, string.IsNullOrEmpty(group) ? null : group);

    static async Task<IResult> Page(HttpContext http, string? type, string? region, string? kkr, string? gruppe, AppDbContext db, ListOrganisations list) =>
        await Render(http, db, list, Filter(type, region, kkr, gruppe), [], http.Request.Query.ContainsKey("indlaest") ? "Kommunerne er indlæst." : null);

    static async Task<IResult> Render(HttpContext http, AppDbContext db, ListOrganisations list, OrganisationFilter filter, IReadOnlyList<string> errors, string? notice, int status = 200)
    {
        var user = UserContext.From(http.User)!;
        return Html.Render<ReferencePage>(new
        {
            Rows = await list.Handle(filter),
            Filter = filter,
            Regions = await db.Organisations.Where(o => o.Kind == OrganisationKind.Region).OrderBy(o => o.RegionCode).ToListAsync(),
            Kkrs = await db.Organisations.Where(o => o.Kind == OrganisationKind.Kkr).OrderBy(o => o.Name).ToListAsync(),
            Sets = await db.GroupSets.Include(s => s.Groups).ThenInclude(g => g.Members).OrderBy(s => s.SortOrder).ToListAsync(),
            IsAdmin = user.IsAdmin,
            ImportErrors = errors,
            Notice = notice,
            QueryString = http.Request.QueryString.Value ?? "",
        }, status);
    }

    static async Task<IResult> Import(HttpContext http, AppDbContext db, ListOrganisations list, ImportMunicipalities import)
    {
        if (!UserContext.From(http.User)!.IsAdmin) return Html.Forbidden();
        var form = await http.Request.ReadFormAsync();
        var file = form.Files["fil"];
        IReadOnlyList<string> errors;
        if (file is null || file.Length == 0) errors = ["Vælg en CSV-fil"];
        else if (file.Length > MaxImportBytes) errors = [$"Filen er for stor (højst {MaxImportBytes / 1000} kB)"];
        else
        {
            using var reader = new StreamReader(file.OpenReadStream());
            var result = await import.Handle(await reader.ReadToEndAsync(), $"Indlæst af {UserContext.From(http.User)!.UserName}: {file.FileName}");
            if (result.Ok) return Results.Redirect("/referencedata?indlaest=1");
            errors = result.Errors;
        }
        return await Render(http, db, list, new OrganisationFilter(null, null, null, null), errors, null, StatusCodes.Status400BadRequest);
    }
}
