namespace Samraad.Features.Meetings;

public enum TaskState { Open, Done }

/// <summary>A follow-up task created by a decision: who does what by when, until closed.</summary>
public class FollowUpTask
{
    public int Id { get; set; }
    public int AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    public string Text { get; set; } = "";
    public int? OwnerOrganisationId { get; set; }
    public Reference.Organisation? OwnerOrganisation { get; set; }
    public string? OwnerPerson { get; set; }
    public DateOnly DueDate { get; set; }
    public TaskState State { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    public string? ClosedBy { get; set; }

    public bool IsOverdue(DateOnly today) => State == TaskState.Open && DueDate < today;

    /// <summary>
    /// Whether the user acts for the organisation that owns the task (and so may close it): its staff, not a council
    /// member who merely belongs to it — a member reads its body's tasks.
    /// </summary>
    public bool OwnedBy(UserContext user) => user.Role is Roles.Secretariat or Roles.Respondent or Roles.LocalAdmin && user.OrganisationId is int org && org == OwnerOrganisationId;

    /// <summary>
    /// The tasks a user may see, as a query: those of the bodies the user administers, those the user's organisation
    /// owns (<see cref="OwnedBy"/>), and a member's own body's tasks on items that are not closed.
    /// </summary>
    public static IQueryable<FollowUpTask> VisibleTo(IQueryable<FollowUpTask> tasks, UserContext user)
    {
        if (user.IsAdmin) return tasks;
        var org = user.OrganisationId ?? -1;
        var administers = user.Role == Roles.Secretariat;
        var owns = user.Role is Roles.Secretariat or Roles.Respondent or Roles.LocalAdmin;
        var reads = user.Role == Roles.Reader;
        return tasks.Where(t => (administers && t.AgendaItem!.Meeting!.Body!.OrganisationId == org)
            || (owns && t.OwnerOrganisationId == org)
            || (reads && t.AgendaItem!.Meeting!.Body!.OrganisationId == org && !t.AgendaItem.IsClosed));
    }
}
