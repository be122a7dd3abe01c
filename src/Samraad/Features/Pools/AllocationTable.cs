namespace Samraad.Features.Pools;

/// <summary>
/// How the caseworker has asked to see the allocation on <em>Fordeling</em>: a filter by outcome, region and a word
/// in the municipality's or the project's name, and a sort by one column. Read from the query string, so a view can
/// be bookmarked and works without JavaScript; a value the page does not offer means "no filter" or the default order.
/// </summary>
public sealed record AllocationTable(string Sort, bool Descending, AllocationOutcome? Outcome, string? Region, string? Text)
{
    /// <summary>The query-string keys this view owns (the what-if form keeps them when it recalculates).</summary>
    public static readonly string[] Keys = ["sortering", "retning", "udfald", "region", "soeg"];

    /// <summary>The keys that hide rows (not the order).</summary>
    public static readonly string[] FilterKeys = ["udfald", "region", "soeg"];

    /// <summary>The sortable columns by their query value, with the header text.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Columns =
        [("rang", "Rang"), ("kommune", "Kommune"), ("projekt", "Projekt"), ("region", "Region"), ("ansoegt2025", "Ansøgt 2025"), ("ansoegt2026", "Ansøgt 2026"),
         ("tilsagn2025", "Tilsagn 2025"), ("tilsagn2026", "Tilsagn 2026"), ("udfald", "Afgørelse")];

    /// <summary>The outcome filter's values, in the words of the page.</summary>
    public static readonly IReadOnlyList<(string Key, AllocationOutcome Outcome, string Label)> Outcomes =
        [("tilsagn", AllocationOutcome.Granted, "Tilsagn"), ("afslag", AllocationOutcome.Refused, "Afslag"), ("ikke-stoetteberettiget", AllocationOutcome.Ineligible, "Ikke støtteberettiget")];

    /// <summary>The default: by rank, every project.</summary>
    public static readonly AllocationTable Default = new("rang", false, null, null, null);

    /// <summary>Reads the view from query values; anything unknown falls back to the default.</summary>
    public static AllocationTable From(Func<string, string?> query)
    {
        var sort = query("sortering");
        var outcome = Outcomes.FirstOrDefault(o => o.Key == query("udfald"));
        var text = query("soeg")?.Trim();
        var region = query("region")?.Trim();
        return new(Columns.Any(c => c.Key == sort) ? sort! : Default.Sort, query("retning") == "faldende",
            outcome.Key is null ? null : outcome.Outcome,
            string.IsNullOrEmpty(region) ? null : region,
            string.IsNullOrEmpty(text) ? null : text.Length > 100 ? text[..100] : text);
    }

    /// <summary>The view with its region spelt as one of the offered regions, or none: a region no row has is no filter.</summary>
    public AllocationTable OfferedRegions(IEnumerable<string> regions) =>
        Region is null ? this : this with { Region = regions.FirstOrDefault(r => string.Equals(r, Region, StringComparison.OrdinalIgnoreCase)) };

    /// <summary>True when some filter hides rows.</summary>
    public bool Filtered => Outcome is not null || Region is not null || Text is not null;

    /// <summary>The rows the view shows, in its order. Ties keep the allocation's order (rank, then municipality code).</summary>
    public IReadOnlyList<AllocationRow> Apply(IEnumerable<AllocationRow> rows)
    {
        var shown = rows.OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Application.Code).ThenBy(r => r.Project.Index)
            .Where(r => Outcome is null || r.Outcome == Outcome)
            .Where(r => Region is null || string.Equals(r.Application.Region, Region, StringComparison.OrdinalIgnoreCase))
            // Letter by letter, whatever the server's culture: under da-DK "aa" would be one letter (å), and "a" would not find Aabenraa.
            .Where(r => Text is null || r.Application.Municipality.Contains(Text, StringComparison.OrdinalIgnoreCase)
                                     || r.Project.Name.Contains(Text, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (Sort == "rang" && !Descending) return shown;
        // A stable sort on the one column, so rows that tie stay in the allocation's order.
        Func<AllocationRow, IComparable> key = Sort switch
        {
            "kommune" => r => r.Application.Municipality,
            "projekt" => r => r.Project.Name,
            "region" => r => r.Application.Region,
            "ansoegt2025" => r => r.Project.Loan2025,
            "ansoegt2026" => r => r.Project.Loan2026,
            "tilsagn2025" => r => r.Granted2025,
            "tilsagn2026" => r => r.Granted2026,
            "udfald" => r => (int)r.Outcome,
            // Unranked (ineligible) projects sort after the ranked ones either way.
            _ => r => r.Rank ?? int.MaxValue,
        };
        var comparer = Comparer<IComparable>.Create((a, b) => a is string x && b is string y
            ? string.Compare(x, y, DanishTime.Culture, System.Globalization.CompareOptions.IgnoreCase) : a.CompareTo(b));
        if (Sort == "rang") return [.. shown.Where(r => r.Rank is not null).OrderByDescending(key, comparer), .. shown.Where(r => r.Rank is null)];
        return Descending ? [.. shown.OrderByDescending(key, comparer)] : [.. shown.OrderBy(key, comparer)];
    }
}
