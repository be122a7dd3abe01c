namespace Samraad.Features.Pools;

/// <summary>The allocation as a spreadsheet: one row per project, amounts in whole 1,000 kr.</summary>
public static class ExportAllocation
{
    public static byte[] Xlsx(AllocationResult result)
    {
        var rows = new List<IReadOnlyList<string?>>
        {
            new[] { "rang", "kommune", "kommunekode", "region", "koordinering", "projekt", "ansoegt_2025", "ansoegt_2026", "bruttoudgift",
                "andel_andre_kommuner", "afgoerelse", "tilsagn_2025", "tilsagn_2026", "begrundelse" },
        };
        rows.AddRange(result.Rows.OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Application.Code).Select(r => (IReadOnlyList<string?>)
        [
            r.Rank?.ToString(), r.Application.Municipality, r.Application.Code.ToString(), r.Application.Region, r.Application.Coordination,
            r.Project.Name, r.Project.Loan2025.ToString(), r.Project.Loan2026.ToString(), r.Project.GrossCost?.ToString(),
            r.Project.ShareForOthers?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.Outcome switch { AllocationOutcome.Granted => "Tilsagn", AllocationOutcome.Refused => "Afslag", _ => "Ikke støtteberettiget" },
            r.Granted2025.ToString(), r.Granted2026.ToString(), string.Join(" ", r.Reasons),
        ]));
        var budgets = new List<IReadOnlyList<string?>> { new[] { "aar", "budget", "tildelt", "tilbage" } };
        budgets.AddRange(result.Budgets.Select(b => (IReadOnlyList<string?>)[b.Key.ToString(), b.Value.ToString(), (b.Value - result.Remaining[b.Key]).ToString(), result.Remaining[b.Key].ToString()]));
        return Documents.Xlsx.Write([("Fordeling", rows), ("Budget", budgets)]);
    }
}
