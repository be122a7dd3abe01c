using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections;
using Samraad.Features.Collections.Forms;
using Samraad.Features.Reference;

namespace Samraad.Bench;

/// <summary>
/// Deterministic synthetic data at national scale: the akut form sent to all 98 municipalities, every one of them
/// answering (some twice, so "latest receipt" matters). Labelled as synthetic in the collection's title.
/// </summary>
public sealed class NationalDataGenerator(AppDbContext db)
{
    public const string Slug = "bench-landsdaekkende";

    public async Task<Collection> Ensure(CancellationToken ct = default)
    {
        var template = await db.Collections.Include(c => c.FormVersion).FirstAsync(c => c.Slug == "akutfunktioner-2024", ct);
        return await Ensure(Slug, "Akutfunktioner, alle 98 kommuner (syntetiske demodata til benchmark)", template.FormVersion!, template.SummaryTablesJson, ct);
    }

    public const string AllTypesSlug = "bench-alle-felttyper";

    /// <summary>
    /// A climate-adaptation mapping using every field type the engine has — multi-select with an exclusive option, a
    /// conditional question, a Likert scale, amounts, percents, a date, a matrix and a project table of up to five rows.
    /// </summary>
    const string AllTypesForm = """
    { "key": "bench-klima", "version": 1, "title": "Klimatilpasning (benchmark)",
      "scales": {
        "grad": [ {"key":"1","label":"Meget lav"}, {"key":"2","label":"Lav"}, {"key":"3","label":"Middel"}, {"key":"4","label":"Høj"}, {"key":"5","label":"Meget høj"} ],
        "tiltag": [ {"key":"plan","label":"Klimatilpasningsplan"}, {"key":"kort","label":"Risikokortlægning"}, {"key":"lar","label":"LAR"},
                    {"key":"dige","label":"Diger"}, {"key":"ingen","label":"Ingen af delene","exclusive":true} ] },
      "missingCodes": [ {"key":"ved-ikke","label":"Ved ikke"} ],
      "sections": [ { "key": "klima", "title": "Klimatilpasning", "fields": [
        {"key":"plan","label":"Har kommunen en plan?","type":"yesNo","required":true},
        {"key":"vedtaget","label":"Hvornår blev planen vedtaget?","type":"date","askedIf":{"field":"plan","equals":"ja"}},
        {"key":"tiltag","label":"Hvilke tiltag har kommunen?","type":"multiChoice","scale":"tiltag","maxChoices":4,"missingCodes":["ved-ikke"]},
        {"key":"parathed","label":"Hvor parat er kommunen?","type":"choice","scale":"grad","missingCodes":["ved-ikke"]},
        {"key":"budget","label":"Budget 2025","type":"amount","missingCodes":["ved-ikke"]},
        {"key":"andel","label":"Andel af kystlinjen sikret","type":"percent"},
        {"key":"ansatte","label":"Årsværk","type":"decimal"},
        {"key":"haendelser","label":"Hændelser","type":"matrix","rows":[{"key":"skybrud","label":"Skybrud"},{"key":"stormflod","label":"Stormflod"},{"key":"toerke","label":"Tørke"}],
          "columns":[{"key":"y2022","label":"2022"},{"key":"y2023","label":"2023"},{"key":"y2024","label":"2024"}],"cell":{"type":"integer","min":0}},
        {"key":"projekter","label":"Projekter","type":"table","maxRows":5,"tableColumns":[
          {"key":"navn","label":"Projekt","type":"text","maxLength":200},{"key":"anlaeg","label":"Anlægsudgift","type":"amount"},
          {"key":"delt","label":"Delt med en nabokommune","type":"yesNo"}]},
        {"key":"bemaerkning","label":"Bemærkninger","type":"text","maxLength":2000}
      ] } ] }
    """;

