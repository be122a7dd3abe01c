using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samraad.Data;
using Samraad.Features.Meetings;

namespace Samraad.Features.Search;

/// <summary>One result: the item, and for attachment text the attachment and the page it is on.</summary>
public sealed record SearchHit(string MeetingSlug, string MeetingTitle, string ItemNumber, string ItemHeading,
    string? AttachmentTitle, int? FileId, int? Page, string SnippetHtml, bool IsClosed);

/// <summary>
/// One searchable text: an item's own text, a closed item's public summary, or one page of an attachment, in one of
/// a meeting's two copies (<see cref="Working"/>: as the secretariat edits it; <see cref="Published"/>: the version
/// last published). On PostgreSQL these are rows with a <c>danish</c> tsvector and a GIN index; on SQLite they go into Lucene.
/// </summary>
public sealed class SearchEntry
{
    public const string Working = "working", Published = "published";

    public long Id { get; set; }
    public int MeetingId { get; set; }
    public string MeetingSlug { get; set; } = "";
    /// <summary>The organisation of the meeting's body: whose secretariat administers it, whose readers see its closed items.</summary>
    public int OrganisationId { get; set; }
    public string Copy { get; set; } = Working;
    public string MeetingTitle { get; set; } = "";
    public string Number { get; set; } = "";
    public string Heading { get; set; } = "";
    public bool Closed { get; set; }
    public string? Attachment { get; set; }
    public int? FileId { get; set; }
    public int? Page { get; set; }
    public string Text { get; set; } = "";

    /// <summary>
    /// What is indexed for one meeting: the working copy (the items as they are now, live attachments rendered from
    /// today's data) found only by those who run the meeting, and the version last published, found by everyone else
    /// (closed items by the body's members). An edit is found by the public once the agenda is published again.
    /// </summary>
    public static async Task<List<SearchEntry>> For(AppDbContext db, string slug, LiveAttachments live, CancellationToken ct)
    {
        var entries = new List<SearchEntry>();
        if (await MeetingContext.Load(db, slug, ct) is not { } ctx) return entries;
        foreach (var item in ctx.Items)
            await AddItem(entries, ctx.Meeting, item, Working, a => a.File?.PageTextsJson, live, ct);
        if (ctx.Latest is not null)
        {
            var items = ctx.ItemsFor(null); // what the public sees; closed items too (the query decides who finds them)
            var ids = items.SelectMany(i => i.Attachments).Select(a => a.FileId).OfType<int>().ToList();
            var texts = await db.Files.Where(f => ids.Contains(f.Id)).Select(f => new { f.Id, f.PageTextsJson }).ToDictionaryAsync(f => f.Id, f => f.PageTextsJson, ct);
            foreach (var item in items)
                await AddItem(entries, ctx.Meeting, item, Published, a => a.FileId is int f ? texts.GetValueOrDefault(f) : null, null, ct);
        }
        return entries;
    }

    static async Task AddItem(List<SearchEntry> entries, Meeting meeting, AgendaItem item, string copy, Func<Attachment, string?> pageTexts, LiveAttachments? live, CancellationToken ct)
    {
        SearchEntry Entry(bool closed, string? attachment, int? fileId, int? page, string text) => new()
        {
            MeetingId = meeting.Id, MeetingSlug = meeting.Slug, OrganisationId = meeting.Body!.OrganisationId, Copy = copy,
            MeetingTitle = $"{meeting.Body?.Name}: {meeting.Title}, {DanishTime.Date(meeting.StartsAtUtc)}", Number = item.Number, Heading = item.Heading,
            Closed = closed, Attachment = attachment, FileId = fileId, Page = page, Text = text,
        };
        entries.Add(Entry(item.IsClosed, null, null, null, string.Join("\n", item.Title, item.CaseText, item.Recommendation, item.Decision)));
        if (item.IsClosed && !string.IsNullOrWhiteSpace(item.PublicSummary))
            entries.Add(Entry(false, null, null, null, item.Title + "\n" + item.PublicSummary));
        foreach (var a in item.Attachments)
        {
            if (pageTexts(a) is { } json)
            {
                var pages = JsonSerializer.Deserialize<List<string>>(json) ?? [];
                for (var p = 0; p < pages.Count; p++) entries.Add(Entry(item.IsClosed, a.Title, a.FileId, p + 1, pages[p]));
            }
            // A live attachment not yet frozen shows current data: in the working copy only.
            else if (live is not null && a.Kind == AttachmentKind.Live && a.LiveSource is not null && await live.Render(a.LiveSource, ct) is { } r)
                entries.Add(Entry(item.IsClosed, a.Title, null, null, r.Text));
        }
    }
}

sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> e)
    {
        e.ToTable("SearchEntries");
        e.Property(x => x.MeetingSlug).HasMaxLength(200);
        e.Property(x => x.Copy).HasMaxLength(10);
        e.HasIndex(x => x.MeetingId);
        // On PostgreSQL the migration adds the generated "Document" tsvector column and its GIN index.
    }
}

/// <summary>Full-text search over meetings as the user may see them: Lucene in the process on SQLite, the database's own on PostgreSQL.</summary>
public interface ISearch : IMeetingListener
{
    /// <summary>All words must occur (after Danish stemming); at most <paramref name="max"/> hits, best first.</summary>
    Task<IReadOnlyList<SearchHit>> Search(string text, UserContext? user, int max = 50, CancellationToken ct = default);
}
