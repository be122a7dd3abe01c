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
}
