using System.Globalization;
using System.Text.RegularExpressions;

namespace Samraad.Features.Collections.Forms;

/// <summary>A stored answer: a canonical value, or a missing code ("ved-ikke"), never both.</summary>
public sealed record AnswerValue(string? Value, string? Missing = null)
{
    public bool IsEmpty => Value is null && Missing is null;
}

/// <summary>
/// Turns what a user typed into the canonical stored form of a value and back into Danish display text.
/// Canonical forms: "ja"/"nej"; integers; decimals with "." ; amounts as whole øre; dates as yyyy-MM-dd; choice option keys.
/// </summary>
public static partial class FieldValues
{
    static readonly CultureInfo Da = CultureInfo.GetCultureInfo("da-DK");
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Parses user input for a value spec; returns the canonical value or a Danish error naming the field.</summary>
    public static (string? Canonical, string? Error) Parse(ValueSpec spec, string label, string? raw)
    {
        var text = raw?.Replace("\r\n", "\n").Trim();
        if (string.IsNullOrEmpty(text) || (spec.Type != FieldType.Text && text is "-" or "–")) return (null, null);
        return spec.Type switch
        {
            FieldType.YesNo => ParseYesNo(label, text),
            FieldType.Integer => CheckRange(spec, label, ParseInteger(text), n => n.ToString(Inv), NotANumber(label, text, $"{label} skal være et helt tal, fx 12")),
            FieldType.Decimal => CheckRange(spec, label, ParseDecimal(text), n => n.ToString(Inv), NotANumber(label, text, $"{label} skal være et tal, fx 12,5")),
            FieldType.Percent => ParsePercent(spec, label, text),
            FieldType.Amount => ParseAmount(spec, label, text),
            FieldType.Date => ParseDate(label, text),
            FieldType.Choice => ParseChoice(spec, label, text),
            FieldType.MultiChoice => ParseChoices(spec, label, text),
            FieldType.Text => spec.MaxLength is int max && text.Length > max
                ? (null, $"{label} må højst være {max.ToString("N0", Da)} tegn (der er skrevet {text.Length.ToString("N0", Da)})")
                : (text, null),
            _ => (null, $"{label} kan ikke udfyldes direkte"),
        };
    }

    static (string?, string?) ParseYesNo(string label, string text) => text.ToLowerInvariant() switch
    {
        "ja" or "true" or "j" => ("ja", null),
        "nej" or "false" or "n" => ("nej", null),
        _ => (null, $"{label} skal besvares med Ja eller Nej"),
    };

    static (string?, string?) ParseChoice(ValueSpec spec, string label, string text)
    {
        var option = spec.ResolvedOptions.FirstOrDefault(o => o.Key == text)
                     ?? spec.ResolvedOptions.FirstOrDefault(o => string.Equals(o.Label, text, StringComparison.CurrentCultureIgnoreCase));
        if (option is not null) return (option.Key, null);
        var allowed = string.Join(", ", spec.ResolvedOptions.Select(o => $"»{o.Label}«"));
        return (null, $"Svaret »{text}« findes ikke til {label}. Vælg mellem {allowed}");
    }

    /// <summary>Between the chosen option keys of a multi-select, stored and sent (API: a JSON array is joined with it).</summary>
    public const char ChoiceSeparator = ';';

