using Microsoft.EntityFrameworkCore;
using MimeKit;
using Samraad.Data;

namespace Samraad.Features.Notifications;

/// <summary>
/// One pass of the sender: claim due messages one by one and deliver them. Only a row still queued and unclaimed,
/// or whose lease ran out, is taken (see <see cref="Claim"/>), so each message is sent by one node. A failure is
/// recorded and tried again later (1, 2, 5, 10, 30 minutes, then hourly); an address the server refuses, or the last
/// attempt, marks it failed with the reason.
/// </summary>
public sealed class DeliverOutbox(AppDbContext db, IMailTransport transport, TimeProvider clock, MailOptions options, ILogger<DeliverOutbox> log)
{
    const string SentSecret = "(Indholdet er slettet efter afsendelsen, fordi det havde et engangslink.)";

    /// <summary>How long a claim holds: a node that died while sending gives the message up after this.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    /// <summary>This process, as a claim names it: the same name the job runner's leases use.</summary>
    public static string Node => Operations.Jobs.JobRunner.Node;

    static string Truncate(string s, int max) => s.Length > max ? s[..max] : s;

    static readonly TimeSpan[] Backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30)];
    public static TimeSpan Delay(int attempts) => attempts <= Backoff.Length ? Backoff[attempts - 1] : TimeSpan.FromHours(1);

    /// <summary>Sends what is due; returns how many messages this pass handled (sent or failed).</summary>
    public async Task<int> Handle(int batch = 20, CancellationToken ct = default)
    {
        var handled = 0;
        // One message per claim, the clock read per claim: a slow server cannot make a pass outlast a lease taken at its start.
        while (handled < batch && await Claim(ct) is { } id)
        {
            var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, ct);
            await Deliver(message, ct);
            handled++;
        }
        return handled;
    }

    /// <summary>
    /// Takes the next due message for this node. PostgreSQL: one UPDATE of the row chosen by <c>FOR UPDATE SKIP
    /// LOCKED</c>, so nodes sending at once take different messages without waiting on each other. SQLite (one
    /// node): a conditional UPDATE of the first due row; of two claimers one changes it, the other nothing.
    /// </summary>
    async Task<long?> Claim(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        if (db.Database.IsNpgsql())
        {
            var queued = nameof(DeliveryState.Queued);
            return (await db.Database.SqlQuery<long>($"""
                UPDATE "Outbox" SET "ClaimedUntil" = {until}, "ClaimedBy" = {Node}
                WHERE "Id" = (SELECT "Id" FROM "Outbox"
                    WHERE "State" = {queued} AND "NextAttemptAt" <= {now} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {now})
                    ORDER BY "NextAttemptAt", "Id" LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct)).Cast<long?>().FirstOrDefault();
        }
        for (var tries = 0; tries < 5; tries++)
        {
            var id = await db.Outbox.AsNoTracking()
                .Where(m => m.State == DeliveryState.Queued && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
            if (id is null) return null;
            var claimed = await db.Outbox
                .Where(m => m.Id == id && m.State == DeliveryState.Queued && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until).SetProperty(m => m.ClaimedBy, Node), ct);
            if (claimed == 1) return id;
        }
        return null; // another claimer kept winning: the next pass tries again
    }

    async Task Deliver(OutboxMessage m, CancellationToken ct)
    {
        string? error = null;
        var permanent = false;
        try { await transport.Send(ToMime(m), ct); }
        catch (MailDeliveryException e) { error = e.Message; permanent = e.Permanent; }
        catch (Exception e) when (e is not OperationCanceledException) { error = $"Uventet fejl: {e.Message}"; } // tried again, as a network error is
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = m.Attempts + 1;
        var mine = db.Outbox.Where(x => x.Id == m.Id && x.ClaimedBy == Node);
        if (error is null)
        {
            await mine.ExecuteUpdateAsync(s => s.SetProperty(x => x.State, DeliveryState.Sent).SetProperty(x => x.SentAt, now)
                .SetProperty(x => x.Attempts, attempts).SetProperty(x => x.ClaimedUntil, (DateTime?)null).SetProperty(x => x.LastError, (string?)null), CancellationToken.None);
            // An invitation or reset holds a one-time secret: once delivered, the copy in the database goes (only its hash stays, in AccountTokens).
            if (m.Category == MessageCategory.Security)
                await db.Outbox.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.TextBody, SentSecret).SetProperty(x => x.HtmlBody, SentSecret)
                    .SetProperty(x => x.Link, (string?)null), CancellationToken.None);
            return;
        }
        error = Truncate(error, 1000);
        var gaveUp = permanent || attempts >= options.MaxAttempts;
        log.LogWarning("E-mail {Id} til {Address} kunne ikke sendes (forsøg {Attempts}{Final}): {Error}", m.Id, m.ToAddress, attempts, gaveUp ? ", opgivet" : "", error);
        await mine.ExecuteUpdateAsync(s => s.SetProperty(x => x.State, gaveUp ? DeliveryState.Failed : DeliveryState.Queued)
            .SetProperty(x => x.Attempts, attempts).SetProperty(x => x.LastError, error)
            .SetProperty(x => x.NextAttemptAt, now + Delay(attempts)).SetProperty(x => x.ClaimedUntil, (DateTime?)null), CancellationToken.None);
    }

    /// <summary>The message as MIME: plain text and HTML, Danish, and a Message-Id from the outbox row, so a receiver can tell a repeat.</summary>
    public MimeMessage ToMime(OutboxMessage m)
    {
        var from = MailboxAddress.Parse(options.From);
        var mime = new MimeMessage { Subject = m.Subject, MessageId = $"samraad-{m.Id}-{m.CreatedAt:yyyyMMddHHmmss}@{from.Domain}", Date = m.CreatedAt };
        mime.From.Add(from);
        mime.To.Add(new MailboxAddress(m.ToName, m.ToAddress));
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Body = new BodyBuilder { TextBody = m.TextBody, HtmlBody = m.HtmlBody }.ToMessageBody();
        mime.Body.Headers.Add("Content-Language", "da"); // a Content-* header belongs to the body entity in MIME
        return mime;
    }
}

/// <summary>The background sender of each node: a pass every few seconds (Samraad:Mail:PollSeconds).</summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, MailOptions options, IMailTransport transport, ILogger<OutboxWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (!options.Send) { log.LogInformation("E-mail sendes ikke fra denne node (Samraad:Mail:Send=false)"); return; }
        log.LogInformation("{Where}", transport.Describe());
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var handled = await scope.ServiceProvider.GetRequiredService<DeliverOutbox>().Handle(ct: stop);
                if (handled > 0) continue; // more may be due
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception e) { log.LogError(e, "Udsendelsen af e-mails fejlede; prøver igen"); }
            try { await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), stop); } catch (OperationCanceledException) { return; }
        }
    }
}
