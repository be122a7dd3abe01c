using Samraad.Data;
using Samraad.Features.Collections.Packs;

namespace Samraad.Features.Collections.Authoring;

/// <summary>
/// The secretariat's answer to a pack changed on the server: apply it (title, window, respondents, form as a new
/// version, overview tables, printed figures — each change logged) or keep the collection as it is (logged too).
/// </summary>
public sealed class ApplyPackChange(AppDbContext db, TimeProvider clock, LoadPacks packs, SamraadOptions options)
{
    public async Task<Outcome<Collection>> Handle(CollectionContext ctx, UserContext user, bool apply, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<Collection>.Fail(Problem.Forbidden, "Kun sekretariatet kan tage stilling til pakkens ændringer.");
        var c = ctx.Collection;
        if (c.PendingPackSha256 is null || c.PackFolder is null) return Outcome<Collection>.Fail(Problem.Conflict, "Der er ingen ændringer i pakken at tage stilling til.");
        if (!apply)
        {
            db.AuditEntries.Add(AuditEntry.OfDefinition(c, user, clock.GetUtcNow().UtcDateTime, AuditAction.DefinitionChanged, "pakke", null, null,
                "Pakkens ændringer er ikke anvendt: " + c.PendingPackChanges?.Replace("\n", "; ")));
            (c.PackSha256, c.PendingPackSha256, c.PendingPackChanges) = (c.PendingPackSha256, null, null);
            await db.SaveChangesAsync(ct);
            return Outcome<Collection>.Success(c);
        }
        try
        {
            return Outcome<Collection>.Success(await packs.LoadOne(Path.Combine(options.ResolvedPacksDir, c.PackFolder), demoData: false, applyBy: user, ct));
        }
        catch (Exception ex) when (PackLoading.Describe(ex) is { } reason)
        {
            db.ChangeTracker.Clear();
            return Outcome<Collection>.Fail(Problem.Invalid, "Pakken kan ikke anvendes.", [new FieldError("pakke", $"Pakken kan ikke læses nu: {reason}")]);
        }
    }
}
