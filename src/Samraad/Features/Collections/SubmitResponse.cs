using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections;

/// <summary>
/// "Indsend" (the seed's "Godkend"): saves what was sent, validates the whole form, locks the response and issues a
/// receipt. If the form is incomplete the valid answers are kept as a draft and the missing ones are listed.
/// </summary>
public sealed class SubmitResponse(AppDbContext db, SaveDraft saveDraft, TimeProvider clock)
{
    public async Task<Outcome<Receipt>> Handle(CollectionContext ctx, int organisationId, UserContext user,
        IReadOnlyDictionary<string, RawAnswer> inputs, int? expectedRevision, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var saved = await saveDraft.Handle(ctx, organisationId, user, inputs, expectedRevision, ct);
        if (!saved.Ok) return saved.As<Receipt>();
        var response = saved.Value!.Response;

        var org = ctx.Respondents.First(r => r.Id == organisationId);
        var now = clock.GetUtcNow().UtcDateTime;
        var actor = new Actor(user.UserName, user.Name);
        var (receipt, errors) = response.Submit(ctx.Form, actor, org.DisplayName, now);
        if (receipt is null)
        {
            await tx.CommitAsync(ct); // the draft part was valid and is kept
            return Outcome<Receipt>.Fail(Problem.Invalid, "Besvarelsen kan ikke indsendes endnu. Dine svar er gemt som kladde.", errors);
        }
        db.Receipts.Add(receipt);
        // Locking updates "WHERE Revision = the revision read": a save that got in first makes this submit the loser.
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbConflicts.IsConflict(e)) { return SaveDraft.Stale<Receipt>(); }
        await Receipts.AssignNumber(db, response, receipt, ct);
        db.AuditEntries.Add(AuditEntry.For(response, actor, now, AuditAction.Submitted, note: $"Kvittering {receipt.Number}"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<Receipt>.Success(receipt);
    }
}
