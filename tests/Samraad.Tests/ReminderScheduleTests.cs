using Samraad.Auth;
using Samraad.Features.Notifications;
using Samraad.Features.Reference;

namespace Samraad.Tests;

/// <summary>Reminders at 9:00 Copenhagen time N days before the deadline, across summer time; and who manages whose users.</summary>
public class ReminderScheduleTests
{
    static DateTime Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    [Fact]
    public void A_reminder_is_at_nine_Danish_time_in_winter_and_in_summer()
    {
        // Deadline 2 April 2026 12:00 CEST (10:00 UTC); summer time began 29 March.
        var deadline = Utc(2026, 4, 2, 10);
        Assert.Equal(Utc(2026, 4, 1, 7), ReminderSchedule.MomentUtc(deadline, 1));   // 1 April 09:00 CEST
        Assert.Equal(Utc(2026, 3, 26, 8), ReminderSchedule.MomentUtc(deadline, 7));  // 26 March 09:00 CET
        // Deadline 30 October 2026 23:59 CET; summer time ended 25 October.
        var autumn = Utc(2026, 10, 30, 22, 59);
        Assert.Equal(Utc(2026, 10, 29, 8), ReminderSchedule.MomentUtc(autumn, 1));
        Assert.Equal(Utc(2026, 10, 23, 7), ReminderSchedule.MomentUtc(autumn, 7));  // 23 October 09:00 CEST
    }

    [Fact]
    public void The_reminder_due_is_the_latest_passed_one_never_before_opening_nor_after_the_deadline()
    {
        int[] days = [7, 1];
        var opens = Utc(2026, 3, 1, 8);
        var deadline = Utc(2026, 4, 2, 10);
        Assert.Null(ReminderSchedule.Due(days, opens, deadline, Utc(2026, 3, 26, 7, 59)));
        Assert.Equal(7, ReminderSchedule.Due(days, opens, deadline, Utc(2026, 3, 26, 8)));
        Assert.Equal(7, ReminderSchedule.Due(days, opens, deadline, Utc(2026, 4, 1, 6, 59)));
        Assert.Equal(1, ReminderSchedule.Due(days, opens, deadline, Utc(2026, 4, 1, 7)));
        Assert.Null(ReminderSchedule.Due(days, opens, deadline, deadline));
        // Opened three days before the deadline: the 7-day reminder's time was before it opened; only the 1-day one comes.
        var late = Utc(2026, 3, 30, 8);
        Assert.Null(ReminderSchedule.Due(days, late, deadline, Utc(2026, 3, 31, 12)));
        Assert.Equal(1, ReminderSchedule.Due(days, late, deadline, Utc(2026, 4, 1, 7)));
        Assert.Null(ReminderSchedule.Due([], opens, deadline, Utc(2026, 4, 1, 7)));
    }

    [Theory]
    [InlineData("7, 1", "7, 1")]
    [InlineData("1 7 7", "7, 1")]
    [InlineData("", "")]
    public void Reminder_days_are_read_as_a_Danish_user_writes_them(string text, string expected) =>
        Assert.Equal(expected, ReminderSchedule.Format(ReminderSchedule.Parse(text).Days!));

    [Theory]
    [InlineData("syv")]
    [InlineData("0")]
    [InlineData("61")]
    [InlineData("1,2,3,4,5,6")]
    public void Reminder_days_that_cannot_be_used_are_refused_with_the_reason(string text)
    {
        var (days, error) = ReminderSchedule.Parse(text);
        Assert.Null(days);
        Assert.False(string.IsNullOrEmpty(error));
    }

    static UserContext User(string role, int? org) => new("id", "u", "U", role, org);

    [Fact]
    public void A_local_administrator_manages_its_own_organisation_only_and_a_secretariat_invites_to_its_respondents()
    {
        Assert.True(UserAccess.CanManage(User(Roles.LocalAdmin, 320), 320));
        Assert.False(UserAccess.CanManage(User(Roles.LocalAdmin, 320), 101));
        Assert.False(UserAccess.CanManage(User(Roles.Respondent, 320), 320));
        Assert.False(UserAccess.CanManage(User(Roles.Reader, 1), 1));
        Assert.True(UserAccess.CanManage(User(Roles.Admin, null), 101));
        Assert.False(UserAccess.CanManage(User(Roles.Secretariat, 1), 320));
        Assert.True(UserAccess.CanInvite(User(Roles.Secretariat, 1), 320, answersActorsCollections: true));
        Assert.False(UserAccess.CanInvite(User(Roles.Secretariat, 1), 320, answersActorsCollections: false));
        Assert.False(UserAccess.CanInvite(User(Roles.LocalAdmin, 320), 101, answersActorsCollections: true));
        Assert.Equal([Roles.Respondent, Roles.LocalAdmin], UserAccess.RolesFor(OrganisationKind.Kommune));
        Assert.Equal([Roles.Secretariat, Roles.Reader], UserAccess.RolesFor(OrganisationKind.Kkr));
        Assert.True(Roles.Answers(Roles.LocalAdmin));
    }

    [Fact]
    public void A_task_is_reminded_a_week_before_and_on_its_due_day_at_nine_Danish_time_never_before_it_was_created_or_after()
    {
        var days = Features.Meetings.Notices.SendTaskReminders.Days;
        var due = Features.Meetings.Notices.SendTaskReminders.DueEndUtc(new DateOnly(2026, 4, 2)); // summer time from 29 March
        var created = Utc(2026, 3, 1, 10);
        Assert.Null(ReminderSchedule.Due(days, created, due, Utc(2026, 3, 26, 7, 59)));   // 26 March 08:59 CET
        Assert.Equal(7, ReminderSchedule.Due(days, created, due, Utc(2026, 3, 26, 8)));   // 09:00 CET
        Assert.Equal(7, ReminderSchedule.Due(days, created, due, Utc(2026, 4, 2, 6, 59)));
        Assert.Equal(0, ReminderSchedule.Due(days, created, due, Utc(2026, 4, 2, 7)));    // the day itself, 09:00 CEST
        Assert.Equal(0, ReminderSchedule.Due(days, created, due, Utc(2026, 4, 2, 21, 59))); // 23:59 Danish time: still due
        Assert.Null(ReminderSchedule.Due(days, created, due, Utc(2026, 4, 2, 22)));       // the next day: overdue, no more mail
        // Created three days before: the week's reminder fell before the task existed (the assignment mail said it).
        Assert.Null(ReminderSchedule.Due(days, Utc(2026, 3, 30, 10), due, Utc(2026, 3, 31, 10)));
    }
}
