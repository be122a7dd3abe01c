using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections.Authoring;

/// <summary>What *Ny indsamling* asks: the new collection's name and window, and optionally one to copy and what to carry over.</summary>
public sealed record NewCollection(string? Slug, string? Title, string? Description, string? Opens, string? Deadline, string? Owner = null,
    string? CopyFrom = null, bool CarryForm = true, bool CarryRespondents = true, bool CarryTables = true, bool CarryPrinted = false,
    FormSpec? Form = null, string? FormFile = null, PackContent? Pack = null);

/// <summary>What an uploaded pack brings besides its form (read and checked by <see cref="CreateFromPack"/>).</summary>
public sealed record PackContent(IReadOnlyList<int> Respondents, string? SummaryTablesJson, IReadOnlyList<Summaries.PrintedFigure> Printed, string? Source,
    Packs.PackPeriods? Periods);

/// <summary>
/// Creates a collection as a draft, blank or as a copy of an existing one (next year's edition): the copy gets its own
/// slug, its own form (version 1, a copy of the source's current form), an empty response set and a link to its
/// origin. The owner's secretariat copies its own collections; an admin any, for any owner. A form read from a
/// spreadsheet (<see cref="NewCollection.Form"/>) is the new collection's form; it may be combined with a copy's respondents.
/// </summary>
public sealed partial class CreateCollection(AppDbContext db, TimeProvider clock)
{
    public const int MaxTitleLength = 200, MaxDescriptionLength = 4000;

