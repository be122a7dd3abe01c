using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections.Forms;
using Samraad.Features.Reference;

namespace Samraad.Features.Collections.Packs;

/// <summary>
/// Reads every pack folder and brings the database in line: a changed form becomes a new form version
/// (stored answers keep the version they were made on), a new collection is created with its demo answers,
/// and the printed figures are replaced. Safe to run on every start.
/// </summary>
public sealed class LoadPacks(AppDbContext db, TimeProvider clock, ILogger<LoadPacks> log, PackReport report)
{
    public async Task Handle(string packsDir, bool demoData, CancellationToken ct = default)
    {
        if (!Directory.Exists(packsDir)) { log.LogWarning("Ingen packs-mappe: {Dir}", packsDir); return; }
        await report.ForEach(packsDir, "collection.json", db, log, clock, file => LoadOne(Path.GetDirectoryName(file)!, demoData, ct));
    }

    public Task<Collection> LoadOne(string dir, bool demoData, CancellationToken ct = default) => LoadOne(dir, demoData, applyBy: null, ct);

    /// <summary>
    /// Imports a pack. A collection imported before is the database's now: on start-up (<paramref name="applyBy"/>
    /// null) a pack that changed on disk is not applied but offered — what differs is stored for the secretariat,
    /// who applies it (<paramref name="applyBy"/> set, through <see cref="Authoring.ApplyPackChange"/>) or keeps what it has.
    /// </summary>
    public async Task<Collection> LoadOne(string dir, bool demoData, UserContext? applyBy, CancellationToken ct = default)
    {
        var collectionText = await File.ReadAllTextAsync(Path.Combine(dir, "collection.json"), ct);
        var pack = PackFile.Parse(collectionText);
        var formJson = await File.ReadAllTextAsync(Path.Combine(dir, pack.Form), ct);
        var form = FormSpecReader.Parse(formJson);
        // Everything the pack names is checked before anything is written: a refused pack leaves nothing behind.
        var owner = await Org(pack.Owner, ct);
        var respondents = await Respondents(pack.Respondents, ct);
        var printedText = pack.PrintedFigures is null ? "" : await File.ReadAllTextAsync(Path.Combine(dir, pack.PrintedFigures), ct);
        var printed = pack.PrintedFigures is null ? [] : PackCsv.CheckedPrintedFigures(printedText, form, pack.PrintedFigures, pack.Form);
        var opens = DanishTime.ParseLocal(pack.Opens) ?? throw new InvalidDataException($"{pack.Slug}: opens »{pack.Opens}« er ikke en tid");
        var deadline = DanishTime.ParseLocal(pack.Deadline) ?? throw new InvalidDataException($"{pack.Slug}: deadline »{pack.Deadline}« er ikke en tid");
        if (pack.PeriodProblem() is { } periodProblem) throw new InvalidDataException(periodProblem);
        var fingerprint = Sha(collectionText + "\n\u0000" + formJson + "\n\u0000" + printedText);

        var collection = await db.Collections.Include(c => c.FormVersion).FirstOrDefaultAsync(c => c.Slug == pack.Slug, ct);
        var incoming = new Incoming(pack, form, formJson, opens, deadline, respondents, printed);
        // A collection made in the browser has no pack behind it (before packs were fingerprinted, imported ones had none
        // either: those are told apart by how they began).
        if (collection is { PackSha256: null } && await db.AuditEntries.AnyAsync(a => a.CollectionId == collection.Id && a.Action == AuditAction.Created, ct))
            throw new PackException($"Der findes allerede en indsamling med adressen »{pack.Slug}«, oprettet i browseren; pakken indlæses ikke over den. Giv pakken en anden slug.");
        if (collection is not null && applyBy is null && collection.PackSha256 is not null)
        {
            if (collection.PackSha256 == fingerprint)
            {
                if (collection.PendingPackSha256 is not null) (collection.PendingPackSha256, collection.PendingPackChanges) = (null, null); // changed back
            }
            else if (await Differences(collection, incoming, ct) is { Count: > 0 } changes)
            {
                (collection.PendingPackSha256, collection.PendingPackChanges) = (fingerprint, string.Join("\n", changes));
                log.LogWarning("Pakken {Slug} er ændret på disken og venter på sekretariatet: {Changes}", pack.Slug, string.Join("; ", changes));
            }
            else (collection.PackSha256, collection.PendingPackSha256, collection.PendingPackChanges) = (fingerprint, null, null); // only layout changed
            await db.SaveChangesAsync(ct);
            return collection;
        }

        var applied = collection is not null && applyBy is not null ? await Differences(collection, incoming, ct) : [];
        var version = await EnsureFormVersion(form, formJson, ct);
        var created = collection is null;
        if (collection is null)
        {
            collection = new Collection { Slug = pack.Slug, OwnerOrganisationId = owner.Id, OpensAtUtc = opens, DeadlineUtc = deadline };
            foreach (var org in respondents)
                collection.Respondents.Add(new CollectionRespondent { OrganisationId = org.Id });
            db.Collections.Add(collection);
        }
        else if (applyBy is not null)
        {
            (collection.OpensAtUtc, collection.DeadlineUtc) = (opens, deadline);
            await SyncRespondents(collection, respondents, applyBy, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var change in applied)
                db.AuditEntries.Add(AuditEntry.OfDefinition(collection, applyBy, now, AuditAction.DefinitionChanged, "pakke", null, change, "Fra pakken på serveren"));
        }
        collection.Title = pack.Title;
        collection.Description = pack.Description;
        collection.Source = pack.Source;
        collection.FormVersionId = version.Id;
        collection.SummaryTablesJson = Summaries.SummaryTableSpec.ToJson(pack.SummaryTables);
        if (pack.Periods is { } p) (collection.PeriodKind, collection.FirstPeriod, collection.LastPeriod) = (p.Kind, p.First, p.Last);
        (collection.PackFolder, collection.PackSha256, collection.PendingPackSha256, collection.PendingPackChanges) = (Path.GetFileName(dir), fingerprint, null, null);
        await db.SaveChangesAsync(ct);

        await ReplacePrintedFigures(collection, printed, ct);
        if (created && demoData && pack.Demo is not null)
            await new LoadDemoResponses(db).Handle(collection, form, version, dir, pack.Demo, ct);
        log.LogInformation("Pack {Slug}: skema version {Version}{Created}", pack.Slug, version.Version, created ? ", oprettet" : "");
        return collection;
    }

