using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Collections;

/// <summary>The secretariat unlocks a submitted response so the respondent can correct it; a reason is required.</summary>
public sealed class ReopenResponse(AppDbContext db, TimeProvider clock, Notices.CollectionMail mail)
{
    public const int MaxReasonLength = 500;

    public async Task<Outcome<Response>> Handle(CollectionContext ctx, int organisationId, UserContext user, string? reason, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user))
            return Outcome<Response>.Fail(Problem.Forbidden, "Kun sekretariatet for indsamlingen kan genåbne en besvarelse.");
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            return Outcome<Response>.Fail(Problem.Invalid, "Besvarelsen er ikke genåbnet.", [new FieldError("reason", "Skriv hvorfor besvarelsen genåbnes")]);
        if (reason.Length > MaxReasonLength)
            return Outcome<Response>.Fail(Problem.Invalid, "Besvarelsen er ikke genåbnet.", [new FieldError("reason", $"Begrundelsen må højst være {MaxReasonLength} tegn")]);
        var response = await db.Responses.FirstOrDefaultAsync(r => r.CollectionId == ctx.Collection.Id && r.OrganisationId == organisationId && r.Period == ctx.Period, ct);
        if (response is null || response.Status != ResponseStatus.Submitted)
            return Outcome<Response>.Fail(Problem.Conflict, "Besvarelsen er ikke indsendt, så den kan ikke genåbnes.");
        db.AuditEntries.Add(response.Reopen(reason, new Actor(user.UserName, user.Name), clock.GetUtcNow().UtcDateTime));
        if (ctx.Memberships.FirstOrDefault(m => m.OrganisationId == organisationId)?.Organisation is { } org) await mail.Reopened(ctx, org, reason);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbConflicts.IsConflict(e)) { return SaveDraft.Stale<Response>(); }
        return Outcome<Response>.Success(response);
    }
}
