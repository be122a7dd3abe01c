namespace Samraad.Features.Meetings;

/// <summary>The kommunestyrelseslov rules that Samraad shows as warnings on a meeting (they do not block work).</summary>
public static class MeetingRules
{
    public const int AgendaWorkingDays = 4;
    public const int MaterialWorkingDays = 3;

    public static DateOnly LatestAgendaDate(Meeting m) => WorkingDays.Before(m.Date, AgendaWorkingDays);
    public static DateOnly LatestMaterialDate(Meeting m) => WorkingDays.Before(m.Date, MaterialWorkingDays);

    /// <summary>Danish warnings for the meeting as it stands, given when it was first published (if it was).</summary>
    public static List<string> Warnings(Meeting meeting, DateTime? firstPublishedUtc, DateTime? lastPublishedUtc, DateTime nowUtc)
    {
        var warnings = new List<string>();
        var agendaBy = LatestAgendaDate(meeting);
        var materialBy = LatestMaterialDate(meeting);
        var today = DateOnly.FromDateTime(DanishTime.ToLocal(nowUtc));
        string D(DateOnly d) => d.ToString("dddd 'den' d. MMMM yyyy", DanishTime.Culture);
        if (firstPublishedUtc is null && today > agendaBy && meeting.Status == MeetingStatus.Draft)
            warnings.Add($"Dagsordenen skulle være offentliggjort senest {D(agendaBy)} – 4 hverdage før mødet (kommunestyrelseslovens § 8, stk. 4).");
        if (firstPublishedUtc is DateTime first && DateOnly.FromDateTime(DanishTime.ToLocal(first)) > agendaBy)
            warnings.Add($"Dagsordenen blev offentliggjort {D(DateOnly.FromDateTime(DanishTime.ToLocal(first)))}, efter fristen {D(agendaBy)} (4 hverdage før mødet, § 8, stk. 4).");
        if (lastPublishedUtc is DateTime last && DateOnly.FromDateTime(DanishTime.ToLocal(last)) > materialBy)
            warnings.Add($"Materialet blev senest ændret {D(DateOnly.FromDateTime(DanishTime.ToLocal(last)))}, efter fristen {D(materialBy)} for materiale (3 hverdage før mødet, § 8, stk. 4).");
        foreach (var item in meeting.Items.Where(i => i.IsClosed))
        {
            if (string.IsNullOrWhiteSpace(item.ClosedReason))
                warnings.Add($"Punkt {item.Number} er lukket, men begrundelsen for at lukke det mangler (§ 10).");
            if (string.IsNullOrWhiteSpace(item.PublicSummary))
                warnings.Add($"Punkt {item.Number} er lukket, men mangler et offentligt resumé til den offentlige dagsorden og beslutningsprotokol.");
        }
        return warnings;
    }
}
