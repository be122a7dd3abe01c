using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Documents.Pdf;
using Samraad.Features.Reference;

namespace Samraad.Features.Meetings;

/// <summary>
/// packs/**/meeting.json: a body and a meeting with items and attachments, as data. Text attachments become PDFs
/// (made here, with the embedded font, so no browser is needed at start). Loaded once; later edits are the user's.
/// </summary>
public sealed class LoadMeetingPacks(AppDbContext db, TimeProvider clock, ILogger<LoadMeetingPacks> log, PackReport report)
{
    sealed record Pack(string Slug, BodySpec Body, string Title, string StartsAt, string Place, string? DemoNote, List<ItemSpec> Items);
    sealed record BodySpec(string Slug, string Name, string Organisation, string? MembersFromKkr);
    sealed record ItemSpec(string Number, string Kind, string Title, string CaseText, string Recommendation, List<AttachmentSpec> Attachments);
    sealed record AttachmentSpec(string Title, string? Text, string? Live);

    static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public async Task Handle(string packsDir, CancellationToken ct = default)
    {
        await report.ForEach(packsDir, "meeting.json", db, log, clock, async file =>
        {
            var pack = JsonSerializer.Deserialize<Pack>(await File.ReadAllTextAsync(file, ct), Json) ?? throw new InvalidDataException($"{file} er tom");
            if (await db.Meetings.AnyAsync(m => m.Slug == pack.Slug, ct)) return;
            var body = await EnsureBody(pack.Body, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var meeting = new Meeting
            {
                Slug = pack.Slug, BodyId = body.Id, Title = pack.Title, Place = pack.Place, DemoNote = pack.DemoNote,
                StartsAtUtc = DanishTime.ParseLocal(pack.StartsAt) ?? throw new InvalidDataException($"{file}: startsAt »{pack.StartsAt}«"),
            };
            foreach (var spec in pack.Items)
            {
                var item = new AgendaItem
                {
                    Number = spec.Number, Kind = Enum.Parse<ItemKind>(spec.Kind), Title = spec.Title,
                    CaseText = spec.CaseText, Recommendation = spec.Recommendation,
                };
                var order = 1;
                foreach (var a in spec.Attachments)
                    item.Attachments.Add(a.Live is not null
                        ? new Attachment { Title = a.Title, Kind = AttachmentKind.Live, LiveSource = a.Live, SortOrder = order++ }
                        : new Attachment { Title = a.Title, Kind = AttachmentKind.Upload, SortOrder = order++,
                            File = TextFile(a.Title, await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(file)!, a.Text!), ct), now) });
                meeting.Items.Add(item);
            }
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(ct);
            log.LogInformation("Mødepakke {Slug} indlæst med {Items} punkter", pack.Slug, meeting.Items.Count);
        });
    }

    static StoredFile TextFile(string title, string text, DateTime now)
    {
        var pdf = TextPdf.Create(title, text, "Dannet af Samraad fra bilagsmappens tekst (demodata)");
        return StoredFile.Pdf($"{Slug.From(title)}.pdf", pdf, PdfFiles.PageCount(pdf), PdfFiles.PageTexts(pdf), now);
    }

    async Task<Body> EnsureBody(BodySpec spec, CancellationToken ct)
    {
        var body = await db.Bodies.FirstOrDefaultAsync(b => b.Slug == spec.Slug, ct);
        if (body is not null) return body;
        var owner = await db.Organisations.FirstAsync(o => o.Slug == spec.Organisation, ct);
        body = new Body { Slug = spec.Slug, Name = spec.Name, OrganisationId = owner.Id };
        if (spec.MembersFromKkr is not null)
        {
            var kkr = await db.Organisations.FirstAsync(o => o.Slug == spec.MembersFromKkr, ct);
            var municipalities = await db.Organisations.Where(o => o.KkrId == kkr.Id).OrderBy(o => o.Name).ToListAsync(ct);
            body.Members = municipalities.Select((m, i) => new BodyMember
            {
                Name = $"Borgmester for {m.DisplayName}", Role = "Medlem", OrganisationId = m.Id, SortOrder = i,
            }).ToList();
        }
        db.Bodies.Add(body);
        await db.SaveChangesAsync(ct);
        return body;
    }
}
