using Samraad.Features.Pools;

namespace Samraad.Tests;

/// <summary><em>Fordeling</em>'s filter and sort: read from the query string, applied to the allocation's rows.</summary>
public class AllocationTableTests
{
    static AllocationRow Row(int code, string municipality, string region, string project, int? rank, AllocationOutcome outcome, long loan25, long granted25) =>
        new(new PoolApplication(code, $"k{code}", municipality, code, 1000 + region.Length, region, true, true, "kkr", null, [], $"KV-{code}", DateTime.UtcNow),
            new ProjectLine(1, project, loan25, 0, 6, 6, 40, null, 1000, "nybyggeri"), rank, outcome, granted25, 0, ["Grund"]);

    static readonly AllocationRow[] Rows =
    [
        Row(320, "Faxe", "Region Sjælland", "Nyt bosted", 2, AllocationOutcome.Granted, 500, 500),
        Row(101, "København", "Region Hovedstaden", "Åbent værksted", 1, AllocationOutcome.Granted, 900, 900),
        Row(259, "Køge", "Region Sjælland", "Bofællesskab", 3, AllocationOutcome.Refused, 300, 0),
        Row(851, "Aalborg", "Region Nordjylland", "Ombygning", null, AllocationOutcome.Ineligible, 700, 0),
    ];

    static AllocationTable Read(params (string Key, string Value)[] query) =>
        AllocationTable.From(key => query.FirstOrDefault(q => q.Key == key).Value);

    static string[] Names(AllocationTable t) => t.Apply(Rows).Select(r => r.Application.Municipality).ToArray();

    [Fact]
    public void By_default_every_project_in_rank_order_unranked_last() =>
        Assert.Equal(["København", "Faxe", "Køge", "Aalborg"], Names(Read()));

    [Fact]
    public void Municipalities_sort_the_Danish_way_with_aa_last() =>
        // Danish collation: "Aalborg" is "Ålborg" and sorts after Køge.
        Assert.Equal(["Faxe", "København", "Køge", "Aalborg"], Names(Read(("sortering", "kommune"))));

    [Fact]
    public void Amounts_sort_descending_when_asked()
    {
        Assert.Equal(["København", "Aalborg", "Faxe", "Køge"], Names(Read(("sortering", "ansoegt2025"), ("retning", "faldende"))));
        // Ties (nothing granted) keep the allocation's order: Køge (rank 3) before the unranked Aalborg.
        Assert.Equal(["Køge", "Aalborg", "Faxe", "København"], Names(Read(("sortering", "tilsagn2025"))));
    }

    [Fact]
    public void Rank_descending_keeps_the_unranked_at_the_end() =>
        Assert.Equal(["Køge", "Faxe", "København", "Aalborg"], Names(Read(("retning", "faldende"))));

    [Fact]
    public void Filters_by_outcome_region_and_text_together()
    {
        Assert.Equal(["København", "Faxe"], Names(Read(("udfald", "tilsagn"))));
        Assert.Equal(["Faxe", "Køge"], Names(Read(("region", "region sjælland"))));
        Assert.Equal(["Køge"], Names(Read(("soeg", "BOFÆLLES"))));
        Assert.Equal(["Faxe"], Names(Read(("udfald", "tilsagn"), ("region", "Region Sjælland"))));
        Assert.True(Read(("soeg", "x")).Filtered);
        Assert.False(Read(("sortering", "kommune")).Filtered);
    }

    [Fact]
    public void Unknown_values_fall_back_to_the_default_view()
    {
        var t = Read(("sortering", "'; drop table"), ("udfald", "måske"), ("retning", "op"), ("soeg", "  "));
        Assert.Equal(AllocationTable.Default, t);
        Assert.Equal(100, Read(("soeg", new string('a', 5000))).Text!.Length);
    }

    [Fact]
    public void A_search_goes_letter_by_letter_and_an_unknown_region_is_no_filter()
    {
        // Under da-DK "aa" is one letter (å); the search does not depend on the server's culture.
        Assert.Equal(["Aalborg"], Names(Read(("soeg", "aal"))));
        Assert.Equal(["Faxe", "Køge"], Names(Read(("region", "REGION SJÆLLAND")).OfferedRegions(Rows.Select(r => r.Application.Region))));
        Assert.Equal("Region Sjælland", Read(("region", "region sjælland")).OfferedRegions(Rows.Select(r => r.Application.Region)).Region);
        Assert.Null(Read(("region", "Region Atlantis")).OfferedRegions(Rows.Select(r => r.Application.Region)).Region);
    }
}
