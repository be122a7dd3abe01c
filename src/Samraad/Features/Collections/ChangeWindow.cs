using Samraad.Auth;
using Samraad.Data;
using Samraad.Features.Collections.Forms;

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
        if (opensUtc is null) errors.Add(new FieldError("opens", "Skriv hvornår indsamlingen åbner, fx 12-02-2024 08.00"));
        if (deadlineUtc is null) errors.Add(new FieldError("deadline", "Skriv fristen, fx 04-03-2024 23.59"));
        if (opensUtc is not null && deadlineUtc is not null && deadlineUtc <= opensUtc)
            errors.Add(new FieldError("deadline", "Fristen skal ligge efter åbningstidspunktet"));
        if (errors.Count > 0) return Outcome<Collection>.Fail(Problem.Invalid, "Der er fejl", errors);

        var c = ctx.Collection;
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
