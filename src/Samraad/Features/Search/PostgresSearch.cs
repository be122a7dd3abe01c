using System.Net;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Meetings;

namespace Samraad.Features.Search;

/// <summary>
/// Search on PostgreSQL, the same for every node: the entries are rows of "SearchEntries", written in the
/// transaction of the change where there is one, with a generated <c>to_tsvector('danish', …)</c> column under a GIN
/// index; a query is <c>plainto_tsquery('danish', …)</c> (every word, stemmed as Lucene's Danish Snowball does),
/// ranked by <c>ts_rank</c>, with <c>ts_headline</c> snippets and the visibility rules of <see cref="LuceneSearch"/>
/// in the WHERE clause (meetings and collections). A meeting's entries are replaced under an advisory lock on the meeting, so two nodes
/// indexing it at once do not interleave.
/// </summary>
public sealed class PostgresSearch(IServiceScopeFactory scopes, Collections.CollectionChangeQueue changes) : ISearch
{
    // ts_headline does not HTML-encode: it marks hits with these, the text is encoded here, then they become <mark>.
    const char Start = '\u0002', Stop = '\u0003';

    public async Task MeetingChanged(AppDbContext db, string meetingSlug, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        // Inside the caller's transaction (a publication not yet committed) read through it; otherwise through a fresh
        // context, so what is indexed is what is committed, not what the caller's context happens to track.
        var work = db.Database.CurrentTransaction is null ? scope.ServiceProvider.GetRequiredService<AppDbContext>() : db;
        var meetingId = await work.Meetings.Where(m => m.Slug == meetingSlug).Select(m => m.Id).FirstOrDefaultAsync(ct);
        var own = work.Database.CurrentTransaction is null ? await work.Database.BeginTransactionAsync(ct) : null;
        try
        {
            // The lock first, then the reading: of two nodes indexing the meeting at once, the second reads after the
            // first has written, and neither can put back an older state.
            await work.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(4242, {meetingId})", ct);
            var entries = await SearchEntry.For(work, meetingSlug, scope.ServiceProvider.GetRequiredService<LiveAttachments>(), ct);
            await work.Set<SearchEntry>().Where(e => e.MeetingId == meetingId).ExecuteDeleteAsync(ct);
            work.Set<SearchEntry>().AddRange(entries);
            await work.SaveChangesAsync(ct);
            foreach (var e in entries) work.Entry(e).State = EntityState.Detached;
            if (own is not null) await own.CommitAsync(ct);
        }
        finally { if (own is not null) await own.DisposeAsync(); }
    }

