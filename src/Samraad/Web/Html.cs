using Microsoft.AspNetCore.Http.HttpResults;

namespace Samraad.Web;

/// <summary>Renders Razor components as whole pages (static server rendering) from endpoints.</summary>
public static class Html
{
    public static IResult Render<TComponent>(object parameters, int status = StatusCodes.Status200OK)
        where TComponent : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<TComponent>(parameters) { StatusCode = status };

    public static IResult Error(int status, string title, string message) =>
        Render<ErrorPage>(new { Title = title, Message = message }, status);

    public static IResult NotFound(string what = "Siden") =>
        Error(StatusCodes.Status404NotFound, "Siden findes ikke", $"{what} findes ikke, eller du har ikke adgang til den.");

    public static IResult Forbidden() =>
        Error(StatusCodes.Status403Forbidden, "Ingen adgang", "Du har ikke adgang til denne side med den organisation, du er logget ind for.");
}
