using Samraad.Data;

namespace Samraad.Features.Collections.Authoring;

/// <summary>
/// Gives one respondent more time than the collection's deadline ("Faxe Kommune: forlænget til 20-12-2026 12.00",
/// with a reason), instead of moving everyone's deadline; an empty deadline takes the extension away. Logged.
/// </summary>
public sealed class ExtendDeadline(AppDbContext db, TimeProvider clock, Notices.CollectionMail mail)
{
    public const int MaxReasonLength = 500;

    public async Task<Outcome<CollectionRespondent>> Handle(CollectionContext ctx, UserContext user, string organisationSlug, string? deadline, string? reason,
        CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<CollectionRespondent>.Fail(Problem.Forbidden, "Kun sekretariatet kan forlænge en frist.");
        var membership = ctx.Memberships.FirstOrDefault(m => m.Organisation!.Slug == organisationSlug && m.IsActive);
        if (membership is null) return Outcome<CollectionRespondent>.Fail(Problem.NotFound, "Organisationen er ikke respondent i indsamlingen.");
        var errors = new List<FieldError>();
        var text = deadline?.Trim() ?? "";
        var until = text == "" ? null : DanishTime.ParseLocal(text);
        var why = reason?.Trim() ?? "";
        if (text != "" && until is null) errors.Add(new FieldError("deadline", $"»{text}« er ikke en gyldig dato og tid. Skriv fx 20-12-2026 12.00"));
        else if (until is DateTime u && u <= ctx.Collection.DeadlineUtc)
            errors.Add(new FieldError("deadline", $"Den nye frist skal ligge efter indsamlingens frist ({DanishTime.Format(ctx.Collection.DeadlineUtc)})"));
        if (until is not null && why == "") errors.Add(new FieldError("reason", "Skriv hvorfor fristen forlænges"));
        if (why.Length > MaxReasonLength) errors.Add(new FieldError("reason", $"Begrundelsen må højst være {MaxReasonLength} tegn (der er skrevet {why.Length})"));
        if (errors.Count > 0) return Outcome<CollectionRespondent>.Fail(Problem.Invalid, "Fristen er ikke ændret.", errors);

        var tracked = await db.CollectionRespondents.FindAsync([membership.CollectionId, membership.OrganisationId], ct);
        var old = tracked!.ExtendedDeadlineUtc;
        if (old == until && (until is null || tracked.ExtensionReason == why)) return Outcome<CollectionRespondent>.Success(tracked);
        tracked.ExtendedDeadlineUtc = until;
        tracked.ExtensionReason = until is null ? null : why;
        db.AuditEntries.Add(AuditEntry.OfDefinition(ctx.Collection, user, clock.GetUtcNow().UtcDateTime, AuditAction.DeadlineExtended,
            $"frist:{organisationSlug}", old is DateTime o ? DanishTime.Short(o) : DanishTime.Short(ctx.Collection.DeadlineUtc) + " (fælles)",
            until is DateTime n ? DanishTime.Short(n) : "fælles frist", until is null ? "Forlængelsen er fjernet" : why, tracked.OrganisationId));
        await mail.Extended(ctx, membership.Organisation!, until, why);
        await db.SaveChangesAsync(ct);
        return Outcome<CollectionRespondent>.Success(tracked);
    }
}
