using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections.Authoring;

/// <summary>
/// Saves one edit of a collection's form. While nobody has answered, the current version is changed in place; once
/// answers exist, an edit becomes a new form version (answers and receipts keep theirs; responses in progress move on
/// their next save). An edit that makes stored answers no longer fit — a question or section dropped, a type changed,
/// an option someone chose removed, a limit tightened — first says how many answers from which respondents it
/// affects and needs <c>confirmed</c>; answers are never deleted.
/// </summary>
public sealed class EditForm(AppDbContext db, TimeProvider clock)
{
    /// <summary>Who answered the questions an edit would drop or retype, when it needs confirming.</summary>
    public sealed record Impact(int Answers, IReadOnlyList<string> Respondents);

    public sealed record Saved(FormSpec Form, bool NewVersion);

    public async Task<Outcome<Saved>> Handle(CollectionContext ctx, UserContext user, string what, Func<FormSpec, List<FieldError>> edit,
        bool confirmed = false, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<Saved>.Fail(Problem.Forbidden, "Kun sekretariatet kan rette skemaet.");
        if (ctx.Collection.Status == CollectionStatus.Archived)
            return Outcome<Saved>.Fail(Problem.Conflict, "Indsamlingen er arkiveret. Genåbn den for at rette skemaet.", [new FieldError("form", "Indsamlingen er arkiveret. Genåbn den for at rette skemaet.")]);
        var current = ctx.Collection.FormVersion!;
        var form = FormSpecReader.Parse(current.Json); // a private copy: the cached form is shared
        var errors = edit(form);
        if (errors.Count > 0) return Outcome<Saved>.Fail(Problem.Invalid, "Skemaet er ikke ændret.", errors);
        string json;
        FormSpec read;
        try
        {
            json = FormSpecReader.Write(form);
            read = FormSpecReader.Parse(json);
        }
        catch (InvalidDataException e) { return Outcome<Saved>.Fail(Problem.Invalid, "Skemaet er ikke ændret.", [new FieldError("form", e.Message)]); }

        if (!confirmed && await Affected(ctx, ctx.Form, read, ct) is { Answers: > 0 } impact)
            return Outcome<Saved>.Fail(Problem.Conflict,
                $"Ændringen berører {impact.Answers} svar fra {string.Join(", ", impact.Respondents)}. Svarene slettes ikke: de bliver stående på den tidligere skemaversion og i eksporter. Bekræft for at gemme.",
                [new FieldError("confirm", "Bekræft ændringen")]);

        var answered = await db.Responses.AnyAsync(r => r.FormVersionId == current.Id, ct)
            || await db.Receipts.AnyAsync(r => r.FormVersionId == current.Id, ct)
            || await db.Collections.AnyAsync(c => c.Id != ctx.Collection.Id && c.FormVersionId == current.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var sha = FormVersion.HashOf(json);
        int? newVersion = null;
        if (answered)
        {
            newVersion = await db.FormVersions.Where(v => v.FormKey == current.FormKey).MaxAsync(v => v.Version, ct) + 1;
            var next = new FormVersion { FormKey = current.FormKey, Version = newVersion.Value, Json = json, Sha256 = sha, CreatedAtUtc = now };
            db.FormVersions.Add(next);
            (await db.Collections.FirstAsync(c => c.Id == ctx.Collection.Id, ct)).FormVersion = next;
        }
        else
        {
            var tracked = await db.FormVersions.FirstAsync(v => v.Id == current.Id, ct);
            (tracked.Json, tracked.Sha256) = (json, sha);
        }
        db.AuditEntries.Add(AuditEntry.OfDefinition(ctx.Collection, user, now, AuditAction.DefinitionChanged, "skema", null, what,
            newVersion is int v ? $"Ny skemaversion {v}" : null));
        await db.SaveChangesAsync(ct);
        return Outcome<Saved>.Success(new Saved(read, answered));
    }

    /// <summary>
    /// Stored answers the new form no longer takes as they are: to a question it drops or retypes, a choice it no
    /// longer offers, a number outside a tightened limit, a missing code the question no longer accepts.
    /// </summary>
    async Task<Impact> Affected(CollectionContext ctx, FormSpec before, FormSpec after, CancellationToken ct)
    {
        var rows = await (from r in db.Responses where r.CollectionId == ctx.Collection.Id
                          join a in db.Answers on r.Id equals a.ResponseId
                          select new { r.OrganisationId, a.FieldKey, a.Value, a.MissingCode }).ToListAsync(ct);
        var hit = rows.Where(a => before.FindLeaf(a.FieldKey) is { } was && (after.FindLeaf(a.FieldKey) is not { } now || now.Spec.Type != was.Spec.Type
            || (a.Value is not null && FieldValues.Parse(now.Spec, now.Question, FieldValues.InputText(now.Spec, a.Value)).Error is not null)
            || (a.MissingCode is not null && !now.Field.MissingCodes.Contains(a.MissingCode)))).ToList();
        var names = hit.Select(h => h.OrganisationId).Distinct()
            .Select(id => ctx.Memberships.FirstOrDefault(m => m.OrganisationId == id)?.Organisation!.DisplayName ?? "?").Order(StringComparer.Ordinal).ToList();
        return new Impact(hit.Count, names);
    }
}