    /// <summary>The chosen option keys of a stored multi-select value.</summary>
    public static IReadOnlyList<string> Choices(string? canonical) =>
        canonical is null ? [] : canonical.Split(ChoiceSeparator, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Several options, by key or label, separated by ";" (a page's checkboxes, an API array): each must be an
    /// option, an exclusive one ("Ingen af delene") stands alone, and the count lies within min/max choices.
    /// Stored in the scale's order, each once.
    /// </summary>
    static (string?, string?) ParseChoices(ValueSpec spec, string label, string text)
    {
        var chosen = new HashSet<string>();
        foreach (var part in text.Split([ChoiceSeparator, '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var option = spec.ResolvedOptions.FirstOrDefault(o => o.Key == part)
                         ?? spec.ResolvedOptions.FirstOrDefault(o => string.Equals(o.Label, part, StringComparison.CurrentCultureIgnoreCase));
            if (option is null)
                return (null, $"Svaret »{part}« findes ikke til {label}. Vælg blandt {string.Join(", ", spec.ResolvedOptions.Select(o => $"»{o.Label}«"))}");
            chosen.Add(option.Key);
        }
        if (chosen.Count == 0) return (null, null);
        var ordered = spec.ResolvedOptions.Where(o => chosen.Contains(o.Key)).ToList();
        if (ordered.Count > 1 && ordered.FirstOrDefault(o => o.Exclusive) is { } alone)
            return (null, $"{label}: »{alone.Label}« kan ikke vælges sammen med andre svar");
        if (spec.MinChoices is int min && ordered.Count < min && !ordered.Any(o => o.Exclusive))
            return (null, $"{label}: vælg mindst {min} (der er valgt {ordered.Count})");
        if (spec.MaxChoices is int max && ordered.Count > max)
            return (null, $"{label}: vælg højst {max} (der er valgt {ordered.Count})");
        return (string.Join(ChoiceSeparator, ordered.Select(o => o.Key)), null);
    }

    static (string?, string?) ParsePercent(ValueSpec spec, string label, string text)
    {
        var number = ParseDecimal(text.TrimEnd('%', ' '));
        if (number is null) return (null, NotANumber(label, text.TrimEnd('%', ' '), $"{label} skal være en procentsats, fx 25 eller 12,5"));
        var max = spec.Max ?? 100m;
        if (number > max) return (null, $"{label} kan ikke være over {max.ToString("0.##", Da)} %");
        if (number < (spec.Min ?? 0m)) return (null, $"{label} kan ikke være under {(spec.Min ?? 0m).ToString("0.##", Da)} %");
        return (number.Value.ToString(Inv), null);
    }

    static (string?, string?) ParseAmount(ValueSpec spec, string label, string text)
    {
        var cleaned = AmountSuffix().Replace(text, "").Trim();
        var kroner = ParseDecimal(cleaned);
        if (kroner is null || decimal.Round(kroner.Value, 2) != kroner.Value)
            return (null, NotANumber(label, cleaned, $"{label} skal være et beløb i kroner, fx 1.250.000 eller 1250,50"));
        if (spec.Min is decimal min && kroner < min) return (null, $"{label} skal være mindst {min.ToString("N0", Da)} kr.");
        if (spec.Max is decimal max && kroner > max) return (null, $"{label} må højst være {max.ToString("N0", Da)} kr.");
        try { return (checked((long)(kroner.Value * 100)).ToString(Inv), null); }
        catch (OverflowException) { return (null, $"{label} er for stort et beløb"); }
    }

    static (string?, string?) ParseDate(string label, string text)
    {
        return DanishTime.ParseDate(text) is { } date
            ? (date.ToString("yyyy-MM-dd", Inv), null)
            : (null, $"{label} skal være en gyldig dato, fx 04-03-2024");
    }

    static (string?, string?) CheckRange<T>(ValueSpec spec, string label, T? number, Func<T, string> format, string typeError)
        where T : struct, IComparable<T>
    {
        if (number is null) return (null, typeError);
        var value = Convert.ToDecimal(number.Value, Inv);
        if (spec.Min is decimal min && value < min) return (null, $"{label} skal være mindst {min.ToString("0.##", Da)}");
        if (spec.Max is decimal max && value > max) return (null, $"{label} må højst være {max.ToString("0.##", Da)}");
        return (format(number.Value), null);
    }

    /// <summary>The message for text that is not a number: how to write a Danish number when its dots are misplaced.</summary>
    static string NotANumber(string label, string text, string otherwise)
    {
        DanishNumber.Parse(text, out var malformed);
        return malformed is null ? otherwise : $"{label}: {malformed}";
    }

    /// <summary>Whole numbers in Danish notation ("1.234"); see <see cref="DanishNumber"/>.</summary>
    internal static long? ParseInteger(string text) =>
        DanishNumber.Parse(text) is { } d && d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue ? (long)d : null;

    /// <summary>Decimals in Danish notation ("12,5", "1.234,5"); see <see cref="DanishNumber"/>.</summary>
    internal static decimal? ParseDecimal(string text) => DanishNumber.Parse(text);

    /// <summary>As <see cref="Display"/>, for a table cell: a date short ("04.03.2024"), as tables write dates.</summary>
    public static string TableDisplay(ValueSpec spec, string? canonical) =>
        spec.Type == FieldType.Date && DateOnly.TryParseExact(canonical, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var date)
            ? DanishTime.Short(date) : Display(spec, canonical);

    /// <summary>Danish display text of a canonical value ("Ja*", "1.250,50 kr.", "4. marts 2024").</summary>
    public static string Display(ValueSpec spec, string? canonical)
    {
        if (canonical is null) return "–";
        return spec.Type switch
        {
            FieldType.YesNo => canonical == "ja" ? "Ja" : canonical == "nej" ? "Nej" : canonical,
            FieldType.Integer => long.TryParse(canonical, Inv, out var n) ? n.ToString("N0", Da) : canonical,
            FieldType.Decimal => decimal.TryParse(canonical, Inv, out var d) ? d.ToString("#,##0.##########", Da) : canonical,
            FieldType.Percent => decimal.TryParse(canonical, Inv, out var p) ? p.ToString("0.##", Da) + " %" : canonical,
            FieldType.Amount => long.TryParse(canonical, Inv, out var ore) ? (ore / 100m).ToString("N2", Da) + " kr." : canonical,
            FieldType.Date => DateOnly.TryParseExact(canonical, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var date)
                ? date.ToString("d. MMMM yyyy", Da) : canonical,
            FieldType.Choice => spec.ResolvedOptions.FirstOrDefault(o => o.Key == canonical)?.Label ?? canonical,
            FieldType.MultiChoice => string.Join(", ", Choices(canonical).Select(k => spec.ResolvedOptions.FirstOrDefault(o => o.Key == k)?.Label ?? k)),
            _ => canonical,
        };
    }

    /// <summary>The canonical value as it is written back into a text input, in Danish notation.</summary>
    public static string InputText(ValueSpec spec, string? canonical)
    {
        if (canonical is null) return "";
        return spec.Type switch
        {
            FieldType.Integer => canonical,
            FieldType.Decimal or FieldType.Percent => decimal.TryParse(canonical, Inv, out var d) ? d.ToString("0.##########", Da) : canonical,
            FieldType.Amount => long.TryParse(canonical, Inv, out var ore) ? (ore / 100m).ToString("0.00", Da).Replace(",00", "") : canonical,
            FieldType.Date => DateOnly.TryParseExact(canonical, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var date)
                ? date.ToString("dd-MM-yyyy", Inv) : canonical,
            _ => canonical,
        };
    }

    /// <summary>A number for sums and means, or null when the type is not numeric. Amounts count in kroner.</summary>
    public static decimal? Number(ValueSpec spec, string? canonical)
    {
        if (canonical is null) return null;
        return spec.Type switch
        {
            FieldType.Integer or FieldType.Decimal or FieldType.Percent =>
                decimal.TryParse(canonical, NumberStyles.Number, Inv, out var d) ? d : null,
            FieldType.Amount => long.TryParse(canonical, Inv, out var ore) ? ore / 100m : null,
            _ => null,
        };
    }

    public static bool IsNumeric(FieldType type) =>
        type is FieldType.Integer or FieldType.Decimal or FieldType.Percent or FieldType.Amount;

    /// <summary>Answers counted per option: yes/no, choice and multi-select (where one respondent may count under several).</summary>
    public static bool IsCategorical(FieldType type) => type is FieldType.YesNo or FieldType.Choice or FieldType.MultiChoice;

    [GeneratedRegex(@"\s*(kr\.?|dkk)\s*$", RegexOptions.IgnoreCase)] private static partial Regex AmountSuffix();
}