    /// <summary>What a pack read from disk says, checked.</summary>
    sealed record Incoming(PackFile Pack, FormSpec Form, string FormJson, DateTime Opens, DateTime Deadline, List<Organisation> Respondents,
        IReadOnlyList<Summaries.PrintedFigure> Printed);

    /// <summary>What applying the pack would change in the collection as it is now, in Danish, one line per change.</summary>
    async Task<List<string>> Differences(Collection c, Incoming x, CancellationToken ct)
    {
        var changes = new List<string>();
        if (c.Title != x.Pack.Title) changes.Add($"Titel: »{c.Title}« → »{x.Pack.Title}«");
        if ((c.Description ?? "") != (x.Pack.Description ?? "")) changes.Add("Beskrivelsen er ændret");
        if (c.OpensAtUtc != x.Opens) changes.Add($"Åbner: {DanishTime.Short(c.OpensAtUtc)} → {DanishTime.Short(x.Opens)}");
        if (c.DeadlineUtc != x.Deadline) changes.Add($"Frist: {DanishTime.Short(c.DeadlineUtc)} → {DanishTime.Short(x.Deadline)}");
        var active = await db.CollectionRespondents.Where(r => r.CollectionId == c.Id && r.RemovedAtUtc == null).Select(r => r.Organisation!).ToListAsync(ct);
        var added = x.Respondents.Where(o => active.All(a => a.Id != o.Id)).Select(o => o.Name).Order(StringComparer.Ordinal).ToList();
        var removed = active.Where(a => x.Respondents.All(o => o.Id != a.Id)).Select(o => o.Name).Order(StringComparer.Ordinal).ToList();
        if (added.Count > 0) changes.Add($"Nye respondenter: {string.Join(", ", added)}");
        if (removed.Count > 0) changes.Add($"Ikke længere respondenter (svar bevares): {string.Join(", ", removed)}");
        if (c.FormVersion?.Sha256 != Sha(x.FormJson)) changes.Add("Skemaet er ændret: det bliver en ny skemaversion; afgivne svar og kvitteringer beholder deres version");
        if ((c.SummaryTablesJson ?? "") != (Summaries.SummaryTableSpec.ToJson(x.Pack.SummaryTables) ?? "")) changes.Add("Oversigtstabellerne er ændret");
        var stored = await db.PrintedFigures.Where(p => p.CollectionId == c.Id).OrderBy(p => p.SortOrder).Select(p => p.FieldKey + "|" + p.Printed).ToListAsync(ct);
        if (!stored.SequenceEqual(x.Printed.Select(p => p.FieldKey + "|" + p.Printed))) changes.Add($"De trykte tal er ændret ({stored.Count} nu, {x.Printed.Count} i pakken)");
        if ((c.PeriodKind, c.FirstPeriod, c.LastPeriod) != (x.Pack.Periods?.Kind, x.Pack.Periods?.First, x.Pack.Periods?.Last)) changes.Add("Perioderne er ændret");
        return changes;
    }

