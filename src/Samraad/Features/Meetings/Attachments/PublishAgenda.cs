using Samraad.Data;

namespace Samraad.Features.Meetings;

/// <summary>
/// Publishes (or republishes) the agenda: freezes every live attachment (stored bytes, SHA-256, data fingerprint),
/// renders and stores the packet, and records the version with its change list. Everything is rendered first and
/// written in one save, so a failure stores nothing.
/// </summary>
public sealed class PublishAgenda(AppDbContext db, PacketAttachments pdfs, BuildPacket build, TimeProvider clock, MeetingChanges changes, Notices.MeetingMail mail)
{
    public async Task<Outcome<Publication>> Handle(MeetingContext ctx, UserContext user, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<Publication>.Fail(Problem.Forbidden, "Kun sekretariatet kan offentliggøre dagsordenen.");
        var meeting = ctx.Meeting;
        // Checked before the (slow) rendering; Publish() below guards the same rule where the state changes.
        if (meeting.PublishRefused is { } refused) return Outcome<Publication>.Fail(Problem.Conflict, refused);
        var errors = Check(ctx);
        if (errors.Count > 0) return Outcome<Publication>.Fail(Problem.Invalid, "Dagsordenen er ikke offentliggjort.", errors);

        var now = clock.GetUtcNow().UtcDateTime;
        if (await pdfs.Freeze(ctx, now, ct) is { } gone) return Outcome<Publication>.Fail(Problem.Invalid, "Dagsordenen er ikke offentliggjort.", [gone]);
        var attachments = await pdfs.Handle(ctx, useFrozen: true, ct);
        var version = (ctx.Latest?.Version ?? 0) + 1;
        var packet = await build.Handle(meeting, attachments, version, now, ct);

        var publication = new Publication
        {
            MeetingId = meeting.Id, Version = version, PublishedAtUtc = now, PublishedBy = $"{user.Name} ({user.UserName})",
            PacketFile = StoredFile.Pdf($"{meeting.Slug}-dagsorden-v{version}.pdf", packet.Pdf, packet.Pages, texts: null, now),
        };
        db.Publications.Add(publication);
        meeting.Publish();
        // The snapshot names the frozen files by id, which they have once saved: two saves, one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var snapshot = AgendaSnapshot.Of(ctx.Items, attachments.ToDictionary(a => a.Key, a => a.Value.Sha256!));
        publication.SnapshotJson = snapshot.ToJson();
        var changed = AgendaSnapshot.Changes(ctx.PublishedSnapshot, snapshot).ToList();
        publication.Changes = string.Join("\n", changed);
        // The members' notice is saved with the publication: told of exactly what was published, never of a rollback.
        await mail.AgendaPublished(meeting, publication, publication.Version == 1 ? [] : changed);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await changes.Notify(db, meeting.Slug, ct);
        return Outcome<Publication>.Success(publication);
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
