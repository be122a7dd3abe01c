namespace Samraad.Features.Notifications;

/// <summary>
/// When reminders fall: N days before a deadline at 9:00 Danish time (summer or winter), for the
/// days chosen (a collection: "7, 1" by default; a task: a week before and on the day). Plain functions of the deadline and the clock.
/// </summary>
public static class ReminderSchedule
{
    public const string DefaultDays = "7,1";
    public const int ReminderHour = 9;
    public const int MaxDays = 60;

    /// <summary>The moment of the reminder N days before <paramref name="deadlineUtc"/>: that local date at 9:00 Copenhagen time.</summary>
    public static DateTime MomentUtc(DateTime deadlineUtc, int daysBefore) =>
        DanishTime.ToUtc(DanishTime.ToLocal(deadlineUtc).Date.AddDays(-daysBefore).AddHours(ReminderHour));

    /// <summary>
    /// The reminder due now, if any: the one closest to the deadline whose moment has passed — so a respondent is not
    /// sent the 7-day reminder after the 1-day one's time — and never one whose moment was before the collection
    /// opened (the invitation said it all) or once the deadline has passed.
    /// </summary>
    public static int? Due(IReadOnlyList<int> days, DateTime opensUtc, DateTime deadlineUtc, DateTime nowUtc)
    {
        if (nowUtc >= deadlineUtc || nowUtc < opensUtc) return null;
        foreach (var n in days.Order())
        {
            var moment = MomentUtc(deadlineUtc, n);
            if (moment <= nowUtc) return moment >= opensUtc && moment < deadlineUtc ? n : null;
        }
        return null;
    }

    /// <summary>"7, 1" → [7, 1]; empty → none; or the Danish reason it cannot be read.</summary>
    public static (List<int>? Days, string? Error) Parse(string? text)
    {
        var parts = (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries);
        var days = new List<int>();
        foreach (var p in parts)
        {
            if (!int.TryParse(p, out var n) || n < 1 || n > MaxDays)
                return (null, $"»{p}« er ikke et antal dage mellem 1 og {MaxDays}. Skriv fx 7, 1");
            if (!days.Contains(n)) days.Add(n);
        }
        if (days.Count > 5) return (null, "Højst fem påmindelser");
        return (days.OrderDescending().ToList(), null);
    }

    public static List<int> Days(string? stored) => Parse(stored).Days ?? [];
    public static string Format(IEnumerable<int> days) => string.Join(", ", days.OrderDescending());
}
