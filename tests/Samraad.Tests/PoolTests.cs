using Samraad.Features.Pools;

namespace Samraad.Tests;

public class PoolTests
{
    static readonly PoolRules Rules = new(new Dictionary<int, long> { [2025] = 600_000, [2026] = 700_000 }, 20_000, 25m, new DateOnly(2026, 12, 31));

    static ProjectLine Project(int index = 1, long l25 = 10_000, long l26 = 10_000, long places = 12, decimal? share = 40,
        string? completed = "2026-06-30", long? cost = 45_000, string kind = "nybyggeri") =>
        new(index, $"Projekt {index}", l25, l26, places / 2, places - places / 2, share, completed is null ? null : DateOnly.Parse(completed), cost, kind);

    static PoolApplication App(int code = 320, int region = 1085, string coordination = "kkr", bool? sel = true, bool? expands = true,
        string? justification = null, params ProjectLine[] projects) =>
        new(code, $"k{code}", $"Kommune {code}", code, region, $"Region {region}", sel, expands, coordination, justification,
            projects.Length == 0 ? [Project()] : projects, $"KV-{code}", DateTime.UtcNow);

    static CriterionResult C(PoolApplication app, int n) => Eligibility.Check(Rules, app, app.Projects[0]).Single(r => r.Number == n);

    [Fact]
    public void A_complete_new_build_passes_all_six_criteria()
    {
        var results = Eligibility.Check(Rules, App(), Project());
        Assert.All(results, r => Assert.Equal(CriterionStatus.Passed, r.Status));
        Assert.True(Eligibility.IsEligible(results, null));
    }

    [Fact]
    public void Criterion_1_only_SEL_107_and_108() =>
        Assert.Equal(CriterionStatus.Failed, C(App(sel: false), 1).Status);

    [Fact]
    public void Criterion_2_expands_capacity_no_conversion_of_ABL_105()
    {
        Assert.Equal(CriterionStatus.Failed, C(App(expands: false), 2).Status);
        Assert.Equal(CriterionStatus.Failed, C(App(projects: Project(places: 0)), 2).Status);
    }

    [Theory]
    [InlineData("2026-12-31", CriterionStatus.Passed)]
    [InlineData("2027-01-01", CriterionStatus.Failed)]
    [InlineData(null, CriterionStatus.Failed)]
    public void Criterion_3_completed_by_the_end_of_2026(string? date, CriterionStatus status) =>
        Assert.Equal(status, C(App(projects: Project(completed: date)), 3).Status);

    [Theory]
    [InlineData(20_001L, CriterionStatus.Passed)]
    [InlineData(20_000L, CriterionStatus.Failed)] // "over 20 mio. kr."
    public void Criterion_4_gross_cost_over_20_million(long cost, CriterionStatus status)
    {
        var result = C(App(projects: Project(cost: cost)), 4);
        Assert.Equal(status, result.Status);
        Assert.Contains("20 mio. kr.", result.Reason);
    }

    [Theory]
    [InlineData(25, CriterionStatus.Passed)]
    [InlineData(24.9, CriterionStatus.Failed)]
    public void Criterion_5_a_quarter_of_places_for_other_municipalities(double share, CriterionStatus status) =>
        Assert.Equal(status, C(App(projects: Project(share: (decimal)share)), 5).Status);

    [Fact]
    public void Criterion_6_renovation_goes_to_the_caseworker()
    {
        var app = App(justification: "Bygningen lukkes uden renovering", projects: Project(kind: "renovering"));
        var results = Eligibility.Check(Rules, app, app.Projects[0]);
        Assert.Equal(CriterionStatus.NeedsAssessment, results.Single(r => r.Number == 6).Status);
        Assert.False(Eligibility.IsEligible(results, null));
        Assert.True(Eligibility.IsEligible(results, true));
        Assert.False(Eligibility.IsEligible(results, false));
    }

    static AllocationResult Allocate(long b2025, long b2026, params Candidate[] candidates) =>
        Allocation.Run(new Dictionary<int, long> { [2025] = b2025, [2026] = b2026 }, candidates, []);

