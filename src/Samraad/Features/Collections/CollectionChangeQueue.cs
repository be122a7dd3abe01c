using Microsoft.EntityFrameworkCore;

namespace Samraad.Features.Collections;

/// <summary>
/// Tells the <see cref="ICollectionListener"/>s about committed changes off the request: a save answers once it is
/// committed, and one pump behind it tells the listeners, one change at a time. Changes that pile up while it works
/// are merged (a response saved five times meanwhile is indexed once, as it is by then), so a deadline rush costs the
/// index what the users changed, not how often they clicked; telling the index inside each save made a draft save
/// twice as expensive (`bench load`). Whoever needs the listeners current waits for <see cref="Flush(CancellationToken)"/> first (every
/// search does): everything queued before it has been told. Stopping the host, and the end of a command-line verb,
/// flush too, so nothing committed is left untold by a clean stop; a killed process loses what was still queued
/// (on SQLite the index is rebuilt at the next start; on PostgreSQL the response is reindexed at its next change).
/// </summary>
public sealed class CollectionChangeQueue(IServiceProvider services, ILogger<CollectionChangeQueue> log) : IHostedService
{
    readonly Lock gate = new();
    HashSet<(int Collection, int? Organisation)> changes = [];
    HashSet<int> responses = [];
    long queued, told;
    bool pumping;
    readonly List<(long Upto, TaskCompletionSource Done)> waiting = [];

    /// <summary>How long a search waits for the listeners at most: a listener that hangs must not hang every search.</summary>
    static readonly TimeSpan FlushLimit = TimeSpan.FromSeconds(10);

    /// <param name="changed">Collections (organisation null: the collection itself) and responses (collection, respondent) that changed.</param>
    /// <param name="responseIds">Responses known only by id (an answer or a receipt saved without its response loaded).</param>
    public void Add(IEnumerable<(int Collection, int? Organisation)> changed, IEnumerable<int> responseIds)
    {
        lock (gate)
        {
            changes.UnionWith(changed);
            responses.UnionWith(responseIds);
            queued++;
            if (pumping) return;
            pumping = true;
        }
        _ = Task.Run(Pump);
    }

    /// <summary>Waits until every change queued before the call has been told to the listeners (a search: at most 10 s).</summary>
    /// <param name="ct">Stops the wait (not the telling).</param>
    public Task Flush(CancellationToken ct) => Flush(FlushLimit, ct);

    /// <param name="limit">How long to wait at most.</param>
    /// <param name="ct">Stops the wait (not the telling).</param>
    public async Task Flush(TimeSpan limit, CancellationToken ct)
    {
        TaskCompletionSource done;
        lock (gate)
        {
            if (told >= queued) return;
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting.Add((queued, done));
        }
        try { await done.Task.WaitAsync(limit, ct); }
        catch (TimeoutException) { log.LogWarning("Søgeindekset var ikke ajour efter {Seconds} s; der søges i det, det har", limit.TotalSeconds); }
    }

    async Task Pump()
    {
        while (true)
        {
            HashSet<(int Collection, int? Organisation)> next;
            HashSet<int> ids;
            long upto;
            lock (gate)
            {
                if (told >= queued) { pumping = false; return; }
                (next, changes, ids, responses, upto) = (changes, [], responses, [], queued);
            }
            await Tell(next, ids);
            lock (gate)
            {
                told = upto;
                foreach (var w in waiting.Where(w => w.Upto <= told).ToList()) { w.Done.TrySetResult(); waiting.Remove(w); }
            }
        }
    }

    async Task Tell(HashSet<(int Collection, int? Organisation)> next, HashSet<int> ids)
    {
        try
        {
            using var scope = services.CreateScope();
            // Its own try: responses known only by id that cannot be looked up now must not cost the batch's other changes.
            if (ids.Count > 0)
                try
                {
                    var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
                    foreach (var r in await db.Responses.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.CollectionId, r.OrganisationId }).ToListAsync())
                        next.Add((r.CollectionId, r.OrganisationId));
                }
                catch (Exception e) when (e is not ObjectDisposedException)
                {
                    log.LogError(e, "Besvarelser {Ids} kunne ikke slås op til søgeindekset", string.Join(", ", ids));
                }
            // A change to the collection covers its responses.
            var whole = next.Where(c => c.Organisation is null).Select(c => c.Collection).ToHashSet();
            var listeners = services.GetServices<ICollectionListener>().ToList();
            foreach (var (collection, organisation) in next.Where(c => c.Collection > 0 && (c.Organisation is null || !whole.Contains(c.Collection))))
            foreach (var listener in listeners)
            {
                try { await listener.CollectionChanged(collection, organisation, CancellationToken.None); }
                catch (Exception e)
                {
                    log.LogError(e, "Søgeindekset for indsamling {Collection} (respondent {Organisation}) kunne ikke opdateres", collection, organisation);
                }
            }
        }
        catch (ObjectDisposedException) { } // the app is gone (a test host disposed without stopping): nothing left to tell
        catch (Exception e) { log.LogError(e, "Ændringer i indsamlinger kunne ikke gives videre til søgeindekset"); }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A clean stop tells the listeners what was committed before it, for as long as the host allows.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try { await Flush(Timeout.InfiniteTimeSpan, cancellationToken); }
        catch (OperationCanceledException) { log.LogWarning("Stoppet, før søgeindekset var ajour"); }
    }
}
