namespace Samraad.Features.Meetings;

/// <summary>
/// One published version of an agenda: the packet exactly as members received it (bytes and SHA-256), the frozen
/// attachments, and what changed since the previous version.
/// </summary>
public class Publication
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Version { get; set; }
    public DateTime PublishedAtUtc { get; set; }
    public string PublishedBy { get; set; } = "";
    public int PacketFileId { get; set; }
    public StoredFile? PacketFile { get; set; }
    /// <summary>The agenda as published (JSON snapshot of items and attachment hashes), to compare versions.</summary>
    public string SnapshotJson { get; set; } = "";
    /// <summary>Human-readable change list against the previous version (one line per change).</summary>
    public string Changes { get; set; } = "";
}