    public async Task<Outcome<Collection>> Handle(NewCollection input, UserContext user, CancellationToken ct = default)
    {
        if (!user.IsAdmin && user.Role != Roles.Secretariat) return Outcome<Collection>.Fail(Problem.Forbidden, "Kun et sekretariat kan oprette indsamlinger.");
        var errors = new List<FieldError>();
        var slug = input.Slug?.Trim() ?? "";
        var title = input.Title?.Trim() ?? "";
        var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();

        if (title == "") errors.Add(new FieldError("title", "Skriv indsamlingens titel"));
        else if (title.Length > MaxTitleLength) errors.Add(new FieldError("title", $"Titlen må højst være {MaxTitleLength} tegn (der er skrevet {title.Length})"));
        if (description?.Length > MaxDescriptionLength)
            errors.Add(new FieldError("description", $"Beskrivelsen må højst være {MaxDescriptionLength} tegn (der er skrevet {description.Length})"));
        if (slug == "") errors.Add(new FieldError("slug", "Skriv en kort adresse, fx akutfunktioner-2025"));
        else if (!SlugPattern().IsMatch(slug) || slug.Length > 80)
            errors.Add(new FieldError("slug", "Adressen må kun have små bogstaver a–z, tal og bindestreger (højst 80 tegn), fx akutfunktioner-2025"));
        else if (slug is "ny" or "alle") errors.Add(new FieldError("slug", $"Adressen »{slug}« er reserveret; vælg en anden, fx {slug}-2025"));
        else if (await db.Collections.AnyAsync(c => c.Slug == slug, ct)) errors.Add(new FieldError("slug", $"Der findes allerede en indsamling med adressen »{slug}«"));

        var opens = DanishTime.ParseLocal(input.Opens);
        var deadline = DanishTime.ParseLocal(input.Deadline);
        if (opens is null) errors.Add(new FieldError("opens", string.IsNullOrWhiteSpace(input.Opens)
            ? "Skriv hvornår indsamlingen åbner, fx 03-02-2025 08.00" : $"»{input.Opens}« er ikke en gyldig dato og tid. Skriv fx 03-02-2025 08.00"));
        if (deadline is null) errors.Add(new FieldError("deadline", string.IsNullOrWhiteSpace(input.Deadline)
            ? "Skriv fristen, fx 03-03-2025 23.59" : $"»{input.Deadline}« er ikke en gyldig dato og tid. Skriv fx 03-03-2025 23.59"));
        if (opens is not null && deadline is not null && deadline <= opens) errors.Add(new FieldError("deadline", "Fristen skal ligge efter åbningstidspunktet"));

        var owner = await Owner(input.Owner, user, errors, ct);
        CollectionContext? source = null;
        if (!string.IsNullOrWhiteSpace(input.CopyFrom))
        {
            source = await CollectionContext.Load(db, input.CopyFrom.Trim(), ct);
            // Another secretariat's collection is as unknown as one that does not exist.
            if (source is null || !source.CanAdminister(user)) errors.Add(new FieldError("copyFrom", $"Der er ingen indsamling »{input.CopyFrom.Trim()}«, du kan kopiere"));
            else if (input.Form is not null && (input.CarryForm || input.CarryTables || input.CarryPrinted))
                errors.Add(new FieldError("carry", "Skemaet kommer fra regnearket: fravælg skemaet, oversigtstabellerne og de trykte tal under »Kopiér fra«, eller fjern regnearket"));
            else if (!input.CarryForm && (input.CarryTables || input.CarryPrinted))
                errors.Add(new FieldError("carry", "Oversigtstabeller og trykte tal henviser til skemaets spørgsmål: kopiér også skemaet, eller fravælg dem"));
        }
        if (errors.Count > 0) return Outcome<Collection>.Fail(Problem.Invalid, "Indsamlingen er ikke oprettet.", errors);

        // One transaction: a collection is created with all it carries, or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var formJson = input.Form is { } sheet ? Renamed(sheet, slug)
            : source is not null && input.CarryForm ? Renamed(FormSpecReader.Parse(source.Collection.FormVersion!.Json), slug) : BlankForm(slug, title);
        var latest = await db.FormVersions.Where(f => f.FormKey == slug).MaxAsync(f => (int?)f.Version, ct) ?? 0;
        var version = new FormVersion
        {
            FormKey = slug, Version = latest + 1, Json = formJson, CreatedAtUtc = now,
            Sha256 = FormVersion.HashOf(formJson),
        };
        var collection = new Collection
        {
            Slug = slug, Title = title, Description = description, OwnerOrganisationId = owner!.Value, FormVersion = version,
            OpensAtUtc = opens!.Value, DeadlineUtc = deadline!.Value, Status = CollectionStatus.Draft, CopiedFromId = source?.Collection.Id,
            SummaryTablesJson = source is not null && input.CarryTables ? source.Collection.SummaryTablesJson : null,
            PeriodKind = source?.Collection.PeriodKind, FirstPeriod = source?.Collection.FirstPeriod, LastPeriod = source?.Collection.LastPeriod,
        };
        if (source is not null && input.CarryRespondents)
            foreach (var org in source.Respondents) collection.Respondents.Add(new CollectionRespondent { OrganisationId = org.Id });
        if (input.Pack is { } pack)
        {
            foreach (var id in pack.Respondents.Where(id => collection.Respondents.All(r => r.OrganisationId != id))) collection.Respondents.Add(new CollectionRespondent { OrganisationId = id });
            (collection.SummaryTablesJson, collection.Source) = (pack.SummaryTablesJson, pack.Source);
            if (pack.Periods is { } p) (collection.PeriodKind, collection.FirstPeriod, collection.LastPeriod) = (p.Kind, p.First, p.Last);
        }
        db.Collections.Add(collection);
        await db.SaveChangesAsync(ct);

        if (source is not null && input.CarryPrinted)
        {
            foreach (var f in await db.PrintedFigures.AsNoTracking().Where(p => p.CollectionId == source.Collection.Id).ToListAsync(ct))
            {
                f.Id = 0;
                f.CollectionId = collection.Id;
                db.PrintedFigures.Add(f);
            }
        }
        if (input.Pack is { Printed.Count: > 0 } withPrinted) await Summaries.LoadSummaryInput.ReplacePrintedFigures(db, collection.Id, withPrinted.Printed, ct);
        db.AuditEntries.Add(AuditEntry.OfDefinition(collection, user, now, AuditAction.Created, "indsamling", null, title, HowMade(input, source)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<Collection>.Success(collection);
    }

    /// <summary>The log's note on where the collection came from: a pack, a sheet, blank, or a copy and what it carried.</summary>
    static string HowMade(NewCollection input, CollectionContext? source)
    {
        if (input.Pack is not null) return $"Oprettet fra pakken »{input.FormFile}«";
        var sheet = input.Form is null ? null : $"skemaet fra regnearket »{input.FormFile}«";
        if (source is null) return sheet is null ? "Oprettet med et tomt skema" : $"Oprettet med {sheet}";
        var carried = string.Join(", ", new[]
        {
            sheet, input.CarryForm ? "skema" : null, input.CarryRespondents ? $"{source.Respondents.Count} respondenter" : null,
            input.CarryTables && source.Collection.SummaryTablesJson is not null ? "oversigtstabeller" : null, input.CarryPrinted ? "trykte tal" : null,
        }.OfType<string>());
        return $"Kopieret fra »{source.Collection.Title}« ({source.Collection.Slug}){(carried == "" ? "" : ": " + carried)}";
    }

    /// <summary>A secretariat creates for its own organisation; an admin for the organisation it names (or its own).</summary>
    async Task<int?> Owner(string? requested, UserContext user, List<FieldError> errors, CancellationToken ct)
    {
        if (!user.IsAdmin || string.IsNullOrWhiteSpace(requested))
        {
            if (user.OrganisationId is int own) return own;
            errors.Add(new FieldError("owner", "Vælg hvilken organisation der ejer indsamlingen"));
            return null;
        }
        var id = await db.Organisations.Where(o => o.Slug == requested.Trim()).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        if (id is null) errors.Add(new FieldError("owner", $"Organisationen »{requested.Trim()}« findes ikke"));
        return id;
    }

    /// <summary>The source's (or the sheet's) form under the new collection's key, as its version 1: it changes on its own from now on.</summary>
    static string Renamed(FormSpec form, string key)
    {
        (form.Key, form.Version) = (key, 1);
        return FormSpecReader.Write(form);
    }

    /// <summary>No questions yet, and the missing codes KKR forms use; each question chooses which of them it accepts.</summary>
    static string BlankForm(string key, string title) => FormSpecReader.Write(new FormSpec
    {
        Key = key, Version = 1, Title = title,
        MissingCodes =
        [
            new OptionSpec { Key = "ved-ikke", Label = "Ved ikke" },
            new OptionSpec { Key = "ikke-relevant", Label = "Ikke relevant" },
            new OptionSpec { Key = "data-mangler", Label = "Data foreligger endnu ikke" },
        ],
    });

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")] private static partial Regex SlugPattern();
}
