using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections;

namespace Samraad.Features.Pools;

/// <summary>packs/**/pool.json: a pool on top of its collection (loaded first by LoadPacks); demo applications once.</summary>
public sealed class LoadPoolPacks(AppDbContext db, GenerateDemoApplications demo, ILogger<LoadPoolPacks> log, TimeProvider clock, PackReport report)
{
    public async Task Handle(string packsDir, bool demoData, CancellationToken ct = default)
    {
        await report.ForEach(packsDir, "pool.json", db, log, clock, async file =>
        {
            var json = await File.ReadAllTextAsync(file, ct);
            var spec = PoolSpec.Parse(json);
            var ctx = await CollectionContext.Load(db, spec.Collection, ct) ?? throw new InvalidDataException($"{file}: indsamlingen »{spec.Collection}« findes ikke");
            var pool = await db.Pools.Include(p => p.Budgets).FirstOrDefaultAsync(p => p.Slug == spec.Slug, ct);
            if (pool is null)
            {
                pool = new Pool { Slug = spec.Slug, CollectionId = ctx.Collection.Id };
                pool.Budgets = spec.Budgets.Select(b => new PoolBudget { Year = b.Key, AmountOre = b.Value * 100_000 }).ToList();
                db.Pools.Add(pool);
                log.LogInformation("Pulje {Slug} oprettet", spec.Slug);
            }
            pool.Title = spec.Title;
            pool.Purpose = spec.Purpose;
            pool.OwnerOrganisationId = (await db.Organisations.FirstAsync(o => o.Slug == spec.Owner, ct)).Id;
            pool.DecisionBy = DateOnly.Parse(spec.DecisionBy);
            pool.SpecJson = json;
            await db.SaveChangesAsync(ct);
            if (demoData) await demo.Handle(ctx, spec, ct);
        });
    }
}
