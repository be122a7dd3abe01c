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

    /// <summary>The title with the body's name in front, unless the title already names it ("Møde i KKR Sjælland").</summary>
    public string FullTitle => Body is null || Title.Contains(Body.Name, StringComparison.OrdinalIgnoreCase) ? Title : $"{Body.Name}: {Title}";

    /// <summary>Whether the meeting is listed for a user: a draft only for those who run it (needs Body loaded).</summary>
    public bool ListedFor(UserContext user) => Status != MeetingStatus.Draft || Access.CanAdminister(user, Body!.OrganisationId);

    /// <summary>Decisions can be recorded until the minutes are approved; after that only addenda.</summary>
    public string? MinutesLockedReason => Status == MeetingStatus.MinutesApproved
        ? $"Referatet blev godkendt {DanishTime.Format(MinutesApprovedAtUtc!.Value)} og kan ikke ændres. Tilføj en rettelse som et dateret tillæg."
        : null;

    /// <summary>Publishing (again) is allowed until the meeting is held: null, or why not.</summary>
    public string? PublishRefused => Status is MeetingStatus.Held or MeetingStatus.MinutesApproved
        ? "Mødet er afholdt; dagsordenen kan ikke offentliggøres igen." : null;

    public Outcome<Meeting> Publish()
    {
        if (PublishRefused is { } why) return Outcome<Meeting>.Fail(Problem.Conflict, why);
        Status = MeetingStatus.Published;
        return Outcome<Meeting>.Success(this);
    }

    /// <summary>Only a meeting whose agenda was published can have been held.</summary>
    public Outcome<Meeting> MarkHeld()
    {
        if (Status != MeetingStatus.Published)
            return Outcome<Meeting>.Fail(Problem.Conflict, "Kun et møde med offentliggjort dagsorden kan markeres som afholdt.");
        Status = MeetingStatus.Held;
        return Outcome<Meeting>.Success(this);
    }

    /// <summary>Approves the minutes of a held meeting in which every item has a decision; after that they are append-only.</summary>
    public Outcome<Meeting> ApproveMinutes(string by, DateTime nowUtc)
    {
        if (MinutesLockedReason is { } locked) return Outcome<Meeting>.Fail(Problem.Locked, locked);
        if (Status != MeetingStatus.Held) return Outcome<Meeting>.Fail(Problem.Conflict, "Marker mødet som afholdt, før referatet godkendes.");
        var missing = Items.Where(i => i.Outcome == DecisionOutcome.None).OrderBy(i => AgendaItem.SortKey(i.Number))
            .Select(i => new FieldError($"decision-{i.Number}", $"Punkt {i.Number} mangler en beslutning")).ToList();
        if (missing.Count > 0) return Outcome<Meeting>.Fail(Problem.Invalid, "Referatet er ikke godkendt.", missing);
        Status = MeetingStatus.MinutesApproved;
        MinutesApprovedAtUtc = nowUtc;
        MinutesApprovedBy = by;
        return Outcome<Meeting>.Success(this);
    }

    public static string StatusLabel(MeetingStatus status) => status switch
    {
        MeetingStatus.Draft => "Kladde",
        MeetingStatus.Published => "Dagsorden offentliggjort",
        MeetingStatus.Held => "Afholdt",
        MeetingStatus.MinutesApproved => "Referat godkendt",
        _ => status.ToString(),
    };
}
