using System.Text.Json;

namespace Samraad.Features.Pools;

/// <summary>packs/&lt;slug&gt;/pool.json: the pool as data (the seed's criteria and weighting verbatim).</summary>
public sealed class PoolSpec
{
    public string Slug { get; set; } = "";
    public string Collection { get; set; } = "";
    public string Title { get; set; } = "";
    public string Owner { get; set; } = "";
    public string Purpose { get; set; } = "";
    /// <summary>Budget per year in whole 1,000 kr.</summary>
    public Dictionary<int, long> Budgets { get; set; } = new();
    public string DecisionBy { get; set; } = "";
    public long MinimumConstructionCost { get; set; }
    public decimal MinimumShareForOthers { get; set; }
    public string CompletionBy { get; set; } = "";
    public List<string> Criteria { get; set; } = new();
    public string Weighting { get; set; } = "";
    public string Signature { get; set; } = "";
    public DemoSpec? Demo { get; set; }

    public sealed class DemoSpec
    {
        public int Applications { get; set; }
        public int Seed { get; set; }
        public string SubmittedFrom { get; set; } = "";
        public string Label { get; set; } = "";
    }

    static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static PoolSpec Parse(string json) => JsonSerializer.Deserialize<PoolSpec>(json, Json) ?? throw new InvalidDataException("pool.json er tom");

    public PoolRules Rules(IReadOnlyDictionary<int, long> budgets) =>
        new(budgets, MinimumConstructionCost, MinimumShareForOthers, DateOnly.Parse(CompletionBy));
}
