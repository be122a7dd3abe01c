using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samraad.Data;
using Samraad.Features.Meetings;

namespace Samraad.Features.Search;

/// <summary>
/// One result. Meetings: the item, and for attachment text the attachment and the page it is on. Collections
/// (<see cref="Kind"/> "collection" or "answer"): the question or the collection's description, and for a free-text
/// answer the respondent who gave it; <see cref="Link"/> leads to where it is shown.
/// </summary>
public sealed record SearchHit(string MeetingSlug, string MeetingTitle, string ItemNumber, string ItemHeading,
    string? AttachmentTitle, int? FileId, int? Page, string SnippetHtml, bool IsClosed)
{
    /// <summary>"meeting", "collection" (a collection's texts and questions) or "answer" (a free-text answer).</summary>
    public string Kind { get; init; } = SearchEntry.MeetingSource;
    /// <summary>The meeting's or the collection's title.</summary>
    public string Title => Kind == SearchEntry.MeetingSource ? MeetingTitle : CollectionTitle ?? "";
    public string? CollectionSlug { get; init; }
    public string? CollectionTitle { get; init; }
    public string? RespondentSlug { get; init; }
    public string? RespondentName { get; init; }
    /// <summary>A periodic collection's period ("2024"), or null.</summary>
    public string? Period { get; init; }
    /// <summary>Whether a free-text answer is as last submitted (for the owner's readers) rather than the response as it is now.</summary>
    public bool Submitted { get; init; }

    /// <summary>Where the hit is shown: the item on the agenda, the collection, the response, or (submitted answers, for readers) the matrix.</summary>
    public string Link
    {
        get
        {
            var period = Period is { Length: > 0 } p ? "?periode=" + Uri.EscapeDataString(p) : "";
            return Kind switch
            {
                SearchEntry.DefinitionSource => $"/indsamlinger/{CollectionSlug}{period}",
                SearchEntry.AnswerSource when Submitted => $"/indsamlinger/{CollectionSlug}/matrix{period}",
                SearchEntry.AnswerSource => $"/indsamlinger/{CollectionSlug}/besvarelser/{RespondentSlug}{period}",
                _ => $"/moeder/{MeetingSlug}/dagsorden#punkt-{ItemNumber}",
            };
        }
    }
}

/// <summary>
/// One searchable text. Of a meeting (<see cref="MeetingSource"/>): an item's own text, a closed item's public
/// summary, or one page of an attachment, in one of a meeting's two copies (<see cref="Working"/>: as the
/// secretariat edits it; <see cref="Published"/>: the version last published). Of a collection: its title and
/// description or one question (<see cref="DefinitionSource"/>), or one free-text answer of a respondent
/// (<see cref="AnswerSource"/>) as the response is now (<see cref="Working"/>) or as last submitted
/// (<see cref="Submitted"/>). On PostgreSQL these are rows with a <c>danish</c> tsvector and a GIN index; on SQLite
/// they go into Lucene. Who finds which: <see cref="LuceneSearch"/>.
/// </summary>
public sealed class SearchEntry
{
    public const string Working = "working", Published = "published", Submitted = "submitted";
    public const string MeetingSource = "meeting", DefinitionSource = "collection", AnswerSource = "answer";

    public long Id { get; set; }
    public string Source { get; set; } = MeetingSource;
    public int? MeetingId { get; set; }
    public string MeetingSlug { get; set; } = "";
    /// <summary>The organisation of the meeting's body (whose secretariat administers it, whose readers see its closed items), or the collection's owner.</summary>
    public int OrganisationId { get; set; }
    public string Copy { get; set; } = Working;
    /// <summary>The meeting's or the collection's title.</summary>
    public string Title { get; set; } = "";
    /// <summary>The item's number; a periodic collection's period.</summary>
    public string Number { get; set; } = "";
    public string Heading { get; set; } = "";
    public bool Closed { get; set; }
    public string? Attachment { get; set; }
    public int? FileId { get; set; }
    public int? Page { get; set; }
    public string Text { get; set; } = "";

    public int? CollectionId { get; set; }
    public string? CollectionSlug { get; set; }
    /// <summary>The respondent whose answer this is.</summary>
    public int? RespondentId { get; set; }
    public string? RespondentSlug { get; set; }
    public string? RespondentName { get; set; }
    public string? FieldKey { get; set; }
    /// <summary>The collection is a draft: only those who administer it find anything of it.</summary>
    public bool Hidden { get; set; }
    /// <summary>A question's collection's respondents (they find its questions).</summary>
    public List<int> Respondents { get; set; } = [];

    /// <summary>A stored entry's fields as a hit (both indexes store the same fields).</summary>
    public static SearchHit Hit(string source, string meetingSlug, string title, string number, string heading, string? attachment, int? fileId, int? page,
        string snippetHtml, bool closed, string? collectionSlug, string? respondentSlug, string? respondentName, string copy) =>
        source == MeetingSource
            ? new SearchHit(meetingSlug, title, number, heading, attachment, fileId, page, snippetHtml, closed)
            : new SearchHit("", "", "", heading, null, null, null, snippetHtml, false)
            {
                Kind = source, CollectionSlug = collectionSlug, CollectionTitle = title, RespondentSlug = respondentSlug, RespondentName = respondentName,
                Period = number == "" ? null : number, Submitted = copy == Submitted,
            };

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
            Title = $"{meeting.FullTitle}, {DanishTime.Date(meeting.StartsAtUtc)}", Number = item.Number, Heading = item.Heading,
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
        e.Property(x => x.Source).HasMaxLength(10).HasDefaultValue(SearchEntry.MeetingSource);
        e.Property(x => x.CollectionSlug).HasMaxLength(200);
        e.Property(x => x.RespondentSlug).HasMaxLength(200);
        e.Property(x => x.FieldKey).HasMaxLength(300);
        e.HasIndex(x => x.MeetingId);
        e.HasIndex(x => new { x.CollectionId, x.RespondentId });
        // On PostgreSQL the migration adds the generated "Document" tsvector column and its GIN index.
    }
}

/// <summary>Full-text search over meetings and collections as the user may see them: Lucene in the process on SQLite, the database's own on PostgreSQL.</summary>
public interface ISearch : IMeetingListener, Collections.ICollectionListener
{
    /// <summary>All words must occur (after Danish stemming); at most <paramref name="max"/> hits, best first.</summary>
    Task<IReadOnlyList<SearchHit>> Search(string text, UserContext? user, int max = 50, CancellationToken ct = default);
}
