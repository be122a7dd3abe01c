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
        if (Check(item, outcome, text) is { } error) return Outcome<AgendaItem>.Fail(Problem.Invalid, "Beslutningen er ikke gemt.", [error]);
        Apply(item, outcome!, text);
        await db.SaveChangesAsync(ct);
        await changes.Notify(db, ctx.Meeting.Slug, ct);
        return Outcome<AgendaItem>.Success(item);
    }

    /// <summary>What is wrong with a decision for the item (an outcome the kind of item cannot have, a text too long), or null.</summary>
    public static FieldError? Check(AgendaItem item, string? outcome, string? text)
    {
        var key = $"decision-{item.Number}";
        if (!Enum.TryParse<DecisionOutcome>(outcome, out var parsed) || !Enum.IsDefined(parsed) || (item.Kind != ItemKind.Beslutningssag && parsed is DecisionOutcome.Approved or DecisionOutcome.NotApproved))
            return new FieldError(key, $"Vælg beslutningen for punkt {item.Number}");
        if ((text?.Length ?? 0) > 20_000) return new FieldError($"decisionText-{item.Number}", $"Beslutningsteksten til punkt {item.Number} må højst være 20.000 tegn");
        return null;
    }

    /// <summary>Sets a checked decision on the item.</summary>
    public static void Apply(AgendaItem item, string outcome, string? text)
    {
        item.Outcome = Enum.Parse<DecisionOutcome>(outcome);
        item.Decision = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
