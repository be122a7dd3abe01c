using Samraad.Documents;
using Samraad.Documents.Pdf;
using Samraad.Features.Meetings.Documents;
using Samraad.Operations.Jobs;

namespace Samraad.Features.Meetings;

/// <summary>The PDF of an attachment as it goes into the packet, with its hash when frozen.</summary>
public sealed record AttachmentPdf(byte[] Pdf, string? Sha256);

/// <summary>A finished packet: the PDF and where each item and attachment starts in it.</summary>
public sealed record Packet(byte[] Pdf, IReadOnlyDictionary<int, int> ItemPage, IReadOnlyDictionary<int, int> AttachmentPage, int Pages, PacketTimings Timings);

/// <summary>Where a build's time went (the bench prints it): printing the items, the cover and contents passes, merging and stamping.</summary>
public sealed record PacketTimings(TimeSpan Items, TimeSpan Contents, TimeSpan Merge);

/// <summary>
/// Makes the meeting packet: cover, contents with page numbers and the attachment list (SHA-256), then each item
/// followed by its attachments headed with the item — as one PDF with bookmarks and "Side X af Y".
/// Items and generated parts are the same Razor components as the web view, printed by Chromium.
/// </summary>
public sealed class BuildPacket(HtmlDocuments html, ChromiumPdf chromium)
{
    public async Task<Packet> Handle(Meeting meeting, IReadOnlyDictionary<int, AttachmentPdf> attachments,
        int? version, DateTime? publishedAtUtc, CancellationToken ct = default, IProgress<JobProgress>? progress = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var items = meeting.Items.OrderBy(i => AgendaItem.SortKey(i.Number)).ToList();
        // Items print two at a time; their page counts decide every later page number.
        var printed = 0;
        progress?.Report(new JobProgress(0, items.Count, "Udskriver dagsordenens punkter"));
        var itemPdfs = await Task.WhenAll(items.Select(async item =>
        {
            var pdf = await Print<PacketItemDocument>(item.Heading, new() { ["Item"] = item }, ct);
            progress?.Report(new JobProgress(Interlocked.Increment(ref printed), items.Count, "Udskriver dagsordenens punkter"));
            return pdf;
        }));
        var itemsTook = watch.Elapsed;
        var cover = await Print<PacketCover>(meeting.Title, new() { ["Meeting"] = meeting, ["Version"] = version, ["PublishedAtUtc"] = publishedAtUtc }, ct);

        var tocPages = 1;
        byte[] toc;
        Dictionary<int, int> itemPage, attachmentPage;
        while (true)
        {
            (itemPage, attachmentPage, var entries) = Layout(items, itemPdfs, attachments, PdfFiles.PageCount(cover) + tocPages + 1);
            toc = await Print<PacketToc>("Indhold", new() { ["Entries"] = entries }, ct);
            var tocPrinted = PdfFiles.PageCount(toc);
            if (tocPrinted == tocPages) break;
            tocPages = tocPrinted; // the contents grew onto another page: lay out again
        }

        var contentsTook = watch.Elapsed - itemsTook;
        var parts = new List<PdfPart> { new(cover, "Forside"), new(toc, "Indhold") };
        for (var i = 0; i < items.Count; i++)
        {
            var itemIndex = parts.Count;
            parts.Add(new PdfPart(itemPdfs[i], items[i].Heading));
            foreach (var a in items[i].Attachments.OrderBy(a => a.SortOrder))
                if (attachments.TryGetValue(a.Id, out var pdf))
                    parts.Add(new PdfPart(pdf.Pdf, $"Bilag: {a.Title}", itemIndex, items[i].Heading));
        }
        var footer = $"{meeting.Body?.Name} · {DanishTime.Date(meeting.StartsAtUtc)} · " + (version is int v ? $"dagsorden version {v}" : "udkast");
        var total = parts.Sum(p => PdfFiles.PageCount(p.Pdf));
        var added = 0;
        var bytes = PdfAssembler.Assemble(parts, footer, meeting.FullTitle,
            progress is null ? null : () => { if (++added % 10 == 0 || added == total) progress.Report(new JobProgress(added, total, "Samler pakken")); });
        return new Packet(bytes, itemPage, attachmentPage, PdfFiles.PageCount(bytes), new PacketTimings(itemsTook, contentsTook, watch.Elapsed - itemsTook - contentsTook));
    }

    static (Dictionary<int, int>, Dictionary<int, int>, List<PacketToc.Entry>) Layout(
        List<AgendaItem> items, byte[][] itemPdfs, IReadOnlyDictionary<int, AttachmentPdf> attachments, int firstPage)
    {
        var itemPage = new Dictionary<int, int>();
        var attachmentPage = new Dictionary<int, int>();
        var entries = new List<PacketToc.Entry>();
        var page = firstPage;
        for (var i = 0; i < items.Count; i++)
        {
            itemPage[items[i].Id] = page;
            var itemPages = PdfFiles.PageCount(itemPdfs[i]);
            entries.Add(new PacketToc.Entry(items[i].Heading, page, false, items[i].Number, itemPages, null));
            page += itemPages;
            foreach (var a in items[i].Attachments.OrderBy(a => a.SortOrder))
            {
                if (!attachments.TryGetValue(a.Id, out var pdf)) continue;
                var pages = PdfFiles.PageCount(pdf.Pdf);
                attachmentPage[a.Id] = page;
                entries.Add(new PacketToc.Entry(a.Title, page, true, items[i].Number, pages, pdf.Sha256));
                page += pages;
            }
        }
        return (itemPage, attachmentPage, entries);
    }

    async Task<byte[]> Print<T>(string title, Dictionary<string, object?> parameters, CancellationToken ct)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        await chromium.Print(await html.Document<T>(title, parameters), ct);
}
