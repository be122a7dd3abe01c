namespace Samraad.Common;

/// <summary>
/// A kind of data a meeting's live attachment can show (a collection's summary, a contract's status report …).
/// Each source lives in the feature that owns the data and is found through DI, so Meetings renders attachments
/// without knowing the features behind them. A source key is "Kind:slug".
/// </summary>
public interface ILiveSource
{
    /// <summary>The first part of the source keys this source renders, e.g. "collection-summary".</summary>
    string Kind { get; }

    /// <summary>What the user may attach from this source (only what the user administers).</summary>
    Task<IReadOnlyList<LiveSourceOption>> Options(UserContext user, CancellationToken ct = default);

    /// <summary>The data as printable HTML now, or null when it no longer exists. Contains no clock time, so the same
    /// data gives the same fingerprint.</summary>
    Task<LiveFragment?> Render(string slug, CancellationToken ct = default);
}

/// <summary>A source a live attachment can show: its key ("collection-summary:akutfunktioner-2024") and title.</summary>
public sealed record LiveSourceOption(string Key, string Title);

/// <summary>A source rendered now: its title and the HTML of its body (without the document around it).</summary>
public sealed record LiveFragment(string Title, string BodyHtml);
