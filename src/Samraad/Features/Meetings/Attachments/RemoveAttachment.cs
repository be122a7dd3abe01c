using Samraad.Data;

namespace Samraad.Features.Meetings;

/// <summary>Removes an attachment from an item. Published packets keep their own copy, so they are unaffected.</summary>
public sealed class RemoveAttachment(AppDbContext db, MeetingChanges changes)
{
    public async Task<Outcome<bool>> Handle(MeetingContext ctx, Attachment attachment, UserContext user, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<bool>.Fail(Problem.Forbidden, "Kun sekretariatet kan fjerne bilag.");
        if (ctx.Meeting.MinutesLockedReason is { } locked) return Outcome<bool>.Fail(Problem.Locked, locked);
        db.Attachments.Remove(attachment);
        await db.SaveChangesAsync(ct);
        await changes.Notify(db, ctx.Meeting.Slug, ct);
        return Outcome<bool>.Success(true);
    }
}
