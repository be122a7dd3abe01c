namespace Samraad.Common;

/// <summary>
/// Loads what a use case, page or endpoint works on and checks the user may act on it: the value, or the 404 or 403
/// to answer instead. One rule in one place, so every read, page and endpoint answers a missing and a forbidden
/// thing the same way.
/// </summary>
public static class Guard
{
    const string NoAccess = "Du har ikke adgang til denne organisations data.";

    /// <summary>For use cases: the loaded value, or NotFound with <paramref name="notFound"/> or Forbidden.</summary>
    public static async Task<Outcome<T>> Read<T>(Task<T?> load, string notFound, Func<T, bool> allowed, string? forbidden = null) where T : class =>
        await load is not { } value ? Outcome<T>.Fail(Problem.NotFound, notFound)
        : allowed(value) ? Outcome<T>.Success(value)
        : Outcome<T>.Fail(Problem.Forbidden, forbidden ?? NoAccess);

    /// <summary>For pages: the Danish 404 page ("<paramref name="what"/> findes ikke …") or the 403 page.</summary>
    public static async Task<(T? Value, IResult? Denied)> Page<T>(Task<T?> load, string what, Func<T, bool> allowed) where T : class
    {
        var value = await load;
        if (value is null) return (null, Html.NotFound(what));
        return allowed(value) ? (value, null) : (null, Html.Forbidden());
    }

    /// <summary>For the API: problem+json 404 with <paramref name="notFound"/>, or 403 (with <paramref name="forbidden"/> if given).</summary>
    public static async Task<(T? Value, IResult? Denied)> Api<T>(Task<T?> load, string notFound, Func<T, bool> allowed, string? forbidden = null) where T : class
    {
        var found = await Read(load, notFound, allowed, forbidden);
        return found.Ok ? (found.Value, null) : (null, ApiProblems.From(found));
    }
}
