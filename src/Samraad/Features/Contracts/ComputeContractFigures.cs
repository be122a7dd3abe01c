using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Contracts;

/// <summary>
/// The aggregates behind every goal, computed in the database without loading the rows. Each query walks one covering
/// index in its own order, so the database groups as it reads (no sort, no table lookups) — a million registrations
/// take two index scans:
///  - by day, type and municipality (≤ 366 × 3 × 98 small groups), summed up here to months, types and municipalities;
///  - by company (and HQ region), counted in the database: distinct companies, those guided the year before, per region.
/// </summary>
public static class ComputeContractFigures
{
    public static async Task<ContractFigures> Handle(AppDbContext db, int contractId, int year, CancellationToken ct = default)
    {
        var regs = db.Registrations.AsNoTracking().Where(r => r.ContractId == contractId && r.Year == year);

        var days = await regs.GroupBy(r => new { r.StartDate, r.Type, r.MunicipalityCode }).Select(g => new
        {
            g.Key.StartDate, g.Key.Type, g.Key.MunicipalityCode,
            Cases = g.Count(), Esg = g.Count(r => r.IsEsg), Ai = g.Count(r => r.IsAiCheck), Referred = g.Count(r => r.ReferredExternal),
        }).ToListAsync(ct);

        // A company counts once however many cases it had; "new" means none of its cases says it was guided the year before.
        var companies = await regs.GroupBy(r => r.Cvr).Select(g => new { Guided = g.Max(r => r.GuidedPreviousYear ? 1 : 0) })
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Guided = g.Sum(c => c.Guided) }).SingleOrDefaultAsync(ct);
        var byHqRegion = await regs.Select(r => new { r.Cvr, r.HqRegionCode }).Distinct().GroupBy(c => c.HqRegionCode)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);

        var evals = db.Evaluations.AsNoTracking().Where(e => e.ContractId == contractId);
        var segments = await evals.GroupBy(e => e.Segment).Select(g => new
        {
            g.Key,
            Answers = g.Count(e => e.Satisfaction != null),
            VeryHappy = g.Count(e => e.Satisfaction == Scales.VeryHappy),
            NpsAnswers = g.Count(e => e.Recommend != null),
            Promoters = g.Count(e => e.Recommend >= 9),
            Detractors = g.Count(e => e.Recommend <= 6),
            Effect = g.Count(e => e.Effect != null),
            EffectHigh = g.Count(e => e.Effect == Scales.High),
            DigitalEffect = g.Count(e => e.DigitalGuidance && e.Effect != null),
            DigitalHigh = g.Count(e => e.DigitalGuidance && e.Effect == Scales.High),
            Used = g.Count(e => e.ReferralUse == Scales.Used || e.ReferralUse == Scales.Expects),
            No = g.Count(e => e.ReferralUse == Scales.No),
            DontKnow = g.Count(e => e.ReferralUse == Scales.DontKnow),
        }).ToListAsync(ct);

        return new ContractFigures(
            days.Count == 0 ? null : days.Max(d => d.StartDate), companies?.Count ?? 0, (companies?.Count ?? 0) - (companies?.Guided ?? 0),
            ByType(days.Select(d => (d.Type, d.Cases))),
            days.GroupBy(d => d.StartDate.Month).ToDictionary(g => g.Key, g => g.Sum(d => d.Cases)),
            days.GroupBy(d => d.MunicipalityCode).ToDictionary(g => g.Key, g => g.Sum(d => d.Cases)),
            days.Where(d => d.Type != CaseType.Kort).Sum(d => d.Esg), days.Sum(d => d.Ai),
            ByType(days.Select(d => (d.Type, d.Referred))),
            byHqRegion,
            segments.ToDictionary(s => s.Key, s => new SegmentFigures(s.Answers, s.VeryHappy, s.NpsAnswers, s.Promoters, s.Detractors)),
            segments.Sum(s => s.Effect), segments.Sum(s => s.EffectHigh), segments.Sum(s => s.DigitalEffect), segments.Sum(s => s.DigitalHigh),
            segments.Sum(s => s.Used), segments.Sum(s => s.No), segments.Sum(s => s.DontKnow));
    }

    /// <summary>Counts per case type, every type present (zero where none).</summary>
    public static Dictionary<CaseType, int> ByType(IEnumerable<(CaseType Type, int N)> counts)
    {
        var result = Enum.GetValues<CaseType>().ToDictionary(t => t, _ => 0);
        foreach (var (type, n) in counts) result[type] += n;
        return result;
    }
}

/// <summary>The stored option keys of the user-evaluation scales.</summary>
public static class Scales
{
    public const string VeryHappy = "meget-tilfreds";
    public const string High = "hoej";
    public const string Used = "ja";
    public const string Expects = "forventer";
    public const string No = "nej";
    public const string DontKnow = "ved-ikke";

    public static readonly (string Key, string Label)[] Satisfaction =
        [("meget-tilfreds", "Meget tilfreds"), ("tilfreds", "Tilfreds"), ("hverken-eller", "Hverken/eller"), ("utilfreds", "Utilfreds"), ("meget-utilfreds", "Meget utilfreds"), ("ved-ikke", "Ved ikke")];
    public static readonly (string Key, string Label)[] Effect =
        [("hoej", "I høj grad"), ("nogen", "I nogen grad"), ("lav", "I lav grad"), ("slet-ikke", "Slet ikke"), ("ved-ikke", "Ved ikke")];
    public static readonly (string Key, string Label)[] Referral =
        [("ja", "Ja"), ("forventer", "Forventer inden for et halvt år"), ("nej", "Nej"), ("ved-ikke", "Ved ikke")];
}