    /// <summary>The pack's respondents, no more and no fewer: new ones added (or brought back), the others marked removed — never deleted.</summary>
    async Task SyncRespondents(Collection c, List<Organisation> wanted, UserContext by, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var memberships = await db.CollectionRespondents.Where(r => r.CollectionId == c.Id).ToListAsync(ct);
        foreach (var org in wanted)
        {
            if (memberships.FirstOrDefault(m => m.OrganisationId == org.Id) is { } m) (m.RemovedAtUtc, m.RemovedBy) = (null, null);
            else db.CollectionRespondents.Add(new CollectionRespondent { CollectionId = c.Id, OrganisationId = org.Id });
        }
        foreach (var m in memberships.Where(m => m.IsActive && wanted.All(o => o.Id != m.OrganisationId)))
            (m.RemovedAtUtc, m.RemovedBy) = (now, $"{by.Name} (fra pakken)");
    }

    static string Sha(string text) => FormVersion.HashOf(text);

    async Task<FormVersion> EnsureFormVersion(FormSpec form, string json, CancellationToken ct)
    {
        var sha = Sha(json);
        var latest = await db.FormVersions.Where(f => f.FormKey == form.Key).OrderByDescending(f => f.Version).FirstOrDefaultAsync(ct);
        if (latest?.Sha256 == sha) return latest;
        var version = new FormVersion
        {
            FormKey = form.Key,
            Version = Math.Max(form.Version, (latest?.Version ?? 0) + 1),
            Json = json,
            Sha256 = sha,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.FormVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return version;
    }

    async Task<Organisation> Org(string slug, CancellationToken ct) =>
        await db.Organisations.FirstOrDefaultAsync(o => o.Slug == slug, ct)
        ?? throw new InvalidDataException($"Organisationen »{slug}« findes ikke i referencedata");

    /// <summary>The organisations a pack asks (a KKR's members, all of a kind, listed slugs); an unknown one is an error naming it.</summary>
    public async Task<List<Organisation>> Respondents(PackRespondents spec, CancellationToken ct)
    {
        var result = new List<Organisation>();
        if (spec.MembersOfKkr is not null)
        {
            var kkr = await Org(spec.MembersOfKkr, ct);
            result.AddRange(await db.Organisations.Where(o => o.KkrId == kkr.Id).ToListAsync(ct));
        }
        if (spec.AllOfKind is not null)
        {
            // Today an unknown kind silently gave no respondents at all: refuse it and say what is allowed.
            if (!Enum.TryParse<OrganisationKind>(spec.AllOfKind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
                throw new InvalidDataException($"collection.json: ukendt allOfKind »{spec.AllOfKind}«; tilladt: {string.Join(", ", Enum.GetNames<OrganisationKind>())}.");
            result.AddRange(await db.Organisations.Where(o => o.Kind == kind).ToListAsync(ct));
        }
        foreach (var slug in spec.Organisations) result.Add(await Org(slug, ct));
        return result.DistinctBy(o => o.Id).ToList();
    }

    async Task ReplacePrintedFigures(Collection collection, IEnumerable<Summaries.PrintedFigure> printed, CancellationToken ct)
    {
        await Summaries.LoadSummaryInput.ReplacePrintedFigures(db, collection.Id, printed, ct);
        await db.SaveChangesAsync(ct);
    }
}
