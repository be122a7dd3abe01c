using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Da;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Meetings;

namespace Samraad.Features.Search;

/// <summary>One search result: the item, and for attachment text the attachment and the page it is on.</summary>
public sealed record SearchHit(string MeetingSlug, string MeetingTitle, string ItemNumber, string ItemHeading,
    string? AttachmentTitle, int? FileId, int? Page, string SnippetHtml, bool IsClosed);

/// <summary>
/// Full-text search over meetings, items, decisions and attachment pages, with Danish stemming (Snowball:
/// "bevillinger" finds "bevilling"; æ/ø/å are letters like any other). The index lives in memory, is built from
/// the database on first use (not at start: rendering every live attachment made each start 150 ms slower) and
/// updated when a meeting changes, so it is the same on SQLite and PostgreSQL. Writes go one at a time, so a
/// change saved while the index is being built is never overwritten by the older state.
/// </summary>
public sealed class SearchIndex : IMeetingListener, IDisposable
{
    const LuceneVersion Version = LuceneVersion.LUCENE_48;
    readonly Analyzer analyzer = new DanishAnalyzer(Version);
    readonly RAMDirectory directory = new();
    readonly IndexWriter writer;
    readonly SearcherManager searchers;
    readonly IServiceScopeFactory scopes;
    readonly SemaphoreSlim writing = new(1, 1);
    volatile bool built;

