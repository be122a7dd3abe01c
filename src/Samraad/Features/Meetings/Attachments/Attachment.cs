namespace Samraad.Features.Meetings;

public enum AttachmentKind { Upload, Live }

/// <summary>
/// A bilag: an uploaded PDF, or a live rendering of data in Samraad (e.g. a collection summary) that stays live
/// until the agenda is published and is then frozen.
/// </summary>
public class Attachment
{
    public int Id { get; set; }
    public int AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    public string Title { get; set; } = "";
    public int SortOrder { get; set; }
    public AttachmentKind Kind { get; set; }
    /// <summary>The uploaded file (Upload) or the latest frozen rendering (Live, after publishing).</summary>
    public int? FileId { get; set; }
    public StoredFile? File { get; set; }
    /// <summary>What a live attachment shows, e.g. "collection-summary:akutfunktioner-2024".</summary>
    public string? LiveSource { get; set; }
    /// <summary>Fingerprint of the data the frozen rendering was made from; differs from now when newer data exists.</summary>
    public string? FrozenDataHash { get; set; }
    public DateTime? FrozenAtUtc { get; set; }
}
