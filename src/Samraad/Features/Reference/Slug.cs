using System.Text;

namespace Samraad.Features.Reference;

/// <summary>Readable ASCII keys from Danish names: "Næstved" → "naestved", "KKR Sjælland" → "kkr-sjaelland".</summary>
public static class Slug
{
    public static string From(string name)
    {
        var sb = new StringBuilder();
        foreach (var ch in name.Trim().ToLowerInvariant())
        {
            var part = ch switch
            {
                'æ' => "ae", 'ø' => "oe", 'å' => "aa", 'é' or 'è' or 'ë' => "e", 'ü' => "u", 'ö' => "oe", 'ä' => "ae",
                _ when char.IsAsciiLetterOrDigit(ch) => ch.ToString(),
                _ => "-",
            };
            if (part == "-" && (sb.Length == 0 || sb[^1] == '-')) continue;
            sb.Append(part);
        }
        return sb.ToString().TrimEnd('-');
    }
}
