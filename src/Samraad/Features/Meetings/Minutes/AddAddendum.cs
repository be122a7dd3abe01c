using Samraad.Data;

namespace Samraad.Features.Meetings;

/// <summary>A dated correction to approved minutes; the approved text itself is never changed.</summary>
public sealed class AddAddendum(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<MinutesAddendum>> Handle(MeetingContext ctx, UserContext user, string? itemNumber, string? text, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<MinutesAddendum>.Fail(Problem.Forbidden, "Kun sekretariatet kan tilføje rettelser.");
        if (ctx.Meeting.Status != MeetingStatus.MinutesApproved)
            return Outcome<MinutesAddendum>.Fail(Problem.Conflict, "Referatet er ikke godkendt endnu; ret beslutningerne direkte.");
        var item = string.IsNullOrEmpty(itemNumber) ? null : ctx.Meeting.Items.FirstOrDefault(i => i.Number == itemNumber);
        var errors = new List<FieldError>();
        if (!string.IsNullOrEmpty(itemNumber) && item is null) errors.Add(new FieldError("addendumItem", "Vælg et punkt fra dagsordenen"));
        if (string.IsNullOrWhiteSpace(text)) errors.Add(new FieldError("addendumText", "Skriv rettelsen"));
        else if (text.Length > 5000) errors.Add(new FieldError("addendumText", "Rettelsen må højst være 5.000 tegn"));
        if (errors.Count > 0) return Outcome<MinutesAddendum>.Fail(Problem.Invalid, "Rettelsen er ikke tilføjet.", errors);
        var addendum = new MinutesAddendum
        {
            MeetingId = ctx.Meeting.Id, AgendaItemId = item?.Id, Text = text!.Trim(),
            AtUtc = clock.GetUtcNow().UtcDateTime, By = $"{user.Name} ({user.UserName})",
        };
        db.MinutesAddenda.Add(addendum);
        await db.SaveChangesAsync(ct);
        return Outcome<MinutesAddendum>.Success(addendum);
    }
}
