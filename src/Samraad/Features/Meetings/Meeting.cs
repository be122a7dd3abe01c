namespace Samraad.Features.Meetings;

public enum MeetingStatus { Draft, Published, Held, MinutesApproved }

/// <summary>
/// A meeting of a body. Status moves draft → published → held → minutes approved; approved minutes are
/// append-only (corrections are dated addenda).
/// </summary>
public class Meeting
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public int BodyId { get; set; }
    public Body? Body { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Start, stored UTC; entered and shown in Danish time.</summary>
    public DateTime StartsAtUtc { get; set; }
    public string Place { get; set; } = "";
    public MeetingStatus Status { get; set; }
    /// <summary>Which details are invented for the demo (e.g. date and place), shown wherever the meeting is.</summary>
    public string? DemoNote { get; set; }
    public DateTime? MinutesApprovedAtUtc { get; set; }
    public string? MinutesApprovedBy { get; set; }
    public List<AgendaItem> Items { get; set; } = new();
    public List<Attendance> Attendance { get; set; } = new();
    public List<MinutesAddendum> Addenda { get; set; } = new();

    public DateOnly Date => DateOnly.FromDateTime(DanishTime.ToLocal(StartsAtUtc));

    /// <summary>Decisions can be recorded until the minutes are approved; after that only addenda.</summary>
    public string? MinutesLockedReason => Status == MeetingStatus.MinutesApproved
        ? $"Referatet blev godkendt {DanishTime.Format(MinutesApprovedAtUtc!.Value)} og kan ikke ændres. Tilføj en rettelse som et dateret tillæg."
        : null;

    public static string StatusLabel(MeetingStatus status) => status switch
    {
        MeetingStatus.Draft => "Kladde",
        MeetingStatus.Published => "Dagsorden offentliggjort",
        MeetingStatus.Held => "Afholdt",
        MeetingStatus.MinutesApproved => "Referat godkendt",
        _ => status.ToString(),
    };
}

/// <summary>Whether a member attended.</summary>
public class Attendance
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int BodyMemberId { get; set; }
    public BodyMember? Member { get; set; }
    public bool Present { get; set; }
    public string? Note { get; set; }
}

/// <summary>A dated correction to approved minutes (§ 13 practice: the approved text itself never changes).</summary>
public class MinutesAddendum
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int? AgendaItemId { get; set; }
    public string Text { get; set; } = "";
    public DateTime AtUtc { get; set; }
    public string By { get; set; } = "";
}
