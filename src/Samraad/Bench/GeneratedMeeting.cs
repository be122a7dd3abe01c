using Samraad.Documents.Pdf;
using Samraad.Features.Meetings;

namespace Samraad.Bench;

/// <summary>
/// A deterministic meeting for the packet benchmark: 20 items, each with case text and one uploaded attachment of
/// ten pages (200 attachment pages in all). Built in memory: the packet is what is measured, not the database.
/// </summary>
public static class GeneratedMeeting
{
    public static (Meeting Meeting, Dictionary<int, AttachmentPdf> Attachments) Create()
    {
        var meeting = new Meeting
        {
            Title = "Benchmark: møde med 20 punkter (syntetiske data)", Place = "Benchmark",
            StartsAtUtc = new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc), Body = new Body { Name = "KKR Benchmark" },
        };
        var attachments = new Dictionary<int, AttachmentPdf>();
        // One ten-page text: about 50 lines of 14 pt fit an A4 page, less the title on the first.
        var pageText = string.Join("\n", Enumerable.Range(1, 495).Select(i => $"Linje {i}: syntetisk bilagstekst om botilbud, akutfunktioner og lånepuljer."));
        for (var n = 1; n <= 20; n++)
        {
            var pdf = TextPdf.Create($"Bilag til punkt 3.{n}", pageText);
            var item = new AgendaItem
            {
                Id = n, Number = $"3.{n}", Kind = (ItemKind)(n % 3), Title = $"Syntetisk sag nummer {n}",
                CaseText = string.Join("\n\n", Enumerable.Range(1, 6).Select(p => $"Afsnit {p} af sagsfremstillingen for punkt 3.{n}. " +
                    "Sekretariatet har samlet kommunernes svar og beregnet nøgletallene; sagen forelægges til drøftelse og beslutning.")),
                Recommendation = "Det indstilles, at rådet tager orienteringen til efterretning.",
            };
            item.Attachments.Add(new Attachment { Id = n, Title = $"Bilag til punkt 3.{n}", Kind = AttachmentKind.Upload, SortOrder = 1 });
            attachments[n] = new AttachmentPdf(pdf, StoredFile.Hash(pdf));
            meeting.Items.Add(item);
        }
        return (meeting, attachments);
    }
}
