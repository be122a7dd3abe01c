using Samraad.Features.Search.Pages;

namespace Samraad.Features.Search;

/// <summary>The search page (anyone; closed items only for members) and its JSON twin.</summary>
public static class SearchEndpoints
{
    /// <summary>Whether the page says that closed items may be among the results (for those who may find some).</summary>
    static bool IsMember(UserContext? user) => user is not null && (user.IsAdmin || user.Role is Roles.Secretariat or Roles.Reader);

    public static void MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/soeg", async (string? q, HttpContext http, ISearch index) =>
        {
            var user = UserContext.From(http.User);
            return Html.Render<SearchPage>(new { Query = q, Hits = await index.Search(q ?? "", user), IncludesClosed = IsMember(user) });
        }).ExcludeFromDescription();
        app.MapGet("/api/search", async (string q, HttpContext http, ISearch index) => await index.Search(q, UserContext.From(http.User)))
            .RequireAuthorization().WithTags("Møder").WithSummary("Fuldtekstsøgning med dansk ordstamme");
    }
}
