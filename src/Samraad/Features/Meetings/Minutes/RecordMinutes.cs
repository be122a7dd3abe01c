using Samraad.Data;

namespace Samraad.Features.Meetings;

/// <summary>
/// *Gem alle beslutninger*: the attendance and every item's decision from the one form of the minutes page, saved
/// together or not at all. An item left at "Vælg" keeps what it had (none, or a decision saved before); every
/// error is reported by its field at once, so six decisions take one press instead of thirteen.
/// </summary>
public sealed class RecordMinutes(AppDbContext db, MeetingChanges changes)
{
    /// <summary>One item's fields as the form sent them.</summary>
    public sealed record DecisionInput(string Number, string? Outcome, string? Text);

    public async Task<Outcome<bool>> Handle(MeetingContext ctx, UserContext user, IReadOnlySet<int> present, IReadOnlyDictionary<int, string?> notes,
        IReadOnlyList<DecisionInput> decisions, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<bool>.Fail(Problem.Forbidden, "Kun sekretariatet kan skrive referat.");
        if (ctx.Meeting.MinutesLockedReason is { } locked) return Outcome<bool>.Fail(Problem.Locked, locked);
        if (ctx.Meeting.Status == MeetingStatus.Draft)
            return Outcome<bool>.Fail(Problem.Conflict, "Dagsordenen er ikke offentliggjort endnu; beslutninger skrives efter mødet.");
        var chosen = new List<(AgendaItem Item, DecisionInput Input)>();
        var errors = new List<FieldError>();
        foreach (var input in decisions)
        {
            if (ctx.Meeting.Items.FirstOrDefault(i => i.Number == input.Number) is not { } item) continue;
            var blank = string.IsNullOrEmpty(input.Outcome);
            // A text without a chosen outcome would be lost without a word: it asks for the outcome.
            if (blank && string.IsNullOrWhiteSpace(input.Text)) continue;
            if (RecordDecision.Check(item, input.Outcome, input.Text) is { } error) errors.Add(error);
            else chosen.Add((item, input));
        }
        if (errors.Count > 0) return Outcome<bool>.Fail(Problem.Invalid, "Intet er gemt. Ret fejlene, og gem igen.", errors);
        foreach (var (item, input) in chosen) RecordDecision.Apply(item, input.Outcome!, input.Text);
        RecordAttendance.Apply(ctx, present, notes);
        await db.SaveChangesAsync(ct);
        await changes.Notify(db, ctx.Meeting.Slug, ct);
        return Outcome<bool>.Success(true);
    }
}
