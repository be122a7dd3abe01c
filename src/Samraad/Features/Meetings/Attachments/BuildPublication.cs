using System.Diagnostics;
using Samraad.Data;
using Samraad.Operations;
using Samraad.Operations.Jobs;

namespace Samraad.Features.Meetings;

/// <summary>
/// The packet build behind *Offentliggør dagsordenen*, run as a job by whichever node claims it: freezes every live
/// attachment (stored bytes, SHA-256, data fingerprint), renders the packet and records the version with its change
/// list and the members' notice. Everything is rendered first and written in one transaction that also marks the
/// job done, so a failure stores nothing and a node that lost the job to another stores nothing either. The rules
/// are checked again: the agenda may have changed since the button was pressed.
/// </summary>
public sealed class BuildPublication(AppDbContext db, PacketAttachments pdfs, BuildPacket build, TimeProvider clock, MeetingChanges changes,
    Notices.MeetingMail mail) : IJobHandler
{
    public const string Kind = "packet";
    string IJobHandler.Kind => Kind;

    public async Task Run(JobRun run, CancellationToken ct)
    {
        var input = run.Input<PublishAgenda.Input>();
        var watch = Stopwatch.StartNew();
        var ctx = await MeetingContext.Load(db, input.MeetingSlug, ct) ?? throw new JobFailedException("Mødet findes ikke længere.");
        var meeting = ctx.Meeting;
        if (meeting.PublishRefused is { } refused) throw new JobFailedException(refused);
        if (PublishAgenda.Check(ctx) is { Count: > 0 } errors) throw new JobFailedException(string.Join(" ", errors.Select(e => e.Message)));

        run.Report(new JobProgress(0, 0, "Fastfryser de levende bilag"));
        var now = clock.GetUtcNow().UtcDateTime;
        if (await pdfs.Freeze(ctx, now, ct) is { } gone) throw new JobFailedException(gone.Message);
        var attachments = await pdfs.Handle(ctx, useFrozen: true, ct);
        var version = (ctx.Latest?.Version ?? 0) + 1;
        var packet = await build.Handle(meeting, attachments, version, now, ct, run);

        var publication = new Publication
        {
            MeetingId = meeting.Id, Version = version, PublishedAtUtc = now, PublishedBy = input.PublishedBy,
            PacketFile = StoredFile.Pdf($"{meeting.Slug}-dagsorden-v{version}.pdf", packet.Pdf, packet.Pages, texts: null, now),
        };
        db.Publications.Add(publication);
        if (meeting.Publish() is { Ok: false } no) throw new JobFailedException(no.Message!);
        // The snapshot names the frozen files by id, which they have once saved: two saves, one transaction, with the job's end.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var snapshot = AgendaSnapshot.Of(ctx.Items, attachments.ToDictionary(a => a.Key, a => a.Value.Sha256!));
        publication.SnapshotJson = snapshot.ToJson();
        var changed = AgendaSnapshot.Changes(ctx.PublishedSnapshot, snapshot).ToList();
        publication.Changes = string.Join("\n", changed);
        // The members' notice is saved with the publication: told of exactly what was published, never of a rollback.
        await mail.AgendaPublished(meeting, publication, publication.Version == 1 ? [] : changed);
        await db.SaveChangesAsync(ct);
        // Search reads the publication through this transaction, so whoever is sent on to the published meeting
        // finds it; a commit that then failed would leave the index one version ahead until the next change.
        await changes.Notify(db, meeting.Slug, ct);
        await run.Finish(db, ct);
        await transaction.CommitAsync(ct);
        SamraadMetrics.PacketBuilt(watch.Elapsed);
    }
}
