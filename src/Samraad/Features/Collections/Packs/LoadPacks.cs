using System.Security.Cryptography;
using System.Text;
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

    public async Task<Collection> LoadOne(string dir, bool demoData, CancellationToken ct = default)
    {
        var pack = PackFile.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "collection.json"), ct));
        var formJson = await File.ReadAllTextAsync(Path.Combine(dir, pack.Form), ct);
        var form = FormSpecReader.Parse(formJson);
        // Everything the pack names is checked before anything is written: a refused pack leaves nothing behind.
        var owner = await Org(pack.Owner, ct);
        var respondents = await Respondents(pack.Respondents, ct);
        var printed = pack.PrintedFigures is null ? [] : PackCsv.PrintedFigures(await File.ReadAllTextAsync(Path.Combine(dir, pack.PrintedFigures), ct));
        foreach (var figure in printed.Where(f => form.FindLeaf(f.FieldKey) is null))
            throw new InvalidDataException($"{pack.PrintedFigures}: det trykte tal »{figure.Printed}« hører til feltet »{figure.FieldKey}«, som ikke findes i {pack.Form}.");
        var version = await EnsureFormVersion(form, formJson, ct);

        var collection = await db.Collections.FirstOrDefaultAsync(c => c.Slug == pack.Slug, ct);
        var created = collection is null;
        if (collection is null)
        {
            collection = new Collection
            {
                Slug = pack.Slug,
                OwnerOrganisationId = owner.Id,
                OpensAtUtc = DanishTime.ParseLocal(pack.Opens) ?? throw new InvalidDataException($"{pack.Slug}: opens »{pack.Opens}« er ikke en tid"),
                DeadlineUtc = DanishTime.ParseLocal(pack.Deadline) ?? throw new InvalidDataException($"{pack.Slug}: deadline »{pack.Deadline}« er ikke en tid"),
            };
            foreach (var org in respondents)
                collection.Respondents.Add(new CollectionRespondent { OrganisationId = org.Id });
            db.Collections.Add(collection);
        }
        collection.Title = pack.Title;
        collection.Description = pack.Description;
        collection.Source = pack.Source;
        collection.FormVersionId = version.Id;
        collection.SummaryTablesJson = Summaries.SummaryTableSpec.ToJson(pack.SummaryTables);
        if (pack.Periods is { } periods)
        {
            if (Samraad.Periods.Parse(periods.Kind, periods.First) is null || Samraad.Periods.Parse(periods.Kind, periods.Last) is null
                || string.CompareOrdinal(periods.First, periods.Last) > 0)
                throw new InvalidDataException($"{pack.Slug}: perioderne {periods.First}–{periods.Last} passer ikke til periodetypen {periods.Kind}");
            (collection.PeriodKind, collection.FirstPeriod, collection.LastPeriod) = (periods.Kind, periods.First, periods.Last);
        }
        await db.SaveChangesAsync(ct);

        await ReplacePrintedFigures(collection, printed, ct);
        if (created && demoData && pack.Demo is not null)
            await new LoadDemoResponses(db).Handle(collection, form, version, dir, pack.Demo, ct);
        log.LogInformation("Pack {Slug}: skema version {Version}{Created}", pack.Slug, version.Version, created ? ", oprettet" : "");
        return collection;
    }

    async Task<FormVersion> EnsureFormVersion(FormSpec form, string json, CancellationToken ct)
    {
        var sha = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json.ReplaceLineEndings("\n"))));
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

    async Task<List<Organisation>> Respondents(PackRespondents spec, CancellationToken ct)
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
        await db.PrintedFigures.Where(p => p.CollectionId == collection.Id).ExecuteDeleteAsync(ct);
        var order = 0;
        foreach (var f in printed)
            db.PrintedFigures.Add(new PrintedFigureRow
            {
                CollectionId = collection.Id, SortOrder = order++, Source = f.Source, FieldKey = f.FieldKey, Printed = f.Printed,
                Answers = f.Answers is null ? null : string.Join('|', f.Answers), Count = f.Count, Of = f.Of,
                RespondentSlug = f.RespondentSlug, Value = f.Value, Measure = f.Measure, Rounding = f.Rounding,
            });
        await db.SaveChangesAsync(ct);
    }
}
