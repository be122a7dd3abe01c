using Samraad.Documents.Pdf;

namespace Samraad.Features.Meetings;

/// <summary>
/// The attachment PDFs for a packet: uploads as stored; live attachments from their frozen file when frozen,
/// otherwise rendered from current data now (a preview before publishing).
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
}
