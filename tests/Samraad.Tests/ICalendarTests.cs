using System.Text;
using Samraad.Documents;

namespace Samraad.Tests;

public class ICalendarTests
{
    static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_meeting_becomes_one_event_with_utc_times_escaped_text_and_a_stable_uid()
    {
        var feed = ICalendar.Write("KKR Sjælland: møder", [new ICalendar.Event("kkr-2024@samraad", new DateTime(2024, 4, 12, 8, 0, 0, DateTimeKind.Utc),
            new DateTime(2024, 4, 12, 10, 0, 0, DateTimeKind.Utc), "Møde i KKR Sjælland", "Comwell, Køge; sal 2", "Linje 1\nLinje 2", "https://x.dk/m", Now)], Now);
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", feed);
        Assert.EndsWith("END:VCALENDAR\r\n", feed);
        Assert.Contains("\r\nDTSTART:20240412T080000Z\r\n", feed);
        Assert.Contains("\r\nDTEND:20240412T100000Z\r\n", feed);
        Assert.Contains("\r\nUID:kkr-2024@samraad\r\n", feed);
        Assert.Contains("\r\nLOCATION:Comwell\\, Køge\\; sal 2\r\n", feed);
        Assert.Contains("\r\nDESCRIPTION:Linje 1\\nLinje 2\r\n", feed);
        Assert.Single(feed.Split("BEGIN:VEVENT").Skip(1));
    }

    [Fact]
    public void Long_lines_fold_at_75_octets_without_splitting_a_danish_letter()
    {
        var folded = ICalendar.Fold("SUMMARY:" + string.Concat(Enumerable.Repeat("æøå", 40)));
        var lines = folded.Split("\r\n");
        Assert.True(lines.Length > 1);
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l));
        Assert.Equal("SUMMARY:" + string.Concat(Enumerable.Repeat("æøå", 40)), string.Concat(lines.Select((l, i) => i == 0 ? l : l[1..])));
    }
}