    public SearchIndex(IServiceScopeFactory scopes)
    {
        this.scopes = scopes;
        writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer));
        writer.Commit();
        searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
    }

    /// <summary>Builds the index from every meeting if that has not happened yet.</summary>
    async Task EnsureBuilt(CancellationToken ct)
    {
        if (built) return;
        await writing.WaitAsync(ct);
        try
        {
            if (built) return;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var slug in await db.Meetings.Select(m => m.Slug).ToListAsync(ct))
                await Index(db, slug, ct);
            built = true;
        }
        finally { writing.Release(); }
    }

    /// <summary>Replaces everything indexed for one meeting with what it holds now (building the whole index first if needed).</summary>
    public async Task MeetingChanged(AppDbContext db, string meetingSlug, CancellationToken ct)
    {
        if (!built) { await EnsureBuilt(ct); return; } // the build reads the change just saved
        await writing.WaitAsync(ct);
        try { await Index(db, meetingSlug, ct); }
        finally { writing.Release(); }
    }

    /// <summary>
    /// Two copies of a meeting are indexed: the working copy (the items as they are now, live attachments rendered
    /// from today's data) found only by those who run the meeting, and the version last published, found by everyone
    /// else (closed items by the body's members). An edit is found by the public once the agenda is published again.
    /// </summary>
    async Task Index(AppDbContext db, string slug, CancellationToken ct)
    {
        var ctx = await MeetingContext.Load(db, slug, ct);
        writer.DeleteDocuments(new Term("meeting", slug));
        if (ctx is not null)
        {
            using var scope = scopes.CreateScope();
            var live = scope.ServiceProvider.GetRequiredService<LiveAttachments>();
            foreach (var item in ctx.Items)
                await IndexItem(ctx.Meeting, item, Working, a => a.File?.PageTextsJson, live, ct);
            if (ctx.Latest is not null)
            {
                var items = ctx.ItemsFor(null); // what the public sees; closed items too (the query decides who finds them)
                var ids = items.SelectMany(i => i.Attachments).Select(a => a.FileId).OfType<int>().ToList();
                var texts = await db.Files.Where(f => ids.Contains(f.Id)).Select(f => new { f.Id, f.PageTextsJson }).ToDictionaryAsync(f => f.Id, f => f.PageTextsJson, ct);
                foreach (var item in items)
                    await IndexItem(ctx.Meeting, item, Published, a => a.FileId is int f ? texts.GetValueOrDefault(f) : null, null, ct);
            }
        }
        writer.Commit();
        searchers.MaybeRefreshBlocking();
    }

    const string Working = "working", Published = "published";

    async Task IndexItem(Meeting meeting, AgendaItem item, string copy, Func<Attachment, string?> pageTexts, LiveAttachments? live, CancellationToken ct)
    {
        Document Doc(bool closed, string? attachment, int? fileId, int? page, string text) => Make(meeting, item, copy, closed, attachment, fileId, page, text);
        writer.AddDocument(Doc(item.IsClosed, null, null, null, string.Join("\n", item.Title, item.CaseText, item.Recommendation, item.Decision)));
        if (item.IsClosed && !string.IsNullOrWhiteSpace(item.PublicSummary))
            writer.AddDocument(Doc(false, null, null, null, item.Title + "\n" + item.PublicSummary));
        foreach (var a in item.Attachments)
        {
            if (pageTexts(a) is { } json)
            {
                var pages = JsonSerializer.Deserialize<List<string>>(json) ?? [];
                for (var p = 0; p < pages.Count; p++)
                    writer.AddDocument(Doc(item.IsClosed, a.Title, a.FileId, p + 1, pages[p]));
            }
            // A live attachment not yet frozen shows current data: in the working copy only.
            else if (live is not null && a.Kind == AttachmentKind.Live && a.LiveSource is not null && await live.Render(a.LiveSource, ct) is { } r)
                writer.AddDocument(Doc(item.IsClosed, a.Title, null, null, r.Text));
        }
    }

    static Document Make(Meeting meeting, AgendaItem item, string copy, bool closed, string? attachment, int? fileId, int? page, string text)
    {
        var doc = new Document
        {
            new StringField("meeting", meeting.Slug, Field.Store.YES),
            new StringField("org", meeting.Body!.OrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO),
            new StringField("copy", copy, Field.Store.NO),
            new StoredField("meetingTitle", $"{meeting.Body?.Name}: {meeting.Title}, {DanishTime.Date(meeting.StartsAtUtc)}"),
            new StringField("number", item.Number, Field.Store.YES),
            new StoredField("heading", item.Heading),
            new StringField("closed", closed ? "1" : "0", Field.Store.YES),
            new TextField("text", text, Field.Store.YES),
        };
        if (attachment is not null) doc.Add(new StoredField("attachment", attachment));
        if (fileId is int f) doc.Add(new StoredField("file", f));
        if (page is int p) doc.Add(new StoredField("page", p));
        return doc;
    }

    /// <summary>
    /// All words must occur (after stemming). What a user finds is what the meeting pages show them: those who
    /// administer a meeting (an administrator, the secretariat of the meeting's body) find all of it; others find only
    /// published meetings, without live data not yet frozen, and closed items only as readers (council members).
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> Search(string text, UserContext? user, int max = 50, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        await EnsureBuilt(ct);
        var parser = new QueryParser(Version, "text", analyzer) { DefaultOperator = Operator.AND };
        Query parsed;
        try { parsed = parser.Parse(QueryParserBase.Escape(text.Trim())); }
        catch (ParseException) { return []; }
        var query = new BooleanQuery { { parsed, Occur.MUST } };
        query.Add(Visible(user), Occur.MUST);
        var searcher = searchers.Acquire();
        try
        {
            var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryScorer(parsed, "text"))
            {
                TextFragmenter = new SimpleFragmenter(160),
            };
            return searcher.Search(query, max).ScoreDocs.Select(sd =>
            {
                var d = searcher.Doc(sd.Doc);
                var body = d.Get("text");
                var snippet = highlighter.GetBestFragment(analyzer, "text", body) ?? System.Net.WebUtility.HtmlEncode(body.Length > 160 ? body[..160] + "…" : body);
                return new SearchHit(d.Get("meeting"), d.Get("meetingTitle"), d.Get("number"), d.Get("heading"), d.Get("attachment"),
                    d.GetField("file")?.GetInt32Value(), d.GetField("page")?.GetInt32Value(), snippet, d.Get("closed") == "1");
            }).ToList();
        }
        finally { searchers.Release(searcher); }
    }

    /// <summary>
    /// The documents a user may find (mirrors MeetingContext.ItemsFor and CanSeeClosed): an administrator the working
    /// copies; a secretariat the working copies of its own body's meetings and the published versions of the others';
    /// everyone else published versions, closed items only of the body a reader sits in.
    /// </summary>
    static Query Visible(UserContext? user)
    {
        static TermQuery Org(int org) => new(new Term("org", org.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var working = new TermQuery(new Term("copy", Working));
        if (user?.IsAdmin == true) return working;
        var published = new BooleanQuery { { new TermQuery(new Term("copy", Published)), Occur.MUST } };
        var closed = new BooleanQuery { { new TermQuery(new Term("closed", "1")), Occur.MUST } };
        if (user is { Role: Roles.Reader, OrganisationId: int body }) closed.Add(Org(body), Occur.MUST_NOT);
        published.Add(closed, Occur.MUST_NOT);
        if (user is not { Role: Roles.Secretariat, OrganisationId: int own }) return published;
        published.Add(Org(own), Occur.MUST_NOT);
        return new BooleanQuery
        {
            { published, Occur.SHOULD },
            { new BooleanQuery { { working, Occur.MUST }, { Org(own), Occur.MUST } }, Occur.SHOULD },
        };
    }

    public void Dispose()
    {
        searchers.Dispose();
        writer.Dispose();
        writing.Dispose();
        directory.Dispose();
        analyzer.Dispose();
    }
}
