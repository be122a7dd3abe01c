using Samraad.Data;

namespace Samraad.Features.Meetings;

/// <summary>Marks the meeting held, and approves its minutes (after which they are append-only, and the members are told); the meeting guards its own state.</summary>
public sealed class ChangeMeetingStatus(AppDbContext db, TimeProvider clock, Notices.MeetingMail mail)
{
    public Task<Outcome<Meeting>> MarkHeld(MeetingContext ctx, UserContext user, CancellationToken ct = default) =>
        !ctx.CanAdminister(user) ? Task.FromResult(Outcome<Meeting>.Fail(Problem.Forbidden, "Kun sekretariatet kan ændre mødets status."))
            : Save(ctx.Meeting.MarkHeld(), ct);

    public async Task<Outcome<Meeting>> ApproveMinutes(MeetingContext ctx, UserContext user, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<Meeting>.Fail(Problem.Forbidden, "Kun sekretariatet kan godkende referatet.");
        var approved = ctx.Meeting.ApproveMinutes($"{user.Name} ({user.UserName})", clock.GetUtcNow().UtcDateTime);
        if (approved.Ok) await mail.MinutesApproved(ctx.Meeting);
        return await Save(approved, ct);
    }

    async Task<Outcome<Meeting>> Save(Outcome<Meeting> changed, CancellationToken ct)
    {
        if (changed.Ok) await db.SaveChangesAsync(ct);
        return changed;
    }
}
