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
/// when a meeting or a collection changes. Writes go one at a time, so a change saved while the index is being built is never
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
    readonly Collections.CollectionChangeQueue changes;
    readonly SemaphoreSlim writing = new(1, 1);
    volatile bool built;

    public LuceneSearch(IServiceScopeFactory scopes, Collections.CollectionChangeQueue changes)
    {
        this.scopes = scopes;
        this.changes = changes;
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
            foreach (var id in await db.Collections.Select(c => c.Id).ToListAsync(ct))
                Replace(new Term("collection", Id(id)), await CollectionEntries.For(db, id, null, ct));
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

    /// <summary>Replaces the collection's documents (or one respondent's answers) with what is committed now (<see cref="CollectionEntries.For"/>).</summary>
    public async Task CollectionChanged(int collectionId, int? organisationId, CancellationToken ct)
    {
        if (!built) await EnsureBuilt(ct);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await writing.WaitAsync(ct);
        try
        {
            var which = organisationId is int org ? new Term("answerOf", $"{Id(collectionId)}:{Id(org)}") : new Term("collection", Id(collectionId));
            Replace(which, await CollectionEntries.For(db, collectionId, organisationId, ct));
        }
        finally { writing.Release(); }
    }

    /// <summary>Replaces the meeting's documents with its entries now (<see cref="SearchEntry.For"/>).</summary>
    async Task Index(AppDbContext db, string slug, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        Replace(new Term("meeting", slug), await SearchEntry.For(db, slug, scope.ServiceProvider.GetRequiredService<LiveAttachments>(), ct));
    }

    /// <summary>
    /// Replaces the documents a term names, atomically. Not committed (the index is in memory; a commit per save made
    /// every draft save wait for the index: 266 → 63 saves/s in `bench load`) and not reopened here: each search reopens
    /// once for all changes since the last, so it sees every change made before it.
    /// </summary>
    void Replace(Term which, List<SearchEntry> entries)
    {
        if (entries.Count == 0) writer.DeleteDocuments(which);
        else writer.UpdateDocuments(which, entries.Select(Make));
    }

    static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    static Document Make(SearchEntry e)
    {
        var doc = new Document
        {
            new StringField("source", e.Source, Field.Store.YES),
            new StringField("org", Id(e.OrganisationId), Field.Store.NO),
            new StringField("copy", e.Copy, Field.Store.YES),
            new StoredField("title", e.Title),
            new StringField("number", e.Number, Field.Store.YES),
            new StoredField("heading", e.Heading),
            new StringField("closed", e.Closed ? "1" : "0", Field.Store.YES),
            new StringField("hidden", e.Hidden ? "1" : "0", Field.Store.NO),
            new TextField("text", e.Text, Field.Store.YES),
        };
        if (e.Source == SearchEntry.MeetingSource) doc.Add(new StringField("meeting", e.MeetingSlug, Field.Store.YES));
        if (e.Attachment is not null) doc.Add(new StoredField("attachment", e.Attachment));
        if (e.FileId is int f) doc.Add(new StoredField("file", f));
        if (e.Page is int p) doc.Add(new StoredField("page", p));
        if (e.CollectionId is int c) doc.Add(new StringField("collection", Id(c), Field.Store.NO));
        if (e.CollectionSlug is not null) doc.Add(new StoredField("collectionSlug", e.CollectionSlug));
        if (e.RespondentId is int r)
        {
            doc.Add(new StringField("respondent", Id(r), Field.Store.NO));
            doc.Add(new StringField("answerOf", $"{Id(e.CollectionId!.Value)}:{Id(r)}", Field.Store.NO)); // one respondent's answers, replaced together
        }
        if (e.RespondentSlug is not null) doc.Add(new StoredField("respondentSlug", e.RespondentSlug));
        if (e.RespondentName is not null) doc.Add(new StoredField("respondentName", e.RespondentName));
        foreach (var member in e.Respondents) doc.Add(new StringField("respondents", Id(member), Field.Store.NO));
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
        await changes.Flush(ct); // this node's saves are in the index before it is searched
        await EnsureBuilt(ct);
        var parser = new QueryParser(Version, "text", analyzer) { DefaultOperator = Operator.AND };
        Query parsed;
        try { parsed = parser.Parse(QueryParserBase.Escape(text.Trim())); }
        catch (ParseException) { return []; }
        var query = new BooleanQuery { { parsed, Occur.MUST } };
        query.Add(Visible(user), Occur.MUST);
        searchers.MaybeRefreshBlocking(); // sees every write before this search (cheap when there was none)
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
                return SearchEntry.Hit(d.Get("source"), d.Get("meeting") ?? "", d.Get("title"), d.Get("number"), d.Get("heading"), d.Get("attachment"),
                    d.GetField("file")?.GetInt32Value(), d.GetField("page")?.GetInt32Value(), snippet, d.Get("closed") == "1",
                    d.Get("collectionSlug"), d.Get("respondentSlug"), d.Get("respondentName"), d.Get("copy"));
            }).ToList();
        }
        finally { searchers.Release(searcher); }
    }

    /// <summary>The meeting documents and the collection documents a user may find.</summary>
    static Query Visible(UserContext? user)
    {
        static TermQuery Is(string field, string value) => new(new Term(field, value));
        var meetings = new BooleanQuery { { Is("source", SearchEntry.MeetingSource), Occur.MUST }, { MeetingsVisible(user), Occur.MUST } };
        var query = new BooleanQuery { { meetings, Occur.SHOULD } };
        if (user is null) return query;
        // Collections (mirrors CollectionContext.HiddenFrom and Access): administrators find everything of the
        // collections they administer; the owner's readers its questions and its submitted answers; a respondent
        // the questions of collections it answers and its own answers; nobody else anything of a draft collection.
        var own = user.OrganisationId is int o ? Id(o) : "-1";
        var administers = user.IsAdmin ? new BooleanQuery { { new MatchAllDocsQuery(), Occur.MUST } }
            : user.Role == Roles.Secretariat ? new BooleanQuery { { Is("org", own), Occur.MUST } } : null;
        var definitions = new BooleanQuery { { Is("source", SearchEntry.DefinitionSource), Occur.MUST } };
        var answers = new BooleanQuery { { Is("source", SearchEntry.AnswerSource), Occur.MUST }, { Is("copy", SearchEntry.Working), Occur.MUST } };
        var submitted = new BooleanQuery { { Is("source", SearchEntry.AnswerSource), Occur.MUST }, { Is("copy", SearchEntry.Submitted), Occur.MUST } };
        var whoDefinitions = new BooleanQuery();
        var whoAnswers = new BooleanQuery();
        if (administers is not null) { whoDefinitions.Add(administers, Occur.SHOULD); whoAnswers.Add(administers, Occur.SHOULD); }
        if (user.Role == Roles.Reader)
            whoDefinitions.Add(new BooleanQuery { { Is("org", own), Occur.MUST }, { Is("hidden", "0"), Occur.MUST } }, Occur.SHOULD);
        if (Roles.Answers(user.Role))
        {
            whoDefinitions.Add(new BooleanQuery { { Is("respondents", own), Occur.MUST }, { Is("hidden", "0"), Occur.MUST } }, Occur.SHOULD);
            whoAnswers.Add(new BooleanQuery { { Is("respondent", own), Occur.MUST }, { Is("hidden", "0"), Occur.MUST } }, Occur.SHOULD);
        }
        if (whoDefinitions.Clauses.Count > 0) { definitions.Add(whoDefinitions, Occur.MUST); query.Add(definitions, Occur.SHOULD); }
        if (whoAnswers.Clauses.Count > 0) { answers.Add(whoAnswers, Occur.MUST); query.Add(answers, Occur.SHOULD); }
        if (user.Role == Roles.Reader)
        {
            submitted.Add(Is("org", own), Occur.MUST);
            submitted.Add(Is("hidden", "0"), Occur.MUST);
            query.Add(submitted, Occur.SHOULD);
        }
        return query;
    }

    /// <summary>
    /// The meeting documents a user may find (mirrors MeetingContext.ItemsFor and CanSeeClosed): an administrator the working
    /// copies; a secretariat the working copies of its own body's meetings and the published versions of the others';
    /// everyone else published versions, closed items only of the body a reader sits in.
    /// </summary>
    static Query MeetingsVisible(UserContext? user)
    {
        static TermQuery Org(int org) => new(new Term("org", Id(org)));
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
