using Microsoft.AspNetCore.Http.HttpResults;

namespace Samraad.Common;

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

    /// <summary>
    /// The page for a use case's outcome, beside <see cref="ApiProblems.From"/>: success goes on; Forbidden and NotFound
    /// are the 403 and 404 pages; any other problem shows the form again with its errors by field (400 for invalid
    /// input, 409 for a state that does not allow it). A problem without field errors is shown under
    /// <paramref name="errorKey"/> (the error summary's link target).
    /// </summary>
    public static async Task<IResult> From<T>(Outcome<T> outcome, Func<T, IResult> success, Func<PageFailure, Task<IResult>> showAgain,
        string what = "Siden", string errorKey = "")
    {
        if (outcome.Ok) return success(outcome.Value!);
        return outcome.Problem switch
        {
            Problem.Forbidden => Forbidden(),
            Problem.NotFound => NotFound(what),
            _ => await showAgain(new PageFailure(outcome.Errors is { Count: > 0 } errors ? errors : [new FieldError(errorKey, outcome.Message!)],
                outcome.Message, outcome.Problem == Problem.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict)),
        };
    }
}

/// <summary>What a page shows again after an expected failure: the errors by field, the message and the status.</summary>
public sealed record PageFailure(IReadOnlyList<FieldError> Errors, string? Message, int Status);
