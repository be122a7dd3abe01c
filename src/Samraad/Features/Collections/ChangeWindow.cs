using Samraad.Data;

namespace Samraad.Features.Collections;

/// <summary>The secretariat sets when the collection opens and its deadline (Danish local time, stored UTC).</summary>
public sealed class ChangeWindow(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<Collection>> Handle(CollectionContext ctx, UserContext user, string? opens, string? deadline, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<Collection>.Fail(Problem.Forbidden, "Kun sekretariatet kan ændre fristen.");
        var errors = new List<FieldError>();
        var opensUtc = DanishTime.ParseLocal(opens);
        var deadlineUtc = DanishTime.ParseLocal(deadline);
        if (opensUtc is null) errors.Add(new FieldError("opens", string.IsNullOrWhiteSpace(opens)
            ? "Skriv hvornår indsamlingen åbner, fx 12-02-2024 08.00" : $"»{opens}« er ikke en gyldig dato og tid. Skriv fx 12-02-2024 08.00"));
        if (deadlineUtc is null) errors.Add(new FieldError("deadline", string.IsNullOrWhiteSpace(deadline)
            ? "Skriv fristen, fx 04-03-2024 23.59" : $"»{deadline}« er ikke en gyldig dato og tid. Skriv fx 04-03-2024 23.59"));
        if (opensUtc is not null && deadlineUtc is not null && deadlineUtc <= opensUtc)
            errors.Add(new FieldError("deadline", "Fristen skal ligge efter åbningstidspunktet"));
        if (errors.Count > 0) return Outcome<Collection>.Fail(Problem.Invalid, "Åbning og frist er ikke ændret.", errors);

        var c = ctx.Collection;
        if (c.OpensAtUtc == opensUtc && c.DeadlineUtc == deadlineUtc) return Outcome<Collection>.Success(c); // nothing to log
        var note = $"{DanishTime.Short(c.OpensAtUtc)}–{DanishTime.Short(c.DeadlineUtc)} → {DanishTime.Short(opensUtc!.Value)}–{DanishTime.Short(deadlineUtc!.Value)}";
        c.OpensAtUtc = opensUtc.Value;
        c.DeadlineUtc = deadlineUtc.Value;
        db.AuditEntries.Add(new AuditEntry
        {
            CollectionId = c.Id, AtUtc = clock.GetUtcNow().UtcDateTime, UserName = user.UserName, UserDisplayName = user.Name,
            Action = AuditAction.WindowChanged, Note = note,
        });
        await db.SaveChangesAsync(ct);
        return Outcome<Collection>.Success(c);
    }
}
