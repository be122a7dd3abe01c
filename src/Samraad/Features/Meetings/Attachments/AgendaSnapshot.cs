using System.Text.Json;

namespace Samraad.Features.Meetings;

/// <summary>What a published agenda held, compactly: enough to list what changed between two versions.</summary>
public sealed record AgendaSnapshot(List<AgendaSnapshot.Item> Items)
{
    public sealed record Item(string Number, string Heading, string ContentHash, bool IsClosed, List<Attached> Attachments);
    public sealed record Attached(string Title, string Sha256);

    public static AgendaSnapshot Of(IEnumerable<AgendaItem> items, IReadOnlyDictionary<int, string> attachmentSha) => new(items
        .OrderBy(i => AgendaItem.SortKey(i.Number))
        .Select(i => new Item(i.Number, i.Heading, StoredFile.Hash(System.Text.Encoding.UTF8.GetBytes($"{i.CaseText}\u0001{i.Recommendation}\u0001{i.PublicSummary}")),
            i.IsClosed, i.Attachments.OrderBy(a => a.SortOrder).Select(a => new Attached(a.Title, attachmentSha.GetValueOrDefault(a.Id, ""))).ToList()))
        .ToList());

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
