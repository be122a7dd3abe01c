using Samraad.Features.Collections;

namespace Samraad.Tests;

public class DanishTimeTests
{
    [Fact]
    public void Deadlines_are_Danish_time_summer_time_included()
    {
        // 15 May 2024 23:59 in Copenhagen is CEST (UTC+2).
        Assert.Equal(new DateTime(2024, 5, 15, 21, 59, 0, DateTimeKind.Utc), DanishTime.ParseLocal("15-05-2024 23.59"));
        // 4 March 2024 is winter time (UTC+1).
        Assert.Equal(new DateTime(2024, 3, 4, 22, 59, 0), DanishTime.ParseLocal("2024-03-04T23:59"));
        Assert.Equal("4. marts 2024 kl. 23.59", DanishTime.Format(new DateTime(2024, 3, 4, 22, 59, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void The_window_is_open_from_opening_to_deadline_inclusive()
    {
        var c = new Collection { OpensAtUtc = DanishTime.ParseLocal("01-05-2024 00.00")!.Value, DeadlineUtc = DanishTime.ParseLocal("15-05-2024 23.59")!.Value };
        Assert.True(c.IsOpen(c.DeadlineUtc));
        Assert.False(c.IsOpen(c.DeadlineUtc.AddSeconds(1)));
        Assert.Contains("Fristen udløb 15. maj 2024 kl. 23.59", c.ClosedReason(c.DeadlineUtc.AddMinutes(1)));
        Assert.Contains("åbner 1. maj 2024", c.ClosedReason(c.OpensAtUtc.AddMinutes(-1)));
    }
}
