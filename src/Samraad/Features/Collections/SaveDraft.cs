using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections;

/// <summary>
/// "Gem kladde": stores any subset of answers, each validated on its own, and returns every error by field. The page
/// saves what it can (<c>keepValid</c>: every valid answer is stored, a wrong one keeps its stored value and is
/// reported, so a half-finished form never loses work); the API is all or nothing (nothing is saved when one value
/// is wrong). Two saves from the same revision cannot both win: the revision is a concurrency token, so the later
/// one finds the row changed and gets a conflict.
/// </summary>
public sealed class SaveDraft(AppDbContext db, TimeProvider clock)
{
    public sealed record Result(Response Response, int Changed);

    public async Task<Outcome<Result>> Handle(CollectionContext ctx, int organisationId, UserContext user,
        IReadOnlyDictionary<string, RawAnswer> inputs, int? expectedRevision, CancellationToken ct = default) =>
        await Handle(ctx, organisationId, user, inputs, expectedRevision, keepValid: false, ct);

    public async Task<Outcome<Result>> Handle(CollectionContext ctx, int organisationId, UserContext user,
        IReadOnlyDictionary<string, RawAnswer> inputs, int? expectedRevision, bool keepValid, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!Access.CanAnswerFor(user, organisationId) || ctx.Membership(organisationId) is null)
            return Outcome<Result>.Fail(Problem.Forbidden, "Du kan kun besvare for din egen organisation.");
        if (ctx.ClosedReasonFor(organisationId, now) is { } closed) return Outcome<Result>.Fail(Problem.Closed, closed);

        var response = await FindOrStart(ctx, organisationId, now, ct);
        if (response.Status == ResponseStatus.Submitted)
            return Outcome<Result>.Fail(Problem.Locked, "Besvarelsen er indsendt og låst. Kontakt sekretariatet, hvis den skal genåbnes.");
        if (expectedRevision is int rev && rev != response.Revision) return Stale<Result>();

        var today = DateOnly.FromDateTime(DanishTime.ToLocal(now));
        var (answers, errors) = FormAnswers.ParseEach(ctx.Form, inputs, today);
        if (errors.Count > 0 && !keepValid) return Outcome<Result>.Fail(Problem.Invalid, "Der er fejl i besvarelsen. Intet er gemt.", errors);
        var stored = response.AnswerMap();
        var merged = Merge(stored, answers);
        var notAsked = Conditions.AnsweredButNotAsked(ctx.Form, answers, stored, merged);
        if (notAsked.Count > 0 && !keepValid) return Outcome<Result>.Fail(Problem.Invalid, "Der er fejl i besvarelsen. Intet er gemt.", notAsked);
        foreach (var e in notAsked) answers.Remove(e.Key);
        errors.AddRange(notAsked);
        merged = Merge(stored, answers);
        var ruleErrors = new List<FieldError>([.. FormAnswers.CheckTextLimits(ctx.Form, merged), .. FormAnswers.CheckParts(ctx.Form, merged)]);
        if (ruleErrors.Count > 0 && !keepValid) return Outcome<Result>.Fail(Problem.Invalid, "Der er fejl i besvarelsen. Intet er gemt.", ruleErrors);
        // Keeping what is valid: the answers a broken rule names keep their stored values too.
        foreach (var key in FormAnswers.KeysOfBrokenRules(ctx.Form, merged)) answers.Remove(key);
        errors.AddRange(ruleErrors);

        var audit = response.ApplyDraft(answers, ctx.Collection.FormVersionId, new Actor(user.UserName, user.Name), now);
        db.AuditEntries.AddRange(audit);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbConflicts.IsConflict(e)) { return Stale<Result>(); }
        Operations.SamraadMetrics.Saved();
        if (errors.Count > 0)
            return Outcome<Result>.Fail(Problem.Invalid, "Ret de markerede felter. Dine øvrige svar er gemt.", errors);
        return Outcome<Result>.Success(new Result(response, audit.Count));
    }

    /// <summary>Another request changed the response first; nothing of this one is saved.</summary>
    internal static Outcome<T> Stale<T>() => Outcome<T>.Fail(Problem.Conflict,
        "Besvarelsen er ændret, siden du hentede den (måske af en kollega). Dine ændringer er ikke gemt. Hent den nyeste udgave og ret igen.");

    internal static Dictionary<string, AnswerValue> Merge(IReadOnlyDictionary<string, AnswerValue> stored, Dictionary<string, AnswerValue?> changes)
    {
        var merged = stored.ToDictionary();
        foreach (var (key, value) in changes)
            if (value is null) merged.Remove(key); else merged[key] = value;
        return merged;
    }

    /// <summary>The organisation's response, or a new empty draft on the collection's current form version.</summary>
    internal async Task<Response> FindOrStart(CollectionContext ctx, int organisationId, DateTime now, CancellationToken ct)
    {
        // One query (one collection included: no row explosion) instead of the default split into two.
        var response = await db.Responses.Include(r => r.Answers).Include(r => r.LatestReceipt).AsSingleQuery()
            .FirstOrDefaultAsync(r => r.CollectionId == ctx.Collection.Id && r.OrganisationId == organisationId && r.Period == ctx.Period, ct);
        if (response is not null) return response;
        response = new Response
        {
            CollectionId = ctx.Collection.Id, OrganisationId = organisationId, Period = ctx.Period, FormVersionId = ctx.Collection.FormVersionId,
            Status = ResponseStatus.Draft, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        db.Responses.Add(response);
        return response;
    }
}
