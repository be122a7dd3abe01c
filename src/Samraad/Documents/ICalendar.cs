using System.Text;

namespace Samraad.Documents;

/// <summary>
/// An iCalendar feed (RFC 5545) that calendar apps subscribe to: one VEVENT per meeting. Text is escaped (\\ ; , and
/// line breaks), lines are folded at 75 octets without splitting a UTF-8 character, times are UTC, and each event's
/// UID is stable so a moved meeting moves in the subscriber's calendar instead of appearing twice.
/// </summary>
public static class ICalendar
{
    /// <summary>One meeting in the feed.</summary>
    public sealed record Event(string Uid, DateTime StartUtc, DateTime EndUtc, string Summary, string? Location, string? Description, string? Url,
        DateTime ChangedUtc, bool Cancelled = false);

    public static string Write(string calendarName, IEnumerable<Event> events, DateTime nowUtc)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Samraad//Moeder//DA", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Escape(calendarName), "X-WR-TIMEZONE:Europe/Copenhagen",
        };
        foreach (var e in events)
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add("UID:" + Escape(e.Uid));
            lines.Add("DTSTAMP:" + Utc(nowUtc));
            lines.Add("LAST-MODIFIED:" + Utc(e.ChangedUtc));
            lines.Add("DTSTART:" + Utc(e.StartUtc));
            lines.Add("DTEND:" + Utc(e.EndUtc));
            lines.Add("SUMMARY:" + Escape(e.Summary));
            if (!string.IsNullOrWhiteSpace(e.Location)) lines.Add("LOCATION:" + Escape(e.Location));
            if (!string.IsNullOrWhiteSpace(e.Description)) lines.Add("DESCRIPTION:" + Escape(e.Description));
            if (!string.IsNullOrWhiteSpace(e.Url)) lines.Add("URL:" + e.Url);
            lines.Add("STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
            lines.Add("END:VEVENT");
        }
        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines) text.Append(Fold(line)).Append("\r\n");
        return text.ToString();
    }

    static string Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>TEXT values: backslash, semicolon and comma escaped, line breaks as \n; control characters dropped.</summary>
    public static string Escape(string value)
    {
        var s = new StringBuilder(value.Length);
        foreach (var c in value.Replace("\r\n", "\n"))
            s.Append(c switch
            {
                '\\' => "\\\\", ';' => "\\;", ',' => "\\,", '\n' => "\\n",
                _ when char.IsControl(c) => "",
                _ => c.ToString(),
            });
        return s.ToString();
    }

    /// <summary>Folds a content line after at most 75 octets; a continuation starts with a space.</summary>
    public static string Fold(string line)
    {
        var result = new StringBuilder();
        var octets = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var bytes = Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            if (octets + bytes > 75) { result.Append("\r\n "); octets = 1; }
            result.Append(line, i, width);
            octets += bytes;
            i += width - 1;
        }
        return result.ToString();
    }
}
