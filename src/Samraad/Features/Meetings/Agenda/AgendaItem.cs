namespace Samraad.Features.Meetings;

public enum ItemKind { Temadroeftelse, Beslutningssag, Orienteringssag }

public enum DecisionOutcome { None, Approved, NotApproved, Postponed, Noted }

/// <summary>A numbered case on a meeting's agenda ("2.7 Beslutningssag: …").</summary>
public class AgendaItem
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    /// <summary>"2.7": unique within the meeting; sorts numerically part by part.</summary>
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public ItemKind Kind { get; set; }
    /// <summary>Sagsfremstilling.</summary>
    public string CaseText { get; set; } = "";
    /// <summary>Indstilling.</summary>
    public string Recommendation { get; set; } = "";
    /// <summary>Beslutning, recorded at the meeting.</summary>
    public string? Decision { get; set; }
    public DecisionOutcome Outcome { get; set; }
    /// <summary>A closed item (lukket punkt, § 10): only members see its content; the public sees the summary.</summary>
    public bool IsClosed { get; set; }
    public string? ClosedReason { get; set; }
    public string? PublicSummary { get; set; }
    public List<Attachment> Attachments { get; set; } = new();
    public List<FollowUpTask> Tasks { get; set; } = new();

    /// <summary>"2.7 Beslutningssag: Ensartet ibrugtagning …", as the seed heads its pages.</summary>
    public string Heading => $"{Number} {KindLabel(Kind)}: {Title}";

    public static string KindLabel(ItemKind kind) => kind switch
    {
        ItemKind.Temadroeftelse => "Temadrøftelse",
        ItemKind.Beslutningssag => "Beslutningssag",
        _ => "Orienteringssag",
    };

    public static string OutcomeLabel(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Approved => "Godkendt",
        DecisionOutcome.NotApproved => "Ikke godkendt",
        DecisionOutcome.Postponed => "Udsat",
        DecisionOutcome.Noted => "Taget til efterretning",
        _ => "Ingen beslutning registreret",
    };

    /// <summary>Sort key for "2.10" after "2.9".</summary>
    public static string SortKey(string number) =>
        string.Join(".", number.Split('.').Select(p => int.TryParse(p, out var n) ? n.ToString("D4") : p));
}