    /// <summary>
    /// Replaces a collection's entries, or one respondent's answers, with what is committed now, in a transaction of
    /// its own under an advisory lock: exclusive on the collection for all of it, shared on the collection and
    /// exclusive on the response for one respondent's answers (two respondents saving at once do not wait for each other).
    /// </summary>
    public async Task CollectionChanged(int collectionId, int? organisationId, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (organisationId is int org)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared(4243, {collectionId})", ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(4244, hashtext({collectionId} || ':' || {org}))", ct);
            await db.Set<SearchEntry>().Where(e => e.CollectionId == collectionId && e.RespondentId == org && e.Source == SearchEntry.AnswerSource).ExecuteDeleteAsync(ct);
        }
        else
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(4243, {collectionId})", ct);
            await db.Set<SearchEntry>().Where(e => e.CollectionId == collectionId).ExecuteDeleteAsync(ct);
        }
        db.Set<SearchEntry>().AddRange(await CollectionEntries.For(db, collectionId, organisationId, ct));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Indexes every meeting and collection that has no entries yet (a database from before search lived in it).</summary>
    public async Task IndexMissing(AppDbContext db, CancellationToken ct)
    {
        var indexed = db.Set<SearchEntry>().Where(e => e.MeetingId != null).Select(e => e.MeetingId!.Value);
        foreach (var slug in await db.Meetings.Where(m => !indexed.Contains(m.Id)).Select(m => m.Slug).ToListAsync(ct))
            await MeetingChanged(db, slug, ct);
        var collections = db.Set<SearchEntry>().Where(e => e.Source == SearchEntry.DefinitionSource && e.CollectionId != null).Select(e => e.CollectionId!.Value);
        foreach (var id in await db.Collections.Where(c => !collections.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct))
            await CollectionChanged(id, null, ct);
    }

    sealed record Row(string Source, string MeetingSlug, string Title, string Number, string Heading, string? Attachment, int? FileId, int? Page, bool Closed,
        string? CollectionSlug, string? RespondentSlug, string? RespondentName, string Copy, string Snippet);

    public async Task<IReadOnlyList<SearchHit>> Search(string text, UserContext? user, int max = 50, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        await changes.Flush(ct); // this node's saves are in the index before it is searched
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Who finds what, as LuceneSearch.Visible: an administrator the working copies; a secretariat the working copies
        // of its own body's meetings and the published versions of the others'; everyone else published versions,
        // closed items only of the body a reader sits in. -1 stands for "none" (ids are positive).
        var admin = user?.IsAdmin == true;
        var secretariat = user is { Role: Roles.Secretariat, OrganisationId: int s } && !admin ? s : -1;
        var reader = user is { Role: Roles.Reader, OrganisationId: int r } ? r : -1;
        var answering = user is { OrganisationId: int a } && Roles.Answers(user.Role) ? a : -1;
        var owner = user is { Role: Roles.Secretariat, OrganisationId: int o } ? o : -1;
        var query = text.Trim();
        if (query.Length > 500) query = query[..500];
        var options = $"StartSel={Start}, StopSel={Stop}, MaxWords=30, MinWords=12, MaxFragments=1";
        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT e."Source", e."MeetingSlug", e."Title", e."Number", e."Heading", e."Attachment", e."FileId", e."Page", e."Closed",
                   e."CollectionSlug", e."RespondentSlug", e."RespondentName", e."Copy",
                   ts_headline('danish', translate(e."Text", chr(2) || chr(3), ''), q, {options}) AS "Snippet"
            FROM "SearchEntries" e, plainto_tsquery('danish', {query}) q
            WHERE e."Document" @@ q AND (
                (e."Source" = 'meeting' AND (
                       ({admin} AND e."Copy" = 'working')
                    OR (NOT {admin} AND e."Copy" = 'working' AND e."OrganisationId" = {secretariat})
                    OR (NOT {admin} AND e."Copy" = 'published' AND e."OrganisationId" <> {secretariat}
                        AND (NOT e."Closed" OR e."OrganisationId" = {reader}))))
                OR (e."Source" = 'collection' AND ({admin} OR e."OrganisationId" = {owner}
                    OR (NOT e."Hidden" AND (e."OrganisationId" = {reader} OR {answering} = ANY(e."Respondents")))))
                OR (e."Source" = 'answer' AND e."Copy" = 'working' AND ({admin} OR e."OrganisationId" = {owner}
                    OR (NOT e."Hidden" AND e."RespondentId" = {answering})))
                OR (e."Source" = 'answer' AND e."Copy" = 'submitted' AND NOT e."Hidden" AND e."OrganisationId" = {reader}))
            ORDER BY ts_rank(e."Document", q) DESC, e."Id"
            LIMIT {max}
            """).ToListAsync(ct);
        return rows.Select(r => SearchEntry.Hit(r.Source, r.MeetingSlug, r.Title, r.Number, r.Heading, r.Attachment, r.FileId, r.Page, Snippet(r.Snippet), r.Closed,
            r.CollectionSlug, r.RespondentSlug, r.RespondentName, r.Copy)).ToList();
    }

    /// <summary>The headline encoded for HTML, its hits in &lt;mark&gt;, and line breaks as spaces (words from two lines stay apart).</summary>
    static string Snippet(string headline) =>
        WebUtility.HtmlEncode(headline.Replace('\n', ' ').Replace('\r', ' ')).Replace(Start.ToString(), "<mark>").Replace(Stop.ToString(), "</mark>");
}
