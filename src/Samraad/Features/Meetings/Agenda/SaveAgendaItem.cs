using System.Text.RegularExpressions;
using Samraad.Data;

namespace Samraad.Features.Meetings;

/// <summary>Adds or edits an agenda item. Items change until the minutes are approved; numbers are unique per meeting.</summary>
public sealed partial class SaveAgendaItem(AppDbContext db, MeetingChanges changes)
{
    public sealed record Input(string? Number, string? Title, string? Kind, string? CaseText, string? Recommendation,
        bool IsClosed, string? ClosedReason, string? PublicSummary);

    public async Task<Outcome<AgendaItem>> Handle(MeetingContext ctx, UserContext user, AgendaItem? existing, Input input, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<AgendaItem>.Fail(Problem.Forbidden, "Kun sekretariatet kan ændre dagsordenen.");
        if (ctx.Meeting.MinutesLockedReason is { } locked) return Outcome<AgendaItem>.Fail(Problem.Locked, locked);
        var errors = new List<FieldError>();
        var number = input.Number?.Trim() ?? "";
        if (!NumberPattern().IsMatch(number)) errors.Add(new FieldError("number", "Skriv punktets nummer som tal adskilt af punktum, fx 2.7"));
        else if (ctx.Meeting.Items.Any(i => i.Number == number && i != existing))
            errors.Add(new FieldError("number", $"Punkt {number} findes allerede på dagsordenen. Vælg et andet nummer"));
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add(new FieldError("title", "Skriv punktets titel"));
        else if (input.Title.Length > 300) errors.Add(new FieldError("title", "Titlen må højst være 300 tegn"));
        if (!Enum.TryParse<ItemKind>(input.Kind, out var kind)) errors.Add(new FieldError("kind", "Vælg om punktet er en temadrøftelse, beslutningssag eller orienteringssag"));
        if ((input.CaseText?.Length ?? 0) > 50_000) errors.Add(new FieldError("caseText", "Sagsfremstillingen må højst være 50.000 tegn"));
        if ((input.Recommendation?.Length ?? 0) > 10_000) errors.Add(new FieldError("recommendation", "Indstillingen må højst være 10.000 tegn"));
        if (errors.Count > 0) return Outcome<AgendaItem>.Fail(Problem.Invalid, "Punktet er ikke gemt.", errors);

        var item = existing ?? new AgendaItem { MeetingId = ctx.Meeting.Id };
        item.Number = number;
        item.Title = input.Title!.Trim();
        item.Kind = kind;
        item.CaseText = input.CaseText?.Trim() ?? "";
        item.Recommendation = input.Recommendation?.Trim() ?? "";
        item.IsClosed = input.IsClosed;
        item.ClosedReason = input.IsClosed ? input.ClosedReason?.Trim() : null;
        item.PublicSummary = input.IsClosed ? input.PublicSummary?.Trim() : null;
        if (existing is null) { ctx.Meeting.Items.Add(item); db.AgendaItems.Add(item); }
        await db.SaveChangesAsync(ct);
        await changes.Notify(db, ctx.Meeting.Slug, ct);
        return Outcome<AgendaItem>.Success(item);
    }

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3}){0,3}$")] private static partial Regex NumberPattern();
}
