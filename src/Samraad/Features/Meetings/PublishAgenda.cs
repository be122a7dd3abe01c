using Samraad.Auth;
using Samraad.Data;
using Samraad.Documents.Pdf;
using Samraad.Features.Collections;
using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Meetings;

/// <summary>
/// Publishes (or republishes) the agenda: freezes every live attachment (stored bytes, SHA-256, data fingerprint),
/// renders and stores the packet, and records the version with its change list. Everything is rendered first and
/// written in one save, so a failure stores nothing.
/// </summary>
public sealed class PublishAgenda(AppDbContext db, LiveAttachments live, ChromiumPdf chromium, BuildPacket build,
    TimeProvider clock, Search.SearchIndex search)
{
    public async Task<Outcome<Publication>> Handle(MeetingContext ctx, UserContext user, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<Publication>.Fail(Problem.Forbidden, "Kun sekretariatet kan offentliggøre dagsordenen.");
        var meeting = ctx.Meeting;
        if (meeting.Status is MeetingStatus.Held or MeetingStatus.MinutesApproved)
            return Outcome<Publication>.Fail(Problem.Conflict, "Mødet er afholdt; dagsordenen kan ikke offentliggøres igen.");
        var errors = Check(ctx);
        if (errors.Count > 0) return Outcome<Publication>.Fail(Problem.Invalid, "Dagsordenen er ikke offentliggjort.", errors);

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var a in ctx.Items.SelectMany(i => i.Attachments).Where(a => a.Kind == AttachmentKind.Live))
        {
            var rendering = await live.Render(a.LiveSource!, ct);
            if (rendering is null)
                return Outcome<Publication>.Fail(Problem.Invalid, "Dagsordenen er ikke offentliggjort.",
                    [new FieldError("", $"Det levende bilag »{a.Title}« kan ikke dannes: dets data findes ikke længere. Fjern bilaget.")]);
            var pdf = await chromium.Print(rendering.Html, ct);
            a.File = StoredFile.Pdf($"{a.Title}.pdf", pdf, PdfFiles.PageCount(pdf), PdfFiles.PageTexts(pdf), now);
            a.FrozenDataHash = rendering.DataHash;
            a.FrozenAtUtc = now;
        }
        var attachments = ctx.Items.SelectMany(i => i.Attachments).Where(a => a.File is not null)
            .ToDictionary(a => a.Id, a => new AttachmentPdf(a.File!.Content, a.File.Sha256));
        var version = (ctx.Latest?.Version ?? 0) + 1;
        var packet = await build.Handle(meeting, attachments, version, now, ct);

        var snapshot = AgendaSnapshot.Of(ctx.Items, attachments.ToDictionary(a => a.Key, a => a.Value.Sha256!));
        var previous = ctx.Latest is { } latest ? AgendaSnapshot.FromJson(latest.SnapshotJson) : null;
        var publication = new Publication
        {
            MeetingId = meeting.Id, Version = version, PublishedAtUtc = now, PublishedBy = $"{user.Name} ({user.UserName})",
            PacketFile = StoredFile.Pdf($"{meeting.Slug}-dagsorden-v{version}.pdf", packet.Pdf, packet.Pages, PdfFiles.PageTexts(packet.Pdf), now),
            SnapshotJson = snapshot.ToJson(), Changes = string.Join("\n", AgendaSnapshot.Changes(previous, snapshot)),
        };
        db.Publications.Add(publication);
        meeting.Status = MeetingStatus.Published;
        await db.SaveChangesAsync(ct);
        await search.IndexMeeting(db, meeting.Slug, ct);
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
