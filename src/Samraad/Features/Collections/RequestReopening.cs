using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Collections;

/// <summary>
/// *Anmod om genåbning*: a respondent who must correct a submitted answer asks the secretariat, with a reason. The
/// request is shown on the collection and the response, and the secretariat's users are told by e-mail in the same
/// transaction. Nothing is unlocked: only the secretariat reopens (<see cref="ReopenResponse"/>).
/// </summary>
public sealed class RequestReopening(AppDbContext db, TimeProvider clock, Notices.CollectionMail mail)
{
    public async Task<Outcome<Response>> Handle(CollectionContext ctx, int organisationId, UserContext user, string? reason, CancellationToken ct = default)
    {
        if (!Access.CanAnswerFor(user, organisationId))
            return Outcome<Response>.Fail(Problem.Forbidden, "Kun respondenten selv kan anmode om genåbning.");
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            return Outcome<Response>.Fail(Problem.Invalid, "Anmodningen er ikke sendt.", [new FieldError("reason", "Skriv hvad der skal rettes, og hvorfor")]);
        if (reason.Length > ReopenResponse.MaxReasonLength)
            return Outcome<Response>.Fail(Problem.Invalid, "Anmodningen er ikke sendt.", [new FieldError("reason", $"Begrundelsen må højst være {ReopenResponse.MaxReasonLength} tegn")]);
        var response = await db.Responses.FirstOrDefaultAsync(r => r.CollectionId == ctx.Collection.Id && r.OrganisationId == organisationId && r.Period == ctx.Period, ct);
        if (response is null || response.Status != ResponseStatus.Submitted)
            return Outcome<Response>.Fail(Problem.Conflict, "Besvarelsen er ikke indsendt, så der er intet at genåbne.");
        if (response.ReopenRequestedAtUtc is DateTime at)
            return Outcome<Response>.Fail(Problem.Conflict, $"Der er allerede anmodet om genåbning {DanishTime.Format(at)}. Sekretariatet kan se anmodningen.");
        var now = clock.GetUtcNow().UtcDateTime;
        db.AuditEntries.Add(response.RequestReopening(reason, new Actor(user.UserName, user.Name), now));
        if (ctx.Memberships.FirstOrDefault(m => m.OrganisationId == organisationId)?.Organisation is { } org)
            await mail.ReopenRequested(ctx, org, user.Name, reason);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbConflicts.IsConflict(e)) { return SaveDraft.Stale<Response>(); }
        return Outcome<Response>.Success(response);
    }
}
