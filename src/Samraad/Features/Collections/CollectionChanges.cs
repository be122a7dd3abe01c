using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Samraad.Features.Collections;

/// <summary>Something that keeps a view of collections up to date (the search index); told after every committed change.</summary>
public interface ICollectionListener
{
    /// <param name="collectionId">The collection that changed.</param>
    /// <param name="organisationId">The respondent whose response changed; null when the collection itself did (its texts, form, status or respondents).</param>
    /// <param name="ct">Stops the work.</param>
    Task CollectionChanged(int collectionId, int? organisationId, CancellationToken ct);
}

/// <summary>
/// Tells the listeners what changed in collections, from what every save writes: a collection, its respondents, a
/// response, its answers or its receipt. Watching the saves instead of calling out from each use case means no path
/// that writes (the page, the API, a pack, a reopening, the benchmark's generator) can forget it. Listeners are told
/// after the commit (after the save, or after the transaction it was part of), through <see cref="CollectionChangeQueue"/>:
/// they read what was committed, the save does not wait for them, and a failing listener cannot undo the user's change.
/// </summary>
public sealed class CollectionChangeTracking(IServiceProvider services) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    sealed class Pending
    {
        /// <summary>Inside SaveChanges: its own transaction's commit is followed by SavedChanges, which queues the changes.</summary>
        public bool Saving;
        public readonly List<Collection> Collections = [];
        public readonly HashSet<(int Collection, int? Organisation)> Changes = [];
        public readonly List<int> Responses = [];
        public readonly List<Response> NewResponses = [];
    }

    readonly ConditionalWeakTable<DbContext, Pending> pending = new();

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavedChanges(eventData, result));

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Saved(eventData.Context) is { } db) Notify(db);
        return result;
    }

    /// <summary>The context to notify for now: one whose save is not part of a transaction still open.</summary>
    DbContext? Saved(DbContext? db)
    {
        if (db is null || !pending.TryGetValue(db, out var p)) return null;
        p.Saving = false;
        return db.Database.CurrentTransaction is null ? db : null;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Discard(eventData.Context);
    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) { Discard(eventData.Context); return Task.CompletedTask; }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (Committed(eventData.Context) is { } db) Notify(db);
    }

    /// <summary>The context to notify for a commit: not SaveChanges' own (SavedChanges follows it).</summary>
    DbContext? Committed(DbContext? db) => db is not null && pending.TryGetValue(db, out var p) && !p.Saving ? db : null;

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);
    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) { Discard(eventData.Context); return Task.CompletedTask; }

    void Discard(DbContext? db) { if (db is not null) pending.Remove(db); }

    /// <summary>A transaction begun by the caller starts with nothing pending (what a transaction disposed uncommitted left is not sent).</summary>
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        if (eventData.Context is { } db && pending.TryGetValue(db, out var p) && !p.Saving) pending.Remove(db);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    /// <summary>A collection's change that shows in what is found: its texts, form, status, owner or address.</summary>
    static readonly string[] Indexed = [nameof(Collection.Title), nameof(Collection.Description), nameof(Collection.Status), nameof(Collection.FormVersionId), nameof(Collection.OwnerOrganisationId), nameof(Collection.Slug)];

    static bool Shows(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, params string[] properties) =>
        entry.State != EntityState.Modified || entry.Properties.Any(p => p.IsModified && properties.Contains(p.Metadata.Name));

    /// <summary>What this save touches, noted before it runs (afterwards deleted rows are gone from the tracker).</summary>
    void Collect(DbContext? db)
    {
        if (db is null) return;
        Pending? p = null;
        Pending Get()
        {
            p ??= pending.GetValue(db, _ => new Pending());
            p.Saving = true;
            return p;
        }
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                // A deadline extended or a reminder setting changed reindexes nothing (it would rebuild 98 responses).
                case Collection c when Shows(entry, Indexed): Get().Collections.Add(c); break;
                case CollectionRespondent r when Shows(entry, nameof(CollectionRespondent.RemovedAtUtc)): Get().Changes.Add((r.CollectionId, null)); break;
                case Response r when entry.State == EntityState.Added: Get().NewResponses.Add(r); break;
                case Response r: Get().Changes.Add((r.CollectionId, r.OrganisationId)); break;
                case Answer a: Get().Responses.Add(a.ResponseId); break;
                case Receipt r: Get().Responses.Add(r.ResponseId); break;
            }
        }
    }

    /// <summary>Queues what the context's saves changed for the listeners (see <see cref="CollectionChangeQueue"/>).</summary>
    void Notify(DbContext db)
    {
        if (!pending.TryGetValue(db, out var p)) return;
        pending.Remove(db);
        var changes = p.Changes;
        foreach (var c in p.Collections) changes.Add((c.Id, null));
        foreach (var r in p.NewResponses) changes.Add((r.CollectionId, r.OrganisationId));
        // Answers and receipts name their response; it is usually tracked (a draft is applied to a loaded response).
        var tracked = db.ChangeTracker.Entries<Response>().Select(e => e.Entity).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
        var untracked = new List<int>();
        foreach (var id in p.Responses.Where(id => id > 0).Distinct())
            if (tracked.TryGetValue(id, out var r)) changes.Add((r.CollectionId, r.OrganisationId)); else untracked.Add(id);
        services.GetRequiredService<CollectionChangeQueue>().Add(changes, untracked);
    }
}
