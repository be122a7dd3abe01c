using Samraad.Auth;
using Samraad.Data;
using Samraad.Features.Collections;
using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Meetings;

/// <summary>Marks the meeting held, and approves its minutes (after which they are append-only).</summary>
public sealed class ChangeMeetingStatus(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<Meeting>> MarkHeld(MeetingContext ctx, UserContext user, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<Meeting>.Fail(Problem.Forbidden, "Kun sekretariatet kan ændre mødets status.");
        if (ctx.Meeting.Status != MeetingStatus.Published)
            return Outcome<Meeting>.Fail(Problem.Conflict, "Kun et møde med offentliggjort dagsorden kan markeres som afholdt.");
        ctx.Meeting.Status = MeetingStatus.Held;
        await db.SaveChangesAsync(ct);
        return Outcome<Meeting>.Success(ctx.Meeting);
    }

    public async Task<Outcome<Meeting>> ApproveMinutes(MeetingContext ctx, UserContext user, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<Meeting>.Fail(Problem.Forbidden, "Kun sekretariatet kan godkende referatet.");
        if (ctx.Meeting.MinutesLockedReason is { } locked) return Outcome<Meeting>.Fail(Problem.Locked, locked);
        if (ctx.Meeting.Status != MeetingStatus.Held)
            return Outcome<Meeting>.Fail(Problem.Conflict, "Marker mødet som afholdt, før referatet godkendes.");
        var missing = ctx.Items.Where(i => i.Outcome == DecisionOutcome.None)
            .Select(i => new FieldError($"decision-{i.Number}", $"Punkt {i.Number} mangler en beslutning")).ToList();
        if (missing.Count > 0) return Outcome<Meeting>.Fail(Problem.Invalid, "Referatet er ikke godkendt.", missing);
        ctx.Meeting.Status = MeetingStatus.MinutesApproved;
        ctx.Meeting.MinutesApprovedAtUtc = clock.GetUtcNow().UtcDateTime;
        ctx.Meeting.MinutesApprovedBy = $"{user.Name} ({user.UserName})";
        await db.SaveChangesAsync(ct);
        return Outcome<Meeting>.Success(ctx.Meeting);
    }
}