    public async Task<Collection> EnsureAllTypes(CancellationToken ct = default)
    {
        var form = FormSpecReader.Parse(AllTypesForm);
        var version = await db.FormVersions.FirstOrDefaultAsync(f => f.FormKey == form.Key, ct);
        if (version is null)
        {
            version = new FormVersion
            {
                FormKey = form.Key, Version = 1, Json = AllTypesForm, CreatedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                Sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(AllTypesForm))),
            };
            db.FormVersions.Add(version);
            await db.SaveChangesAsync(ct);
        }
        return await Ensure(AllTypesSlug, "Klimatilpasning, alle 98 kommuner, alle felttyper (syntetiske demodata til benchmark)", version, null, ct);
    }

    async Task<Collection> Ensure(string slug, string title, FormVersion version, string? summaryTables, CancellationToken ct)
    {
        var existing = await db.Collections.FirstOrDefaultAsync(c => c.Slug == slug, ct);
        if (existing is not null) return existing;
        var form = FormSpecs.Get(version);
        var kl = await db.Organisations.FirstAsync(o => o.Slug == "kl", ct);
        var municipalities = await db.Organisations.Where(o => o.Kind == OrganisationKind.Kommune).OrderBy(o => o.MunicipalityCode).ToListAsync(ct);
        var collection = new Collection
        {
            Slug = slug, Title = title, OwnerOrganisationId = kl.Id,
            FormVersionId = version.Id, OpensAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            DeadlineUtc = new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc), SummaryTablesJson = summaryTables,
            Respondents = municipalities.Select(m => new CollectionRespondent { OrganisationId = m.Id }).ToList(),
        };
        db.Collections.Add(collection);
        await db.SaveChangesAsync(ct);

        var by = new Actor("bench", "Benchmark-generator");
        var at = new DateTime(2026, 2, 1, 11, 0, 0, DateTimeKind.Utc);
        foreach (var m in municipalities)
        {
            var random = new Random(m.MunicipalityCode!.Value);
            var response = new Response { CollectionId = collection.Id, OrganisationId = m.Id, FormVersionId = version.Id, CreatedAtUtc = at, UpdatedAtUtc = at };
            db.Responses.Add(response);
            var rounds = m.MunicipalityCode % 5 == 0 ? 2 : 1;
            for (var round = 0; round < rounds; round++)
            {
                if (round > 0) response.Reopen("Rettelse", by, at.AddDays(round));
                response.ApplyDraft(Answers(form, random), version.Id, by, at.AddDays(round));
                var receipt = response.Lock(by, m.DisplayName, at.AddDays(round));
                db.Receipts.Add(receipt);
                await db.SaveChangesAsync(ct);
                await Receipts.AssignNumber(db, response, receipt, ct);
            }
        }
        db.ChangeTracker.Clear();
        return collection;
    }

    static Dictionary<string, AnswerValue?> Answers(FormSpec form, Random random)
    {
        var answers = new Dictionary<string, AnswerValue?>();
        var leaves = form.FixedLeaves().ToList();
        foreach (var table in form.Fields.Where(f => f.Type == FieldType.Table))
            for (var n = 1; n <= random.Next(table.MaxRows!.Value + 1); n++)
                leaves.AddRange(table.TableColumns!.Select(c => form.FindLeaf(FieldKeys.TableCell(table.Key, n, c.Key))!));
        foreach (var leaf in leaves)
        {
            var roll = random.NextDouble();
            var options = leaf.Spec.ResolvedOptions;
            answers[leaf.Key] = leaf.Spec.Type switch
            {
                FieldType.YesNo => roll < 0.03 ? null : new AnswerValue(roll < 0.7 ? "ja" : "nej"),
                _ when roll < 0.04 && leaf.Field.MissingCodes.Count > 0 => new AnswerValue(null, leaf.Field.MissingCodes[0]),
                FieldType.Choice => new AnswerValue(options[random.Next(options.Count)].Key),
                FieldType.MultiChoice => roll < 0.1 ? new AnswerValue("ingen")
                    : new AnswerValue(string.Join(FieldValues.ChoiceSeparator, options.Where(o => !o.Exclusive && random.NextDouble() < 0.5).Select(o => o.Key).DefaultIfEmpty(options[0].Key))),
                FieldType.Text => roll < 0.5 ? new AnswerValue($"Syntetisk bemærkning {random.Next(1000)}") : null,
                FieldType.Integer => new AnswerValue(random.Next(0, 40).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                FieldType.Decimal => new AnswerValue((random.Next(0, 400) / 10m).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                FieldType.Percent => new AnswerValue(random.Next(0, 101).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                FieldType.Amount => new AnswerValue((random.Next(1, 50_000) * 100_000L).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                FieldType.Date => new AnswerValue(new DateOnly(2015, 1, 1).AddDays(random.Next(3650)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                _ => null,
            };
        }
        return answers;
    }
}
