using System.Globalization;

namespace Samraad.Common;

/// <summary>
/// Danish local time for people, UTC for storage. Windows and deadlines are entered and shown in
/// Europe/Copenhagen time (summer time included) and stored as UTC.
/// </summary>
public static class DanishTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("da-DK");

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>Converts a Danish wall-clock time to UTC. An hour skipped by summer time is moved forward.</summary>
    public static DateTime ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone);
    }

    /// <summary>"4. marts 2024 kl. 12.00"</summary>
    public static string Format(DateTime utc) => ToLocal(utc).ToString("d. MMMM yyyy 'kl.' HH.mm", Culture);

    // One style per context: tables and logs "04.03.2024 12.00", running text "4. marts 2024 kl. 12.00"; form fields
    // are typed and shown as "04-03-2024 12.00" (FormInput), the way their hints say, and ParseDate/ParseLocal take both.

    /// <summary>"04.03.2024 12.00" for tables and logs.</summary>
    public static string Short(DateTime utc) => ToLocal(utc).ToString("dd.MM.yyyy HH.mm", Culture);

    /// <summary>"04.03.2024" for a date in a table.</summary>
    public static string Short(DateOnly date) => date.ToString("dd.MM.yyyy", Culture);

    /// <summary>"04-03-2024 12.00": a time as a form field shows it and its hint writes it.</summary>
    public static string FormInput(DateTime utc) => ToLocal(utc).ToString("dd-MM-yyyy HH.mm", CultureInfo.InvariantCulture);

    public static string Date(DateTime utc) => ToLocal(utc).ToString("d. MMMM yyyy", Culture);

    /// <summary>A calendar date in text: "30. juni 2024".</summary>
    public static string Date(DateOnly date) => date.ToString("d. MMMM yyyy", Culture);

    /// <summary>A date as people write it: "2024-03-04", "4-3-2024", "04.03.2024", "4/3/2024", "4-3-24" (one rule for forms, imports and pages).</summary>
    public static DateOnly? ParseDate(string? text)
    {
        string[] formats = ["yyyy-MM-dd", "d-M-yyyy", "d.M.yyyy", "d/M/yyyy", "d-M-yy", "d.M.yy"];
        return DateOnly.TryParseExact(text?.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    /// <summary>Parses "2024-03-04T12:00" or "04-03-2024 12.00" as Danish local time and returns UTC.</summary>
    public static DateTime? ParseLocal(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "dd-MM-yyyy HH.mm", "dd-MM-yyyy HH:mm", "d-M-yyyy HH.mm", "d-M-yyyy HH:mm",
            "d.M.yyyy HH.mm", "d.M.yyyy HH:mm", "yyyy-MM-dd"];
        return DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? ToUtc(local) : null;
    }
}
