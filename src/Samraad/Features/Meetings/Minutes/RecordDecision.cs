using Samraad.Data;

namespace Samraad.Features.Meetings;

/// <summary>Records an item's decision at the meeting; refused once the minutes are approved (then only addenda).</summary>
public sealed class RecordDecision(AppDbContext db, MeetingChanges changes)
{
    public async Task<Outcome<AgendaItem>> Handle(MeetingContext ctx, AgendaItem item, UserContext user, string? outcome, string? text, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<AgendaItem>.Fail(Problem.Forbidden, "Kun sekretariatet kan skrive referat.");
        if (ctx.Meeting.MinutesLockedReason is { } locked) return Outcome<AgendaItem>.Fail(Problem.Locked, locked);
        if (ctx.Meeting.Status == MeetingStatus.Draft)
            return Outcome<AgendaItem>.Fail(Problem.Conflict, "Dagsordenen er ikke offentliggjort endnu; beslutninger skrives efter mødet.");
        var key = $"decision-{item.Number}";
        if (!Enum.TryParse<DecisionOutcome>(outcome, out var parsed) || (item.Kind != ItemKind.Beslutningssag && parsed is DecisionOutcome.Approved or DecisionOutcome.NotApproved))
            return Outcome<AgendaItem>.Fail(Problem.Invalid, "Beslutningen er ikke gemt.", [new FieldError(key, $"Vælg beslutningen for punkt {item.Number}")]);
        if ((text?.Length ?? 0) > 20_000)
            return Outcome<AgendaItem>.Fail(Problem.Invalid, "Beslutningen er ikke gemt.", [new FieldError(key, "Beslutningsteksten må højst være 20.000 tegn")]);
        item.Outcome = parsed;
        item.Decision = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        await db.SaveChangesAsync(ct);
        await changes.Notify(db, ctx.Meeting.Slug, ct);
        return Outcome<AgendaItem>.Success(item);
    }
}
