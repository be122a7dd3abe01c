using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Notifications;
using Samraad.Features.Reference;

namespace Samraad.Features.Collections.Notices;

/// <summary>
/// Reminders to the respondents that have not submitted: the scheduled ones (<see cref="Due"/>, run by every node
/// each minute: the outbox's unique key on each reminder makes a second node's attempt write nothing), and
/// *Send påmindelse nu* (<see cref="Now"/>). None to a respondent that has submitted, nor after its deadline.
/// </summary>
public sealed class SendReminders(AppDbContext db, CollectionMail mail, Outbox outbox, TimeProvider clock) : IScheduledNotices
{
    /// <summary>Queues every scheduled reminder that is due; returns how many messages were queued.</summary>
    public async Task<int> Due(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // One-off collections that are open now; a periodic collection's reminders would need a period each (not yet).
        var slugs = await db.Collections.Where(c => c.Status == CollectionStatus.Open && c.PeriodKind == null && c.OpensAtUtc <= now
                && c.ReminderDays != "" && db.CollectionRespondents.Any(r => r.CollectionId == c.Id && (r.ExtendedDeadlineUtc ?? c.DeadlineUtc) > now))
            .Select(c => c.Slug).ToListAsync(ct);
        var queued = 0;
        foreach (var slug in slugs)
        {
            if (await CollectionContext.Load(db, slug, ct) is not { } ctx) continue;
            var days = ReminderSchedule.Days(ctx.Collection.ReminderDays);
            foreach (var org in await NotSubmitted(ctx, ct))
            {
                if (ReminderSchedule.Due(days, ctx.Collection.OpensAtUtc, ctx.DeadlineFor(org.Id), now) is not int n) continue;
                queued += await Save(ctx, org, now, n, ct);
            }
        }
        return queued;
    }

    /// <summary>*Send påmindelse nu*: every respondent still missing, at once. Returns (organisations, messages).</summary>
    public async Task<Outcome<(int Organisations, int Messages)>> Now(CollectionContext ctx, UserContext user, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<(int, int)>.Fail(Problem.Forbidden, "Kun sekretariatet kan sende påmindelser.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (ctx.Collection.Status != CollectionStatus.Open || ctx.Collection.IsPeriodic)
            return Outcome<(int, int)>.Fail(Problem.Conflict, "Der kan kun sendes påmindelser om en offentliggjort indsamling uden perioder.");
        var missing = (await NotSubmitted(ctx, ct)).Where(o => ctx.DeadlineFor(o.Id) > now && ctx.Collection.OpensAtUtc <= now).ToList();
        if (missing.Count == 0) return Outcome<(int, int)>.Fail(Problem.Conflict, "Alle respondenter med en frist, der ikke er overskredet, har indsendt.");
        var messages = 0;
        foreach (var org in missing) messages += await mail.Reminder(ctx, org, now, null);
        await db.SaveChangesAsync(ct);
        return Outcome<(int, int)>.Success((missing.Count, messages));
    }

    async Task<List<Organisation>> NotSubmitted(CollectionContext ctx, CancellationToken ct)
    {
        var submitted = await db.Responses.Where(r => r.CollectionId == ctx.Collection.Id && r.Period == "" && r.Status == ResponseStatus.Submitted)
            .Select(r => r.OrganisationId).ToListAsync(ct);
        return ctx.Respondents.Where(o => !submitted.Contains(o.Id)).ToList();
    }

    /// <summary>One organisation's scheduled reminder, unless this node or another queued it already.</summary>
    async Task<int> Save(CollectionContext ctx, Organisation org, DateTime now, int n, CancellationToken ct)
    {
        await mail.Reminder(ctx, org, now, n);
        return await outbox.SaveOnce(ct);
    }
}
