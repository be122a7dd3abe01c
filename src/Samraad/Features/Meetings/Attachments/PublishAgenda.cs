using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Operations.Jobs;

namespace Samraad.Features.Meetings;

/// <summary>
/// *Offentliggør dagsordenen*: checks what must hold, then queues the packet build (<see cref="BuildPublication"/>)
/// and returns at once; the secretariat follows the build on its status page. One build per meeting at a time:
/// pressing the button again, on any node, returns the build already under way.
/// </summary>
public sealed class PublishAgenda(AppDbContext db, JobQueue jobs)
{
    /// <summary>The job's input: which meeting, and who published it (as the version table will say).</summary>
    public sealed record Input(string MeetingSlug, string PublishedBy);

    public static string JobKey(Meeting meeting) => $"{BuildPublication.Kind}:{meeting.Id}";

    public async Task<Outcome<Job>> Handle(MeetingContext ctx, UserContext user, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<Job>.Fail(Problem.Forbidden, "Kun sekretariatet kan offentliggøre dagsordenen.");
        if (ctx.Meeting.PublishRefused is { } refused) return Outcome<Job>.Fail(Problem.Conflict, refused);
        var errors = Check(ctx);
        if (errors.Count > 0) return Outcome<Job>.Fail(Problem.Invalid, "Dagsordenen er ikke offentliggjort.", errors);

        var key = JobKey(ctx.Meeting);
        var job = await jobs.Add(db, BuildPublication.Kind, new Input(ctx.Meeting.Slug, $"{user.Name} ({user.UserName})"), $"{user.Name} ({user.UserName})",
            key: key, maxAttempts: 3, ct: ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbConflicts.IsConflict(e))
        {
            // Another node queued the same meeting's build a moment ago: that build it is.
            db.ChangeTracker.Clear();
            var running = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Key == key, ct);
            // The database was busy, or that build has ended already: nothing is queued, the user presses again.
            if (running is null) return Outcome<Job>.Fail(Problem.Conflict, "Offentliggørelsen kunne ikke sættes i gang lige nu. Prøv igen om et øjeblik.");
            job = running;
        }
        jobs.Wake();
        return Outcome<Job>.Success(job);
    }

    /// <summary>What must hold before publishing: items exist, closed items carry a reason and a public summary.</summary>
    public static List<FieldError> Check(MeetingContext ctx)
    {
        var errors = new List<FieldError>();
        if (!ctx.Meeting.Items.Any()) errors.Add(new FieldError("", "Dagsordenen har ingen punkter endnu."));
        foreach (var item in ctx.Items.Where(i => i.IsClosed))
        {
            if (string.IsNullOrWhiteSpace(item.ClosedReason))
                errors.Add(new FieldError($"punkt-{item.Number}", $"Punkt {item.Number} er lukket, men mangler en begrundelse (§ 10)."));
            if (string.IsNullOrWhiteSpace(item.PublicSummary))
                errors.Add(new FieldError($"punkt-{item.Number}", $"Punkt {item.Number} er lukket, men mangler et offentligt resumé."));
        }
        return errors;
    }
}
