namespace Samraad.Common;

/// <summary>application/problem+json results with Danish titles and, for validation, errors by field key.</summary>
public static class ApiProblems
{
    /// <summary>Requests under /api get problem+json; everything else gets pages.</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api");

    public static IResult NotFound(string detail) => Results.Problem(detail, statusCode: 404, title: "Findes ikke");
    public static IResult Forbidden(string detail = "Du har ikke adgang til denne organisations data.") =>
        Results.Problem(detail, statusCode: 403, title: "Ingen adgang");

    public static IResult Invalid(string title, IEnumerable<FieldError> errors) =>
        Results.ValidationProblem(errors.GroupBy(e => e.Key == "" ? "besvarelse" : e.Key).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: title, statusCode: 400);

    /// <summary>200 with a read's value, or the problem+json of its failure.</summary>
    public static IResult Ok<T>(Outcome<T> outcome) => outcome.Ok ? Results.Ok(outcome.Value) : From(outcome);

    /// <summary>The problem+json of a failed use case.</summary>
    public static IResult From<T>(Outcome<T> outcome) => From(outcome.Problem!.Value, outcome.Message!, outcome.Errors);

    public static IResult From(Problem problem, string message, IReadOnlyList<FieldError>? errors) => problem switch
    {
        Problem.Invalid => Invalid(message, errors ?? []),
        Problem.NotFound => NotFound(message),
        Problem.Forbidden => Forbidden(message),
        Problem.Closed => Results.Problem(message, statusCode: 409, title: "Indsamlingen er lukket"),
        Problem.Locked => Results.Problem(message, statusCode: 409, title: "Besvarelsen er låst"),
        _ => Results.Problem(message, statusCode: 409, title: "Konflikt"),
    };
}
