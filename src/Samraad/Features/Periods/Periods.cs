using System.Text.RegularExpressions;

// In the root namespace, like DanishTime: collections and key figure sets both repeat per period.
namespace Samraad;

public enum PeriodKind { Year, HalfYear, Quarter, Month }

/// <summary>
/// Periods as their sortable keys: "2023", "2023-H1", "2023-K3", "2023-03". A collection or a key figure set repeats per period of one
/// kind between a first and a last period; "forrige" in a formula means the period before.
/// </summary>
public static partial class Periods
{
    static int PerYear(PeriodKind kind) => kind switch { PeriodKind.Year => 1, PeriodKind.HalfYear => 2, PeriodKind.Quarter => 4, _ => 12 };

    /// <summary>The period as (year, index within the year from 1), or null when the key is not of this kind.</summary>
    public static (int Year, int Index)? Parse(PeriodKind kind, string? key)
    {
        var m = Key().Match(key?.Trim() ?? "");
        if (!m.Success || !int.TryParse(m.Groups["y"].Value, out var year) || year is < 1900 or > 2200) return null;
        var rest = m.Groups["r"].Value;
        return kind switch
        {
            PeriodKind.Year when rest == "" => (year, 1),
            PeriodKind.HalfYear when rest is "H1" or "H2" => (year, rest[1] - '0'),
            PeriodKind.Quarter when rest is "K1" or "K2" or "K3" or "K4" => (year, rest[1] - '0'),
            PeriodKind.Month when int.TryParse(rest, out var month) && rest.Length == 2 && month is >= 1 and <= 12 => (year, month),
            _ => null,
        };
    }

    public static string Format(PeriodKind kind, int year, int index) => kind switch
    {
        PeriodKind.Year => $"{year}",
        PeriodKind.HalfYear => $"{year}-H{index}",
        PeriodKind.Quarter => $"{year}-K{index}",
        _ => $"{year}-{index:D2}",
    };

    public static string? Previous(PeriodKind kind, string key) => Parse(kind, key) is var (year, index)
        ? index > 1 ? Format(kind, year, index - 1) : Format(kind, year - 1, PerYear(kind))
        : null;

    /// <summary>Every period from first to last, inclusive, in order.</summary>
    public static List<string> Range(PeriodKind kind, string first, string last)
    {
        var result = new List<string>();
        if (Parse(kind, first) is not var (y, i) || Parse(kind, last) is null) return result;
        for (var key = Format(kind, y, i); string.CompareOrdinal(key, last) <= 0 && result.Count < 1000; )
        {
            result.Add(key);
            (y, i) = i < PerYear(kind) ? (y, i + 1) : (y + 1, 1);
            key = Format(kind, y, i);
        }
        return result;
    }

    /// <summary>The period in Danish: "2023", "1. halvår 2023", "3. kvartal 2023", "marts 2023".</summary>
    public static string Label(PeriodKind kind, string key) => Parse(kind, key) is var (year, index)
        ? kind switch
        {
            PeriodKind.Year => $"{year}",
            PeriodKind.HalfYear => $"{index}. halvår {year}",
            PeriodKind.Quarter => $"{index}. kvartal {year}",
            _ => $"{DanishTime.Culture.DateTimeFormat.GetMonthName(index)} {year}",
        }
        : key;

    public static string Example(PeriodKind kind) => kind switch
    {
        PeriodKind.Year => "2024", PeriodKind.HalfYear => "2024-H1", PeriodKind.Quarter => "2024-K1", _ => "2024-03",
    };

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?<r>H[12]|K[1-4]|\d{2}))?$")]
    private static partial Regex Key();
}
