namespace Samraad.Common;

/// <summary>The expected ways a use case can fail. Pages show them in Danish; the API maps them to status codes.</summary>
public enum Problem { NotFound, Forbidden, Closed, Locked, Conflict, Invalid }

/// <summary>A use case's result: a value, or an expected failure with a Danish message and field errors.</summary>
public sealed record Outcome<T>(T? Value, Problem? Problem = null, string? Message = null, IReadOnlyList<FieldError>? Errors = null)
{
    public bool Ok => Problem is null;
    public static Outcome<T> Success(T value) => new(value);
    public static Outcome<T> Fail(Problem problem, string message, IReadOnlyList<FieldError>? errors = null) => new(default, problem, message, errors);
    public Outcome<TOther> As<TOther>() => new(default, Problem, Message, Errors);
    public Outcome<TOther> Map<TOther>(Func<T, TOther> map) => Ok ? new(map(Value!)) : As<TOther>();
}
