using Samraad.Data;

namespace Samraad.Features.Collections.Authoring;

/// <summary>Publish, close, reopen or archive a collection (the secretariat that owns it, or an admin); logged.</summary>
public sealed class ChangeStatus(AppDbContext db, TimeProvider clock, Notices.CollectionMail mail)
{
    public async Task<Outcome<Collection>> Handle(CollectionContext ctx, UserContext user, StatusAction action, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<Collection>.Fail(Problem.Forbidden, "Kun sekretariatet kan ændre indsamlingens status.");
        var c = ctx.Collection;
        var now = clock.GetUtcNow().UtcDateTime;
        if (Lifecycle.Next(c.Status, action) is not { } next)
            return Outcome<Collection>.Fail(Problem.Conflict, $"En indsamling med status »{Lifecycle.Label(c.Status)}« kan ikke {Lifecycle.Verb(action)}.");
        if (next == CollectionStatus.Open && Lifecycle.ProblemsBeforeOpening(ctx.Form, ctx.Respondents.Count, c.DeadlineUtc, now) is { Count: > 0 } problems)
            return Outcome<Collection>.Fail(Problem.Invalid, $"Indsamlingen kan ikke {Lifecycle.Verb(action)} endnu.",
                problems.Select(p => new FieldError("status", p)).ToList());
        db.AuditEntries.Add(AuditEntry.OfDefinition(c, user, now, AuditAction.StatusChanged, "status", Lifecycle.Label(c.Status), Lifecycle.Label(next)));
        // The first publication invites the respondents' users (saved with the status: both or neither).
        if (c.Status == CollectionStatus.Draft && next == CollectionStatus.Open) await mail.Opened(ctx);
        c.Status = next;
        await db.SaveChangesAsync(ct);
        return Outcome<Collection>.Success(c);
    }
}
