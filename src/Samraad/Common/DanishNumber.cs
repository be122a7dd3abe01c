using System.Globalization;
using System.Text.RegularExpressions;

namespace Samraad.Common;

/// <summary>
/// Danish numbers, one rule for every path that reads a number a person wrote (forms, API text values, entered
/// figures): "." groups thousands in threes and "," is the decimal mark. "1.250" is 1250, "1.250,50" is 1250,5,
/// "1,25" is 1,25, "2.500.000" is 2500000. A number whose dots are not thousands groups ("1.25.0", "12.50") is
/// refused with a message saying how to write it — never guessed, since "12.50" could mean 1250 or 12,5.
/// Spaces (also no-break spaces) are ignored, a leading sign is allowed. JSON numbers are not text: the API turns
/// them into this notation first (<see cref="FromInvariant"/>).
/// </summary>
public static partial class DanishNumber
{
    public const string HowToWrite = "skriv tusinder med punktum og decimaler med komma, fx 1.250.000 eller 12,5";

    /// <summary>The number, or null; <paramref name="malformed"/> says how to write it when the text looked like a
    /// number with its dots or commas in the wrong places.</summary>
    public static decimal? Parse(string? text, out string? malformed)
    {
        malformed = null;
        var t = text?.Replace(" ", "").Replace("\u00a0", "").Replace('\u2212', '-').Trim();
        if (string.IsNullOrEmpty(t)) return null;
        if (!Valid().IsMatch(t))
        {
            if (NumberLike().IsMatch(t)) malformed = $"»{text!.Trim()}« er ikke skrevet som et dansk tal: {HowToWrite}";
            return null;
        }
        var invariant = t.Replace(".", "").Replace(',', '.');
        return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value : null;
    }

    public static decimal? Parse(string? text) => Parse(text, out _);

    /// <summary>A machine number (JSON, "12.5", "1E3") written the Danish way without grouping ("12,5", "1000").</summary>
    public static string? FromInvariant(string raw) =>
        decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d.ToString(CultureInfo.GetCultureInfo("da-DK")) : null;

    [GeneratedRegex(@"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")] private static partial Regex Valid();
    [GeneratedRegex(@"^[+-]?[\d.,]*\d[\d.,]*$")] private static partial Regex NumberLike();
}
