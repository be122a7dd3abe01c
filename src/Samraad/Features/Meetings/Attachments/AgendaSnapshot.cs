using System.Text.Json;

namespace Samraad.Features.Meetings;

/// <summary>
/// What a published agenda held: each item's text as members received it, its attachments (and the files they were),
/// and hashes to list what changed between two versions. Those who do not run the meeting see this version until the
/// agenda is published again — an edit made after publishing is the secretariat's draft, not yet anybody else's.
/// </summary>
public sealed record AgendaSnapshot(List<AgendaSnapshot.Item> Items)
{
    /// <remarks>Title, Kind and the texts are null in snapshots made before they were kept (then the items as they are now stand in).</remarks>
    public sealed record Item(string Number, string Heading, string ContentHash, bool IsClosed, List<Attached> Attachments,
        string? Title = null, ItemKind Kind = ItemKind.Orienteringssag, string? CaseText = null, string? Recommendation = null,
        string? PublicSummary = null, string? ClosedReason = null);

    /// <remarks>FileId before Kind: <see cref="FileMarker"/> finds a file's publications by "FileId":n, in the JSON.</remarks>
    public sealed record Attached(string Title, string Sha256, int? Id = null, int? FileId = null, AttachmentKind Kind = AttachmentKind.Upload, int Pages = 0);

    public static AgendaSnapshot Of(IEnumerable<AgendaItem> items, IReadOnlyDictionary<int, string> attachmentSha) => new(items
        .OrderBy(i => AgendaItem.SortKey(i.Number))
        .Select(i => new Item(i.Number, i.Heading, StoredFile.Hash(System.Text.Encoding.UTF8.GetBytes($"{i.CaseText}\u0001{i.Recommendation}\u0001{i.PublicSummary}")),
            i.IsClosed, i.Attachments.OrderBy(a => a.SortOrder).Select(a => new Attached(a.Title, attachmentSha.GetValueOrDefault(a.Id, ""), a.Id, a.FileId, a.Kind, a.File?.Pages ?? 0)).ToList(),
            i.Title, i.Kind, i.CaseText, i.Recommendation, i.PublicSummary, i.ClosedReason))
        .ToList());

    /// <summary>Whether this snapshot holds the items' texts (snapshots from before they were kept do not).</summary>
    public bool HasContent => Items.All(i => i.Title is not null);

    /// <summary>The text that stands in a snapshot's JSON for a file it refers to.</summary>
    public static string FileMarker(int fileId) => $"\"FileId\":{fileId},";

    /// <summary>The item holding a file among this version's attachments, or null.</summary>
    public Item? ItemWithFile(int fileId) => Items.FirstOrDefault(i => i.Attachments.Any(a => a.FileId == fileId));

    /// <summary>
    /// The published items as agenda items (not tracked: for showing only). Decisions and tasks are made at the
    /// meeting, after the agenda went out, so they are taken from the item with the same number as it is now.
    /// Attachments carry a description of their file (id, pages, hash), not its bytes.
    /// </summary>
    public IReadOnlyList<AgendaItem> ToItems(Meeting meeting)
    {
        var now = meeting.Items.ToDictionary(i => i.Number);
        return Items.Select(i =>
        {
            var current = now.GetValueOrDefault(i.Number);
            var item = new AgendaItem
            {
                Id = current?.Id ?? 0, MeetingId = meeting.Id, Number = i.Number, Title = i.Title ?? "", Kind = i.Kind,
                CaseText = i.CaseText ?? "", Recommendation = i.Recommendation ?? "", PublicSummary = i.PublicSummary,
                IsClosed = i.IsClosed, ClosedReason = i.ClosedReason,
                Decision = current?.Decision, Outcome = current?.Outcome ?? DecisionOutcome.None, Tasks = current?.Tasks ?? [],
            };
            item.Attachments = i.Attachments.Select((a, n) => new Attachment
            {
                Id = a.Id ?? 0, AgendaItemId = item.Id, Title = a.Title, Kind = a.Kind, SortOrder = n + 1, FileId = a.FileId,
                File = a.FileId is int f ? new StoredFile { Id = f, FileName = $"{a.Title}.pdf", ContentType = "application/pdf", Pages = a.Pages, Sha256 = a.Sha256 } : null,
            }).ToList();
            return item;
        }).ToList();
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    public static AgendaSnapshot FromJson(string json) => JsonSerializer.Deserialize<AgendaSnapshot>(json) ?? new([]);

    /// <summary>The change list of a republication, in Danish, one line per change.</summary>
    public static List<string> Changes(AgendaSnapshot? before, AgendaSnapshot after)
    {
        if (before is null) return ["Første offentliggørelse."];
        var lines = new List<string>();
        var old = before.Items.ToDictionary(i => i.Number);
        var now = after.Items.ToDictionary(i => i.Number);
        foreach (var gone in before.Items.Where(i => !now.ContainsKey(i.Number))) lines.Add($"Punkt {gone.Heading} er udgået.");
        foreach (var item in after.Items)
        {
            if (!old.TryGetValue(item.Number, out var was)) { lines.Add($"Punkt {item.Heading} er tilføjet."); continue; }
            if (was.Heading != item.Heading) lines.Add($"Punkt {item.Number}: overskriften er ændret til »{item.Heading}«.");
            if (was.ContentHash != item.ContentHash) lines.Add($"Punkt {item.Number}: sagsfremstilling, indstilling eller resumé er ændret.");
            if (was.IsClosed != item.IsClosed) lines.Add($"Punkt {item.Number} er nu {(item.IsClosed ? "lukket" : "åbent")}.");
            var oldAttached = was.Attachments.ToDictionary(a => a.Title, a => a.Sha256);
            foreach (var a in item.Attachments)
            {
                if (!oldAttached.TryGetValue(a.Title, out var sha)) lines.Add($"Punkt {item.Number}: bilag »{a.Title}« er tilføjet.");
                else if (sha != a.Sha256) lines.Add($"Punkt {item.Number}: bilag »{a.Title}« er opdateret (nye data).");
            }
            foreach (var a in was.Attachments.Where(a => item.Attachments.All(x => x.Title != a.Title)))
                lines.Add($"Punkt {item.Number}: bilag »{a.Title}« er fjernet.");
        }
        return lines.Count > 0 ? lines : ["Ingen ændringer i punkter eller bilag (dagsordenen er udsendt igen)."];
    }
}
