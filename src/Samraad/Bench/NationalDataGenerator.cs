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
        var existing = await db.Collections.FirstOrDefaultAsync(c => c.Slug == Slug, ct);
        if (existing is not null) return existing;
        var template = await db.Collections.Include(c => c.FormVersion).FirstAsync(c => c.Slug == "akutfunktioner-2024", ct);
        var form = FormSpecs.Get(template.FormVersion!);
        var kl = await db.Organisations.FirstAsync(o => o.Slug == "kl", ct);
        var municipalities = await db.Organisations.Where(o => o.Kind == OrganisationKind.Kommune).OrderBy(o => o.MunicipalityCode).ToListAsync(ct);
        var collection = new Collection
        {
            Slug = Slug, Title = "Akutfunktioner, alle 98 kommuner (syntetiske demodata til benchmark)", OwnerOrganisationId = kl.Id,
            FormVersionId = template.FormVersionId, OpensAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            DeadlineUtc = new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc), SummaryTablesJson = template.SummaryTablesJson,
            Respondents = municipalities.Select(m => new CollectionRespondent { OrganisationId = m.Id }).ToList(),
        };
        db.Collections.Add(collection);
        await db.SaveChangesAsync(ct);

        var by = new Actor("bench", "Benchmark-generator");
        var at = new DateTime(2026, 2, 1, 11, 0, 0, DateTimeKind.Utc);
        foreach (var m in municipalities)
        {
            var random = new Random(m.MunicipalityCode!.Value);
            var response = new Response { CollectionId = collection.Id, OrganisationId = m.Id, FormVersionId = template.FormVersionId, CreatedAtUtc = at, UpdatedAtUtc = at };
            db.Responses.Add(response);
            var rounds = m.MunicipalityCode % 5 == 0 ? 2 : 1;
            for (var round = 0; round < rounds; round++)
            {
                if (round > 0) response.Reopen("Rettelse", by, at.AddDays(round));
                response.ApplyDraft(Answers(form, random), template.FormVersionId, by, at.AddDays(round));
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
        foreach (var leaf in form.FixedLeaves())
        {
            var roll = random.NextDouble();
            answers[leaf.Key] = leaf.Spec.Type switch
            {
                FieldType.YesNo => roll < 0.03 ? null : new AnswerValue(roll < 0.7 ? "ja" : "nej"),
                FieldType.Choice when roll < 0.04 && leaf.Field.MissingCodes.Count > 0 => new AnswerValue(null, leaf.Field.MissingCodes[0]),
                FieldType.Choice => new AnswerValue(leaf.Spec.ResolvedOptions[random.Next(leaf.Spec.ResolvedOptions.Count)].Key),
                FieldType.Text => roll < 0.5 ? new AnswerValue($"Syntetisk bemærkning {random.Next(1000)}") : null,
                _ => null,
            };
        }
        return answers;
    }
}
