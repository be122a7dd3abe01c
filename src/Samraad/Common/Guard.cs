namespace Samraad.Common;

/// <summary>
/// Loads what a page or endpoint works on and checks the user may act on it: the value, or the 404 or 403 to
/// answer instead. One place, so every page and endpoint answers a missing and a forbidden thing the same way.
/// </summary>
public static class Guard
{
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
        var value = await load;
        if (value is null) return (null, ApiProblems.NotFound(notFound));
        return allowed(value) ? (value, null) : (null, forbidden is null ? ApiProblems.Forbidden() : ApiProblems.Forbidden(forbidden));
    }
}
