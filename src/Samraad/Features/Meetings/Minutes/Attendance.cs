namespace Samraad.Features.Meetings;

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
