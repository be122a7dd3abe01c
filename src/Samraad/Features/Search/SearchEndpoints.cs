using Samraad.Features.Search.Pages;

namespace Samraad.Features.Search;

/// <summary>The search page (anyone; closed items only for members) and its JSON twin.</summary>
public static class SearchEndpoints
{
    /// <summary>The secretariat and readers (council members) may find closed items; respondents and the public may not.</summary>
    static bool IsMember(UserContext? user) => user is not null && (user.IsAdmin || user.Role is Roles.Secretariat or Roles.Reader);

    public static void MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/soeg", (string? q, HttpContext http, SearchIndex index) =>
        {
            var members = IsMember(UserContext.From(http.User));
            return Html.Render<SearchPage>(new { Query = q, Hits = index.Search(q ?? "", members), IncludesClosed = members });
        }).ExcludeFromDescription();
        app.MapGet("/api/search", (string q, HttpContext http, SearchIndex index) => index.Search(q, IsMember(UserContext.From(http.User))))
            .RequireAuthorization().WithTags("Møder").WithSummary("Fuldtekstsøgning med dansk ordstamme");
    }
}