    [Fact]
    public void KKR_coordination_comes_before_other_cooperation_before_none()
    {
        var none = new Candidate(App(101, 1084, "ingen", projects: Project(cost: 90_000)), Project(cost: 90_000), 5);
        var other = new Candidate(App(147, 1084, "tvaerkommunal", projects: Project(cost: 60_000)), Project(cost: 60_000), 5);
        var kkr = new Candidate(App(151, 1084, "kkr", projects: Project(cost: 30_000)), Project(cost: 30_000), 0);
        var result = Allocate(25_000, 25_000, none, other, kkr);
        Assert.Equal([151, 147, 101], result.Rows.OrderBy(r => r.Rank).Select(r => r.Application.Code));
        Assert.Equal([AllocationOutcome.Granted, AllocationOutcome.Granted, AllocationOutcome.Refused], result.Rows.OrderBy(r => r.Rank).Select(r => r.Outcome));
    }

    [Fact]
    public void Within_a_priority_larger_expenditure_then_share_then_score_then_code_decide()
    {
        Candidate C(int code, long cost, decimal share, int score) => new(App(code, 1084, "kkr"), Project(cost: cost, share: share), score);
        var result = Allocate(1_000_000, 1_000_000, C(101, 30_000, 50, 0), C(147, 40_000, 30, 0), C(151, 30_000, 50, 3), C(153, 30_000, 60, 0), C(155, 30_000, 50, 3));
        Assert.Equal([147, 153, 151, 155, 101], result.Rows.OrderBy(r => r.Rank).Select(r => r.Application.Code));
    }

    [Fact]
    public void When_all_five_regions_applied_each_gets_its_best_project_first()
    {
        var big = Enumerable.Range(0, 4).Select(i => new Candidate(App(101 + i, 1084, "kkr"), Project(l25: 100_000, l26: 100_000, cost: 300_000), 0)).ToList();
        var regions = new[] { 1081, 1082, 1083, 1085 }.Select((r, i) => new Candidate(App(800 + i, r, "ingen"), Project(l25: 50_000, l26: 50_000, cost: 25_000), 0));
        var result = Allocate(400_000, 400_000, [.. big, .. regions]);
        Assert.True(result.RegionalBalanceApplied);
        var granted = result.Rows.Where(r => r.Outcome == AllocationOutcome.Granted).ToList();
        Assert.Equal(5, granted.Select(r => r.Application.RegionCode).Distinct().Count());
        Assert.Contains(result.Rows.Single(r => r.Application.Code == 800).Reasons, x => x.Contains("mindst ét projekt i hver region"));
        // Without the rule the four big KKR projects would have taken the whole budget.
        var withoutOneRegion = Allocate(400_000, 400_000, [.. big, .. regions.Take(3)]);
        Assert.False(withoutOneRegion.RegionalBalanceApplied);
        Assert.Equal(4, withoutOneRegion.Rows.Count(r => r.Outcome == AllocationOutcome.Granted));
    }

    [Fact]
    public void The_budget_of_each_year_is_never_exceeded()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var candidates = Enumerable.Range(0, random.Next(1, 40)).Select(i => new Candidate(
                App(101 + i, 1081 + random.Next(5), new[] { "kkr", "tvaerkommunal", "ingen" }[random.Next(3)]),
                Project(i + 1, random.Next(0, 90_000), random.Next(0, 90_000), cost: random.Next(20_001, 400_000), share: random.Next(25, 101)),
                random.Next(6))).ToArray();
            var (b25, b26) = (random.Next(0, 600_000), random.Next(0, 700_000));
            var result = Allocate(b25, b26, candidates);
            Assert.True(result.Rows.Sum(r => r.Granted2025) <= b25);
            Assert.True(result.Rows.Sum(r => r.Granted2026) <= b26);
            Assert.Equal(b25 - result.Rows.Sum(r => r.Granted2025), result.Remaining[2025]);
            Assert.All(result.Rows, r => Assert.True(r.Outcome != AllocationOutcome.Granted || (r.Granted2025 == r.Project.Loan2025 && r.Granted2026 == r.Project.Loan2026)));
        }
    }

    [Fact]
    public void The_same_input_gives_the_same_allocation()
    {
        var candidates = Enumerable.Range(0, 30).Select(i => new Candidate(App(101 + i, 1081 + i % 5, "kkr"), Project(cost: 30_000, share: 50), 0)).ToArray();
        var a = Allocate(100_000, 100_000, candidates).Rows.Select(r => (r.Application.Code, r.Rank, r.Outcome));
        var b = Allocate(100_000, 100_000, candidates.Reverse().ToArray()).Rows.Select(r => (r.Application.Code, r.Rank, r.Outcome));
        Assert.Equal(a.OrderBy(x => x.Code), b.OrderBy(x => x.Code));
    }
}
