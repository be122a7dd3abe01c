using Samraad.Data;

namespace Samraad.Features.Meetings;

/// <summary>Who attended and who sent apologies (afbud), per member of the body.</summary>
public sealed class RecordAttendance(AppDbContext db)
{
    public async Task<Outcome<bool>> Handle(MeetingContext ctx, UserContext user, IReadOnlySet<int> present, IReadOnlyDictionary<int, string?> notes, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<bool>.Fail(Problem.Forbidden, "Kun sekretariatet kan skrive referat.");
        if (ctx.Meeting.MinutesLockedReason is { } locked) return Outcome<bool>.Fail(Problem.Locked, locked);
        Apply(ctx, present, notes);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Success(true);
    }

    /// <summary>Sets every member's row from the form, unsaved; the caller has checked access and the lock.</summary>
    public static void Apply(MeetingContext ctx, IReadOnlySet<int> present, IReadOnlyDictionary<int, string?> notes)
    {
        foreach (var member in ctx.Meeting.Body!.Members)
        {
            var row = ctx.Meeting.Attendance.FirstOrDefault(a => a.BodyMemberId == member.Id);
            if (row is null) ctx.Meeting.Attendance.Add(row = new Attendance { MeetingId = ctx.Meeting.Id, BodyMemberId = member.Id });
            row.Present = present.Contains(member.Id);
            row.Note = notes.GetValueOrDefault(member.Id) is { Length: > 0 } n ? n.Trim()[..Math.Min(200, n.Trim().Length)] : null;
        }
    }
}
