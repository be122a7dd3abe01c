namespace Samraad.Features.Pools;

/// <summary>An eligible project competing for the pool, with the caseworker's pricing score (criterion 4 of the weighting).</summary>
public sealed record Candidate(PoolApplication Application, ProjectLine Project, int PricingScore);

public enum AllocationOutcome { Granted, Refused, Ineligible }

/// <summary>One project's place in the allocation: rank, amounts granted per year (1,000 kr.) and why.</summary>
public sealed record AllocationRow(PoolApplication Application, ProjectLine Project, int? Rank, AllocationOutcome Outcome,
    long Granted2025, long Granted2026, IReadOnlyList<string> Reasons);

/// <summary>The allocation, with what is left of each year's budget.</summary>
public sealed record AllocationResult(IReadOnlyList<AllocationRow> Rows, IReadOnlyDictionary<int, long> Budgets, IReadOnlyDictionary<int, long> Remaining, bool RegionalBalanceApplied);

/// <summary>
/// The seed's allocation rules (item 2.9), deterministic: KKR-coordinated projects first, then other inter-municipal
/// cooperation, then the rest; at least one project per region when all five regions applied; within that, larger
/// expenditure, a larger share of places for other municipalities, geographic spread and the assessed pricing
/// description. A project is granted in full when both years' budgets allow it, otherwise refused; a budget is
/// never exceeded.
/// </summary>
public static class Allocation
{
    public static readonly int[] Years = [2025, 2026];

    public static AllocationResult Run(IReadOnlyDictionary<int, long> budgets, IReadOnlyList<Candidate> candidates,
        IEnumerable<(PoolApplication App, ProjectLine Project, string Reason)> ineligible)
    {
        var remaining = Years.ToDictionary(y => y, y => budgets.GetValueOrDefault(y));
        var rows = new List<AllocationRow>();
        var grantedPerRegion = new Dictionary<int, int>();
        var pending = candidates.OrderBy(StaticKey, KeyComparer.Instance).ToList();
        var allRegions = candidates.Select(c => c.Application.RegionCode).Distinct().Count() == 5;
        var rank = 0;

        void Decide(Candidate c, string? why)
        {
            rank++;
            var reasons = Explain(c);
            if (why is not null) reasons.Add(why);
            var fits = c.Project.Loan2025 <= remaining[2025] && c.Project.Loan2026 <= remaining[2026];
            if (fits)
            {
                remaining[2025] -= c.Project.Loan2025;
                remaining[2026] -= c.Project.Loan2026;
                grantedPerRegion[c.Application.RegionCode] = grantedPerRegion.GetValueOrDefault(c.Application.RegionCode) + 1;
                reasons.Add($"Tilsagn: {T(c.Project.Loan2025)} i 2025 og {T(c.Project.Loan2026)} i 2026.");
                rows.Add(new AllocationRow(c.Application, c.Project, rank, AllocationOutcome.Granted, c.Project.Loan2025, c.Project.Loan2026, reasons));
            }
            else
            {
                var short2025 = c.Project.Loan2025 > remaining[2025] ? $" (2025: ansøgt {T(c.Project.Loan2025)}, tilbage {T(remaining[2025])})" : "";
                var short2026 = c.Project.Loan2026 > remaining[2026] ? $" (2026: ansøgt {T(c.Project.Loan2026)}, tilbage {T(remaining[2026])})" : "";
                reasons.Add($"Afslag: puljen rækker ikke til projektet, når de højere prioriterede projekter har fået tilsagn{short2025}{short2026}.");
                rows.Add(new AllocationRow(c.Application, c.Project, rank, AllocationOutcome.Refused, 0, 0, reasons));
            }
        }

        if (allRegions)
            foreach (var first in pending.GroupBy(c => c.Application.RegionCode).Select(g => g.First()).OrderBy(StaticKey, KeyComparer.Instance).ToList())
            {
                pending.Remove(first);
                Decide(first, $"Regionens højest prioriterede projekt: mindst ét projekt i hver region prioriteres, da alle fem regioner har søgt ({first.Application.Region}).");
            }
        while (pending.Count > 0)
        {
            // Geographic spread (weighting criterion 3) depends on what is already granted, so the order is re-evaluated.
            var next = pending.OrderBy(c => DynamicKey(c, grantedPerRegion), KeyComparer.Instance).First();
            pending.Remove(next);
            Decide(next, null);
        }
        foreach (var (app, project, reason) in ineligible)
            rows.Add(new AllocationRow(app, project, null, AllocationOutcome.Ineligible, 0, 0, [$"Afslag: {reason}"]));
        return new AllocationResult(rows, budgets, remaining, allRegions);
    }

    static int Priority(string? coordination) => coordination switch { "kkr" => 0, "tvaerkommunal" => 1, _ => 2 };

    static object[] StaticKey(Candidate c) =>
        [Priority(c.Application.Coordination), -(c.Project.GrossCost ?? 0), -(c.Project.ShareForOthers ?? 0), -c.PricingScore, c.Application.Code, c.Project.Index];

    static object[] DynamicKey(Candidate c, Dictionary<int, int> grantedPerRegion) =>
        [Priority(c.Application.Coordination), -(c.Project.GrossCost ?? 0), -(c.Project.ShareForOthers ?? 0),
         grantedPerRegion.GetValueOrDefault(c.Application.RegionCode), -c.PricingScore, c.Application.Code, c.Project.Index];

    static List<string> Explain(Candidate c) =>
    [
        c.Application.Coordination switch
        {
            "kkr" => "Koordineret i regi af KKR (højeste prioritet).",
            "tvaerkommunal" => "Koordineret i et andet tværkommunalt samarbejde (anden prioritet).",
            _ => "Ikke koordineret med andre kommuner (tredje prioritet).",
        },
        $"Bruttoanlægsudgift {T(c.Project.GrossCost ?? 0)}; {c.Project.ShareForOthers:0.#} % af pladserne til andre kommuner; prissætning vurderet {c.PricingScore} af 5.",
    ];

    /// <summary>An amount given in whole 1.000 kr. as readers say it ("45,5 mio. kr."), not as "45.500 t.kr.".</summary>
    public static string T(long thousands) => PoolMoney.Kroner(thousands * 100_000);

    /// <summary>Compares the keys element by element (numbers and numbers, in order).</summary>
    sealed class KeyComparer : IComparer<object[]>
    {
        public static readonly KeyComparer Instance = new();
        public int Compare(object[]? x, object[]? y)
        {
            for (var i = 0; i < x!.Length; i++)
            {
                var c = Convert.ToDecimal(x[i]).CompareTo(Convert.ToDecimal(y![i]));
                if (c != 0) return c;
            }
            return 0;
        }
    }
}
