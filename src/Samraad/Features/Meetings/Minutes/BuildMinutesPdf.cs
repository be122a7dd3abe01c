using Samraad.Documents;
using Samraad.Documents.Pdf;
using Samraad.Features.Meetings.Pages;

namespace Samraad.Features.Meetings;

/// <summary>The beslutningsprotokol as PDF, from the same component as its web page, with "Side X af Y".</summary>
public sealed class BuildMinutesPdf(HtmlDocuments html, ChromiumPdf chromium)
{
    public async Task<byte[]> Handle(MeetingContext ctx, bool includeClosed, CancellationToken ct = default)
    {
        var doc = await html.Document<MinutesView>($"Beslutningsprotokol – {ctx.Meeting.Title}",
            new Dictionary<string, object?> { ["Ctx"] = ctx, ["IncludeClosed"] = includeClosed });
        var pdf = await chromium.Print(doc, ct);
        return PdfAssembler.Assemble([new PdfPart(pdf, "Beslutningsprotokol")],
            $"{ctx.Meeting.Body?.Name} · beslutningsprotokol · {DanishTime.Date(ctx.Meeting.StartsAtUtc)}", $"Beslutningsprotokol – {ctx.Meeting.Title}");
    }
}
