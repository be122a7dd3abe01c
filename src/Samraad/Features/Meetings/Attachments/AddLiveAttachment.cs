using Samraad.Data;

namespace Samraad.Features.Meetings;

/// <summary>Links a live attachment (e.g. the acute-care summary) to an item; it renders from current data until publishing.</summary>
public sealed class AddLiveAttachment(AppDbContext db, LiveAttachments live, MeetingChanges changes)
{
    public async Task<Outcome<Attachment>> Handle(MeetingContext ctx, AgendaItem item, UserContext user, string? source, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<Attachment>.Fail(Problem.Forbidden, "Kun sekretariatet kan vedhæfte bilag.");
        if (ctx.Meeting.MinutesLockedReason is { } locked) return Outcome<Attachment>.Fail(Problem.Locked, locked);
        var option = (await live.Options(user, ct)).FirstOrDefault(o => o.Key == source);
        if (option is null) return Outcome<Attachment>.Fail(Problem.Invalid, "Bilaget er ikke tilføjet.", [new FieldError("source", "Vælg hvilke data bilaget skal vise")]);
        var attachment = new Attachment
        {
            AgendaItemId = item.Id, Title = option.Title, Kind = AttachmentKind.Live, LiveSource = option.Key,
            SortOrder = item.Attachments.Count == 0 ? 1 : item.Attachments.Max(a => a.SortOrder) + 1,
        };
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        await changes.Notify(db, ctx.Meeting.Slug, ct);
        return Outcome<Attachment>.Success(attachment);
    }
}
