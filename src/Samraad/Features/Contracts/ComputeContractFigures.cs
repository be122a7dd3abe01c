using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Contracts;

/// <summary>
/// The aggregates behind every goal, computed in the database: one scan with conditional counts for the
/// registrations, one for the evaluations, and a few GROUP BYs (month, municipality, distinct companies).
/// Never loads the rows themselves, so a million registrations stay a matter of milliseconds per query.
/// </summary>
public static class ComputeContractFigures
{
    public static async Task<ContractFigures> Handle(AppDbContext db, int contractId, int year, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var regs = db.Registrations.AsNoTracking().Where(r => r.ContractId == contractId && r.StartDate >= from && r.StartDate <= to);

        var totals = await regs.GroupBy(_ => 1).Select(g => new
        {
            Kort = g.Count(r => r.Type == CaseType.Kort),
            Handlingsplan = g.Count(r => r.Type == CaseType.Handlingsplan),
            Vaekstplan = g.Count(r => r.Type == CaseType.Vaekstplan),
            LongEsg = g.Count(r => r.Type != CaseType.Kort && r.IsEsg),
            Ai = g.Count(r => r.IsAiCheck),
            ReferredH = g.Count(r => r.Type == CaseType.Handlingsplan && r.ReferredExternal),
            ReferredV = g.Count(r => r.Type == CaseType.Vaekstplan && r.ReferredExternal),
            ReferredK = g.Count(r => r.Type == CaseType.Kort && r.ReferredExternal),
            Last = g.Max(r => r.StartDate),
        }).FirstOrDefaultAsync(ct);

        var companies = await regs.Select(r => r.Cvr).Distinct().CountAsync(ct);
        var guidedBefore = await regs.Where(r => r.GuidedPreviousYear).Select(r => r.Cvr).Distinct().CountAsync(ct);
        var byMonth = await regs.GroupBy(r => r.StartDate.Month).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var byMunicipality = await regs.GroupBy(r => r.MunicipalityCode).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var byHqRegion = await regs.GroupBy(r => r.HqRegionCode).Select(g => new { g.Key, N = g.Select(r => r.Cvr).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.N, ct);

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
            totals?.Last, companies, companies - guidedBefore,
            new Dictionary<CaseType, int> { [CaseType.Kort] = totals?.Kort ?? 0, [CaseType.Handlingsplan] = totals?.Handlingsplan ?? 0, [CaseType.Vaekstplan] = totals?.Vaekstplan ?? 0 },
            byMonth, byMunicipality, totals?.LongEsg ?? 0, totals?.Ai ?? 0,
            new Dictionary<CaseType, int> { [CaseType.Kort] = totals?.ReferredK ?? 0, [CaseType.Handlingsplan] = totals?.ReferredH ?? 0, [CaseType.Vaekstplan] = totals?.ReferredV ?? 0 },
            byHqRegion,
            segments.ToDictionary(s => s.Key, s => new SegmentFigures(s.Answers, s.VeryHappy, s.NpsAnswers, s.Promoters, s.Detractors)),
            segments.Sum(s => s.Effect), segments.Sum(s => s.EffectHigh), segments.Sum(s => s.DigitalEffect), segments.Sum(s => s.DigitalHigh),
            segments.Sum(s => s.Used), segments.Sum(s => s.No), segments.Sum(s => s.DontKnow));
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
