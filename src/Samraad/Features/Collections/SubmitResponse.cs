using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections;

/// <summary>
/// "Indsend" (the seed's "Godkend"): saves what was sent, validates the whole form, locks the response and issues a
/// receipt. If the form is incomplete the valid answers are kept as a draft, and every problem is reported in one
/// round: values written wrong, broken rules and unanswered required fields together. The API keeps nothing of a
/// submission with a wrongly written value (as its drafts); the page keeps every valid answer.
/// </summary>
public sealed class SubmitResponse(AppDbContext db, SaveDraft saveDraft, TimeProvider clock, Notices.CollectionMail mail)
{
    public async Task<Outcome<Receipt>> Handle(CollectionContext ctx, int organisationId, UserContext user,
        IReadOnlyDictionary<string, RawAnswer> inputs, int? expectedRevision, bool keepValid = false, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var saved = await saveDraft.Handle(ctx, organisationId, user, inputs, expectedRevision, keepValid, ct);
        if (saved.Problem == Problem.Invalid) return await AllProblems(ctx, organisationId, inputs, saved.Errors ?? [], keepValid, tx, ct);
        if (!saved.Ok) return saved.As<Receipt>();
        var response = saved.Value!.Response;

        var org = ctx.Respondents.First(r => r.Id == organisationId);
        var now = clock.GetUtcNow().UtcDateTime;
        var actor = new Actor(user.UserName, user.Name);
        var (receipt, errors) = response.Submit(ctx.Form, actor, org.DisplayName, now);
        if (receipt is null)
        {
            // The page keeps what was typed as a draft (the user sees it again by the fields); the API is
            // all-or-nothing: a refused submit changes nothing, and the client saves a draft with PUT if it wants one.
            if (!keepValid) return Outcome<Receipt>.Fail(Problem.Invalid, "Besvarelsen er ikke indsendt; intet er gemt.", errors);
            await tx.CommitAsync(ct);
            return Outcome<Receipt>.Fail(Problem.Invalid, "Besvarelsen kan ikke indsendes endnu. Dine svar er gemt som kladde.", errors);
        }
        db.Receipts.Add(receipt);
        // Locking updates "WHERE Revision = the revision read": a save that got in first makes this submit the loser.
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbConflicts.IsConflict(e)) { return SaveDraft.Stale<Receipt>(); }
        await Receipts.AssignNumber(db, response, receipt, ct);
        db.AuditEntries.Add(AuditEntry.For(response, actor, now, AuditAction.Submitted, note: $"Kvittering {receipt.Number}"));
        if (await db.Users.FindAsync([user.UserId], ct) is { } submitter) mail.Receipt(ctx, org, submitter, receipt);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Operations.SamraadMetrics.Submitted();
        return Outcome<Receipt>.Success(receipt);
    }

    /// <summary>
    /// What was sent had errors: those, and what else would stop the submission — checked on the answers as they
    /// would stand (stored, plus the valid part of what was sent) — so the respondent fixes everything in one round.
    /// </summary>
    async Task<Outcome<Receipt>> AllProblems(CollectionContext ctx, int organisationId, IReadOnlyDictionary<string, RawAnswer> inputs,
        IReadOnlyList<FieldError> sent, bool keepValid, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DanishTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var response = await db.Responses.Include(r => r.Answers)
            .FirstOrDefaultAsync(r => r.CollectionId == ctx.Collection.Id && r.OrganisationId == organisationId && r.Period == ctx.Period, ct);
        var stored = response?.AnswerMap() ?? new Dictionary<string, AnswerValue>();
        var wouldBe = keepValid ? stored.ToDictionary() : SaveDraft.Merge(stored, FormAnswers.ParseEach(ctx.Form, inputs, today).Valid);
        var keys = sent.Select(e => e.Key).ToHashSet();
        var rest = FormAnswers.ValidateForSubmit(ctx.Form, wouldBe, today).Where(e => !keys.Contains(e.Key) && keys.Add(e.Key));
        if (keepValid) await tx.CommitAsync(ct);
        return Outcome<Receipt>.Fail(Problem.Invalid,
            keepValid ? "Besvarelsen er ikke indsendt. Ret de markerede felter; dine øvrige svar er gemt som kladde." : "Besvarelsen er ikke indsendt.",
            [.. sent, .. rest]);
    }
}
