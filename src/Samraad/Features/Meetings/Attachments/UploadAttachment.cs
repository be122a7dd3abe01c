using Samraad.Data;
using Samraad.Documents.Pdf;

namespace Samraad.Features.Meetings;

/// <summary>
/// Attaches an uploaded PDF to an item. Only valid, unencrypted PDFs within the size limit are stored; the page
/// texts are kept for search. A refused file leaves nothing behind.
/// </summary>
public sealed class UploadAttachment(AppDbContext db, TimeProvider clock, MeetingChanges changes)
{
    public async Task<Outcome<Attachment>> Handle(MeetingContext ctx, AgendaItem item, UserContext user,
        string? title, string fileName, byte[] content, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<Attachment>.Fail(Problem.Forbidden, "Kun sekretariatet kan vedhæfte bilag.");
        if (ctx.Meeting.MinutesLockedReason is { } locked) return Outcome<Attachment>.Fail(Problem.Locked, locked);
        var check = PdfFiles.Check(content);
        if (!check.Ok) return Outcome<Attachment>.Fail(Problem.Invalid, "Bilaget er ikke gemt.", [new FieldError("file", check.Error!)]);
        title = string.IsNullOrWhiteSpace(title) ? Path.GetFileNameWithoutExtension(fileName) : title.Trim();
        if (title.Length > 300) return Outcome<Attachment>.Fail(Problem.Invalid, "Bilaget er ikke gemt.", [new FieldError("title", "Titlen må højst være 300 tegn")]);

        var file = StoredFile.Pdf(Path.GetFileName(fileName), content, check.Pages, check.PageTexts, clock.GetUtcNow().UtcDateTime);
        var attachment = new Attachment
        {
            AgendaItemId = item.Id, Title = title, Kind = AttachmentKind.Upload, File = file,
            SortOrder = item.Attachments.Count == 0 ? 1 : item.Attachments.Max(a => a.SortOrder) + 1,
        };
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        await changes.Notify(db, ctx.Meeting.Slug, ct);
        return Outcome<Attachment>.Success(attachment);
    }
}
