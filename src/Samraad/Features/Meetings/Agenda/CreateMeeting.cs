using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Reference;

namespace Samraad.Features.Meetings;

/// <summary>The secretariat creates a meeting of one of its bodies (title, Danish date and time, place).</summary>
public sealed class CreateMeeting(AppDbContext db)
{
    public sealed record Input(string? Body, string? Title, string? StartsAt, string? Place);

    public async Task<Outcome<Meeting>> Handle(UserContext user, Input input, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var body = await db.Bodies.FirstOrDefaultAsync(b => b.Slug == input.Body, ct);
        if (body is null) errors.Add(new FieldError("body", "Vælg det råd, mødet holdes i"));
        else if (!Access.CanAdminister(user, body.OrganisationId)) return Outcome<Meeting>.Fail(Problem.Forbidden, "Du kan kun oprette møder for dit eget sekretariats råd.");
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add(new FieldError("title", "Skriv mødets titel, fx »Møde i KKR Sjælland«"));
        else if (input.Title.Length > 200) errors.Add(new FieldError("title", "Titlen må højst være 200 tegn"));
        var starts = DanishTime.ParseLocal(input.StartsAt);
        if (starts is null) errors.Add(new FieldError("startsAt", "Skriv mødets dato og tid, fx 12-04-2024 10.00"));
        if (string.IsNullOrWhiteSpace(input.Place)) errors.Add(new FieldError("place", "Skriv hvor mødet holdes"));
        if (errors.Count > 0) return Outcome<Meeting>.Fail(Problem.Invalid, "Mødet er ikke oprettet.", errors);

        var slugBase = Slug.From($"{body!.Name} {DanishTime.ToLocal(starts!.Value):yyyy-MM-dd}");
        var slug = slugBase;
        for (var n = 2; await db.Meetings.AnyAsync(m => m.Slug == slug, ct); n++) slug = $"{slugBase}-{n}";
        var meeting = new Meeting { Slug = slug, BodyId = body.Id, Title = input.Title!.Trim(), StartsAtUtc = starts.Value, Place = input.Place!.Trim() };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return Outcome<Meeting>.Success(meeting);
    }
}
