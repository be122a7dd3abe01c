namespace Samraad.Common;

/// <summary>
/// Links to the same page with part of its query string changed (a sort, a filter, a page number), keeping the rest.
/// Keys are matched regardless of case, as ASP.NET Core reads them, and a repeated key keeps its first value.
/// </summary>
public static class QueryLinks
{
    /// <summary>The request's query as one value per key.</summary>
    public static IReadOnlyDictionary<string, string> Values(IQueryCollection query) =>
        query.ToDictionary(q => q.Key, q => q.Value.FirstOrDefault() ?? "", StringComparer.OrdinalIgnoreCase);

    /// <summary>The path with the values, some changed: a null value removes its key.</summary>
    public static string With(string path, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string?> changes) =>
        path + QueryString.Create(values.Where(kv => !changes.ContainsKey(kv.Key)).Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value))
            .Concat(changes.Where(kv => kv.Value is not null))).Value;

    /// <summary>Changes that remove the keys.</summary>
    public static Dictionary<string, string?> Without(IEnumerable<string> keys) =>
        keys.ToDictionary(k => k, _ => (string?)null, StringComparer.OrdinalIgnoreCase);
}
