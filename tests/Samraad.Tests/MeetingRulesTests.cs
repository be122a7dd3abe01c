using Samraad.Features.Meetings;

namespace Samraad.Tests;

public class WorkingDaysTests
{
    [Fact]
    public void Danish_public_holidays_of_2024_follow_Easter_and_no_longer_include_store_bededag()
    {
        Assert.Equal(new DateOnly(2024, 3, 31), WorkingDays.EasterSunday(2024));
        Assert.Equal(new DateOnly(2025, 4, 20), WorkingDays.EasterSunday(2025));
        var holidays = WorkingDays.Holidays(2024).Order().ToList();
        Assert.Equal(new[] { "01-01", "03-28", "03-29", "03-31", "04-01", "05-09", "05-19", "05-20", "12-25", "12-26" },
            holidays.Select(d => d.ToString("MM-dd")));
        Assert.Contains(new DateOnly(2023, 5, 5), WorkingDays.Holidays(2023)); // store bededag until 2023
        Assert.True(WorkingDays.IsWorkingDay(new DateOnly(2024, 4, 26)));    // what would have been store bededag
        Assert.False(WorkingDays.IsWorkingDay(new DateOnly(2024, 4, 13)));   // a Saturday
    }

    [Theory]
    [InlineData("2024-04-12", 4, "2024-04-08")] // Friday meeting: agenda out by Monday
    [InlineData("2024-04-12", 3, "2024-04-09")] // material by Tuesday
    [InlineData("2024-04-04", 4, "2024-03-26")] // after Easter: skærtorsdag, langfredag, 2. påskedag do not count
    [InlineData("2024-05-13", 4, "2024-05-06")] // Monday after Kristi himmelfart (Thursday 9 May)
    public void Deadlines_count_back_working_days(string meeting, int days, string latest) =>
        Assert.Equal(DateOnly.Parse(latest), WorkingDays.Before(DateOnly.Parse(meeting), days));
}

public class MeetingRulesTests
{
    static Meeting At(string localStart) => new() { StartsAtUtc = DanishTime.ParseLocal(localStart)!.Value, Status = MeetingStatus.Draft };

    [Fact]
    public void A_late_agenda_and_late_material_are_warned_about_not_blocked()
    {
        var m = At("2024-04-12T10:00");
        var published = DanishTime.ParseLocal("2024-04-09T15:00")!.Value;
        var warnings = MeetingRules.Warnings(m, published, published, published);
        Assert.Contains(warnings, w => w.Contains("efter fristen mandag den 8. april 2024") && w.Contains("§ 8, stk. 4"));
        Assert.DoesNotContain(warnings, w => w.StartsWith("Materialet")); // Tuesday is still in time for material
        var onTime = DanishTime.ParseLocal("2024-04-08T12:00")!.Value;
        Assert.Empty(MeetingRules.Warnings(m, onTime, onTime, onTime));
    }

    [Fact]
    public void An_unpublished_agenda_past_its_deadline_is_warned_about()
    {
        var warnings = MeetingRules.Warnings(At("2024-04-12T10:00"), null, null, DanishTime.ParseLocal("2024-04-10T09:00")!.Value);
        Assert.Contains(warnings, w => w.StartsWith("Dagsordenen skulle være offentliggjort senest mandag den 8. april 2024"));
    }

    [Fact]
    public void A_closed_item_needs_a_reason_and_a_public_summary()
    {
        var m = At("2024-04-12T10:00");
        m.Items.Add(new AgendaItem { Number = "2.8", Title = "Personsag", IsClosed = true });
        var warnings = MeetingRules.Warnings(m, null, null, DanishTime.ParseLocal("2024-04-01T09:00")!.Value);
        Assert.Contains("Punkt 2.8 er lukket, men begrundelsen for at lukke det mangler (§ 10).", warnings);
        Assert.Contains(warnings, w => w.Contains("mangler et offentligt resumé"));
    }

    [Fact]
    public void Approved_minutes_are_locked_with_a_reason()
    {
        var m = At("2024-04-12T10:00");
        Assert.Null(m.MinutesLockedReason);
        m.Status = MeetingStatus.MinutesApproved;
        m.MinutesApprovedAtUtc = DanishTime.ParseLocal("2024-04-20T12:00");
        Assert.Contains("tillæg", m.MinutesLockedReason);
    }

    [Fact]
    public void A_task_is_overdue_only_while_open_and_past_its_due_date()
    {
        var task = new FollowUpTask { DueDate = new DateOnly(2024, 6, 30), State = TaskState.Open };
        Assert.False(task.IsOverdue(new DateOnly(2024, 6, 30)));
        Assert.True(task.IsOverdue(new DateOnly(2024, 7, 1)));
        task.State = TaskState.Done;
        Assert.False(task.IsOverdue(new DateOnly(2024, 7, 1)));
    }

    [Fact]
    public void Item_numbers_sort_numerically()
    {
        var sorted = new[] { "2.10", "2.9", "2.3", "10.1" }.OrderBy(AgendaItem.SortKey);
        Assert.Equal(["2.3", "2.9", "2.10", "10.1"], sorted);
    }
}

public class AgendaSnapshotTests
{
    static AgendaItem Item(string number, string title, string text = "x", params (int Id, string Title)[] attachments)
    {
        var i = new AgendaItem { Number = number, Title = title, Kind = ItemKind.Beslutningssag, CaseText = text };
        foreach (var (id, t) in attachments) i.Attachments.Add(new Attachment { Id = id, Title = t });
        return i;
    }

    [Fact]
    public void Republishing_lists_what_changed()
    {
        var v1 = AgendaSnapshot.Of([Item("2.7", "Akut", "a", (1, "Sammendrag")), Item("2.8", "Skole")], new Dictionary<int, string> { [1] = "aaa" });
        var v2 = AgendaSnapshot.Of([Item("2.7", "Akut", "b", (1, "Sammendrag")), Item("2.9", "Lånepulje")], new Dictionary<int, string> { [1] = "bbb" });
        var changes = AgendaSnapshot.Changes(AgendaSnapshot.FromJson(v1.ToJson()), v2);
        Assert.Equal([
            "Punkt 2.8 Beslutningssag: Skole er udgået.",
            "Punkt 2.7: sagsfremstilling, indstilling eller resumé er ændret.",
            "Punkt 2.7: bilag »Sammendrag« er opdateret (nye data).",
            "Punkt 2.9 Beslutningssag: Lånepulje er tilføjet.",
        ], changes);
        Assert.Equal(["Første offentliggørelse."], AgendaSnapshot.Changes(null, v2));
    }
}
