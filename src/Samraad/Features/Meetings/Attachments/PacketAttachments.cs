using Samraad.Documents.Pdf;

namespace Samraad.Features.Meetings;

/// <summary>
/// The one place that decides which PDF stands for an attachment: an upload as stored; a live attachment from its
/// frozen file once published, otherwise rendered from current data now (a preview before publishing).
/// </summary>
public sealed class PacketAttachments(LiveAttachments live, ChromiumPdf chromium)
{
    public async Task<Dictionary<int, AttachmentPdf>> Handle(MeetingContext ctx, bool useFrozen, CancellationToken ct = default)
    {
        var result = new Dictionary<int, AttachmentPdf>();
        foreach (var a in ctx.Items.SelectMany(i => i.Attachments))
        {
            if (a.File is { } file && (a.Kind == AttachmentKind.Upload || useFrozen))
                result[a.Id] = new AttachmentPdf(file.Content, file.Sha256);
            else if (a.Kind == AttachmentKind.Live && a.LiveSource is not null && await live.Render(a.LiveSource, ct) is { } r)
                result[a.Id] = new AttachmentPdf(await chromium.Print(r.Html, ct), null);
        }
        return result;
    }

    /// <summary>
    /// Freezes every live attachment for publishing: its PDF now, the SHA-256 and the data fingerprint (not saved here).
    /// The error when one can no longer be made because its data is gone.
    /// </summary>
    public async Task<FieldError?> Freeze(MeetingContext ctx, DateTime now, CancellationToken ct = default)
    {
        foreach (var a in ctx.Items.SelectMany(i => i.Attachments).Where(a => a.Kind == AttachmentKind.Live))
        {
            var rendering = await live.Render(a.LiveSource!, ct);
            if (rendering is null) return new FieldError("", $"Det levende bilag »{a.Title}« kan ikke dannes: dets data findes ikke længere. Fjern bilaget.");
            var pdf = await chromium.Print(rendering.Html, ct);
            a.File = StoredFile.Pdf($"{a.Title}.pdf", pdf, PdfFiles.PageCount(pdf), PdfFiles.PageTexts(pdf), now);
            a.FrozenDataHash = rendering.DataHash;
            a.FrozenAtUtc = now;
        }
        return null;
    }
}
