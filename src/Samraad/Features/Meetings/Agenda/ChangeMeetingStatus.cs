using Samraad.Data;

namespace Samraad.Features.Meetings;

/// <summary>Marks the meeting held, and approves its minutes (after which they are append-only); the meeting guards its own state.</summary>
public sealed class ChangeMeetingStatus(AppDbContext db, TimeProvider clock)
{
    public Task<Outcome<Meeting>> MarkHeld(MeetingContext ctx, UserContext user, CancellationToken ct = default) =>
        !ctx.CanAdminister(user) ? Task.FromResult(Outcome<Meeting>.Fail(Problem.Forbidden, "Kun sekretariatet kan ændre mødets status."))
            : Save(ctx.Meeting.MarkHeld(), ct);

    public Task<Outcome<Meeting>> ApproveMinutes(MeetingContext ctx, UserContext user, CancellationToken ct = default) =>
        !ctx.CanAdminister(user) ? Task.FromResult(Outcome<Meeting>.Fail(Problem.Forbidden, "Kun sekretariatet kan godkende referatet."))
            : Save(ctx.Meeting.ApproveMinutes($"{user.Name} ({user.UserName})", clock.GetUtcNow().UtcDateTime), ct);

    async Task<Outcome<Meeting>> Save(Outcome<Meeting> changed, CancellationToken ct)
    {
        if (changed.Ok) await db.SaveChangesAsync(ct);
        return changed;
    }
}
