namespace Samraad.Features.Meetings;

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
