using System.Text.RegularExpressions;

namespace Samraad.Common;

/// <summary>Ids for form fields, so an error summary links to the field it is about ("#f-projekter-1-navn").</summary>
public static partial class HtmlIds
{
    /// <summary>An id usable in HTML and in "#…" links to it, from a field key (answer keys may hold "/").</summary>
    public static string For(string key) => "f-" + NonId().Replace(key, "-");

    [GeneratedRegex(@"[^a-zA-Z0-9_-]")] private static partial Regex NonId();
}
