using System.Net;
using System.Text.RegularExpressions;

namespace Samraad.IntegrationTests;

/// <summary>Reading what a user sees in returned HTML.</summary>
public static partial class Html
{
    public static string Title(string html) => WebUtility.HtmlDecode(TitleTag().Match(html).Groups[1].Value);

    /// <summary>The visible text, tags stripped and whitespace collapsed.</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(Spaces().Replace(Tags().Replace(html, " "), " "));

    public static bool RadioChecked(string html, string name, string value) =>
        Regex.IsMatch(html, $"<input type=\"radio\"[^>]*name=\"{Regex.Escape(name)}\" value=\"{Regex.Escape(value)}\" checked");

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)] private static partial Regex TitleTag();
    [GeneratedRegex("<[^>]+>")] private static partial Regex Tags();
    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();
}
