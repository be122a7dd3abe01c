using Samraad.Data;

namespace Samraad.Features.Collections.Authoring;

/// <summary>The secretariat renames a collection or rewrites its description; logged with old and new.</summary>
public sealed class ChangeDetails(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<Collection>> Handle(CollectionContext ctx, UserContext user, string? title, string? description, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<Collection>.Fail(Problem.Forbidden, "Kun sekretariatet kan ændre indsamlingens titel.");
        var t = title?.Trim() ?? "";
        var d = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        var errors = new List<FieldError>();
        if (t == "") errors.Add(new FieldError("title", "Skriv indsamlingens titel"));
        else if (t.Length > CreateCollection.MaxTitleLength) errors.Add(new FieldError("title", $"Titlen må højst være {CreateCollection.MaxTitleLength} tegn (der er skrevet {t.Length})"));
        if (d?.Length > CreateCollection.MaxDescriptionLength)
            errors.Add(new FieldError("description", $"Beskrivelsen må højst være {CreateCollection.MaxDescriptionLength} tegn (der er skrevet {d.Length})"));
        if (errors.Count > 0) return Outcome<Collection>.Fail(Problem.Invalid, "Titel og beskrivelse er ikke ændret.", errors);
        var c = ctx.Collection;
        var now = clock.GetUtcNow().UtcDateTime;
        if (c.Title != t) db.AuditEntries.Add(AuditEntry.OfDefinition(c, user, now, AuditAction.DefinitionChanged, "titel", c.Title, t));
        if (c.Description != d) db.AuditEntries.Add(AuditEntry.OfDefinition(c, user, now, AuditAction.DefinitionChanged, "beskrivelse", c.Description, d));
        (c.Title, c.Description) = (t, d);
        await db.SaveChangesAsync(ct);
        return Outcome<Collection>.Success(c);
    }
}
