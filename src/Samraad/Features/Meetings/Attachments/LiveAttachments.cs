using System.Text.RegularExpressions;
using Samraad.Documents;

namespace Samraad.Features.Meetings;

/// <summary>A live attachment rendered now: printable HTML, its plain text (for search) and a fingerprint of the data.</summary>
public sealed record LiveRendering(string Title, string Html, string Text, string DataHash);

/// <summary>
/// What a live attachment can show: every <see cref="ILiveSource"/> the features register. The fingerprint is the
/// SHA-256 of the rendered body, so the same data gives the same fingerprint.
/// </summary>
public sealed partial class LiveAttachments(IEnumerable<ILiveSource> sources, HtmlDocuments html)
{
    public async Task<List<LiveSourceOption>> Options(UserContext user, CancellationToken ct = default)
    {
        var options = new List<LiveSourceOption>();
        foreach (var source in sources) options.AddRange(await source.Options(user, ct));
        return options;
    }

    public async Task<LiveRendering?> Render(string key, CancellationToken ct = default)
    {
        if (key.Split(':', 2) is not [var kind, var slug] || sources.FirstOrDefault(s => s.Kind == kind) is not { } source) return null;
        if (await source.Render(slug, ct) is not { } fragment) return null;
        return new LiveRendering(fragment.Title, HtmlDocuments.Wrap(fragment.Title, fragment.BodyHtml, html.Css()), PlainText(fragment.BodyHtml),
            StoredFile.Hash(System.Text.Encoding.UTF8.GetBytes(fragment.BodyHtml)));
    }

    static string PlainText(string html) =>
        System.Net.WebUtility.HtmlDecode(Spaces().Replace(Tags().Replace(html, " "), " ")).Trim();

    [GeneratedRegex("<[^>]+>")] private static partial Regex Tags();
    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();
}
