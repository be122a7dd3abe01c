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

/// <summary>
/// Search on SQLite (one node by definition): Lucene with Danish stemming (Snowball: "bevillinger" finds
/// "bevilling"; æ/ø/å are letters like any other). The index lives in this process's memory, is built from the
/// database on first use (not at start: rendering every live attachment made each start 150 ms slower) and updated
/// when a meeting changes. Writes go one at a time, so a change saved while the index is being built is never
/// overwritten by the older state. PostgreSQL uses <see cref="PostgresSearch"/>; both pass the same tests.
/// </summary>
public sealed class LuceneSearch : ISearch, IDisposable
{
    const LuceneVersion Version = LuceneVersion.LUCENE_48;
    readonly Analyzer analyzer = new DanishAnalyzer(Version);
    readonly RAMDirectory directory = new();
    readonly IndexWriter writer;
    readonly SearcherManager searchers;
    readonly IServiceScopeFactory scopes;
    readonly SemaphoreSlim writing = new(1, 1);
    volatile bool built;

    public LuceneSearch(IServiceScopeFactory scopes)
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
        // The first build reads what is committed; the change is then indexed again through the caller's context,
        // which also sees a publication not yet committed (BuildPublication indexes inside its transaction).
        if (!built) await EnsureBuilt(ct);
        await writing.WaitAsync(ct);
        try { await Index(db, meetingSlug, ct); }
        finally { writing.Release(); }
    }

    /// <summary>Replaces the meeting's documents with its entries now (<see cref="SearchEntry.For"/>).</summary>
    async Task Index(AppDbContext db, string slug, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var entries = await SearchEntry.For(db, slug, scope.ServiceProvider.GetRequiredService<LiveAttachments>(), ct);
        writer.DeleteDocuments(new Term("meeting", slug));
        foreach (var entry in entries) writer.AddDocument(Make(entry));
        writer.Commit();
        searchers.MaybeRefreshBlocking();
    }

    static Document Make(SearchEntry e)
    {
        var doc = new Document
        {
            new StringField("meeting", e.MeetingSlug, Field.Store.YES),
            new StringField("org", e.OrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO),
            new StringField("copy", e.Copy, Field.Store.NO),
            new StoredField("meetingTitle", e.MeetingTitle),
            new StringField("number", e.Number, Field.Store.YES),
            new StoredField("heading", e.Heading),
            new StringField("closed", e.Closed ? "1" : "0", Field.Store.YES),
            new TextField("text", e.Text, Field.Store.YES),
        };
        if (e.Attachment is not null) doc.Add(new StoredField("attachment", e.Attachment));
        if (e.FileId is int f) doc.Add(new StoredField("file", f));
        if (e.Page is int p) doc.Add(new StoredField("page", p));
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
        var working = new TermQuery(new Term("copy", SearchEntry.Working));
        if (user?.IsAdmin == true) return working;
        var published = new BooleanQuery { { new TermQuery(new Term("copy", SearchEntry.Published)), Occur.MUST } };
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
