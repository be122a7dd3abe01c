namespace Samraad.Features.Pools;

public enum CriterionStatus { Passed, Failed, NeedsAssessment }

/// <summary>One of the six criteria for one project: passed, failed or for the caseworker to assess, and why.</summary>
public sealed record CriterionResult(int Number, CriterionStatus Status, string Reason);

/// <summary>The pool's rules as numbers: amounts in whole 1,000 kr.</summary>
public sealed record PoolRules(IReadOnlyDictionary<int, long> Budgets, long MinimumConstructionCost, decimal MinimumShareForOthers, DateOnly CompletionBy);

/// <summary>
/// The six criteria of the seed's letter (item 2.9), checked per project from the application's declarations and
/// columns. Criterion 6 (renovation) is by exception and always goes to the caseworker.
/// </summary>
public static class Eligibility
{
    public static IReadOnlyList<CriterionResult> Check(PoolRules rules, PoolApplication app, ProjectLine p)
    {
        static string K(long thousands) => Allocation.T(thousands);
        return
        [
            app.OnlySel107And108 switch
            {
                true => new(1, CriterionStatus.Passed, "Kommunen erklærer, at der alene søges til botilbud efter SEL §§ 107 og 108."),
                false => new(1, CriterionStatus.Failed, "Kommunen har svaret nej til, at der alene søges til botilbud efter SEL §§ 107 og 108."),
                null => new(1, CriterionStatus.NeedsAssessment, "Erklæringen om SEL §§ 107 og 108 mangler."),
            },
            app.ExpandsCapacity switch
            {
                false => new(2, CriterionStatus.Failed, "Kommunen har svaret nej til, at projekterne udvider den samlede kapacitet (omdannelse af ABL § 105-pladser giver ikke låneadgang)."),
                null => new(2, CriterionStatus.NeedsAssessment, "Erklæringen om udvidelse af den samlede kapacitet mangler."),
                _ when p.Places2025 + p.Places2026 <= 0 && p.Kind != "renovering" => new(2, CriterionStatus.Failed, "Projektet angiver ingen nye pladser i 2025 eller 2026."),
                _ => new(2, CriterionStatus.Passed, $"Udvider kapaciteten med {p.Places2025 + p.Places2026} pladser (erklæret: ingen omdannelse af ABL § 105-pladser)."),
            },
            p.CompletedBy switch
            {
                null => new(3, CriterionStatus.Failed, "Forventet afslutning mangler (kolonne G)."),
                { } d when d > rules.CompletionBy => new(3, CriterionStatus.Failed, $"Forventes afsluttet {d:dd-MM-yyyy}, efter udgangen af 2026."),
                { } d => new(3, CriterionStatus.Passed, $"Forventes afsluttet {d:dd-MM-yyyy} (inden udgangen af 2026)."),
            },
            p.GrossCost switch
            {
                null => new(4, CriterionStatus.Failed, "Bruttoanlægsudgiften for 2025–26 mangler."),
                { } c when c > rules.MinimumConstructionCost => new(4, CriterionStatus.Passed, $"Bruttoanlægsudgiften i 2025–26 er {K(c)} (skal være over {K(rules.MinimumConstructionCost)})"),
                { } c => new(4, CriterionStatus.Failed, $"Bruttoanlægsudgiften i 2025–26 er {K(c)}; den skal være over {K(rules.MinimumConstructionCost)}"),
            },
            p.ShareForOthers switch
            {
                null => new(5, CriterionStatus.Failed, "Andelen af pladser til andre kommuner mangler (kolonne F)."),
                { } s when s >= rules.MinimumShareForOthers => new(5, CriterionStatus.Passed, $"{s:0.#} % af pladserne er til rådighed for andre kommuner (mindst {rules.MinimumShareForOthers:0} %)."),
                { } s => new(5, CriterionStatus.Failed, $"Kun {s:0.#} % af pladserne er til rådighed for andre kommuner (mindst {rules.MinimumShareForOthers:0} %)."),
            },
            p.Kind == "renovering"
                ? new(6, CriterionStatus.NeedsAssessment, string.IsNullOrWhiteSpace(app.RenovationJustification)
                    ? "Renovering gives kun undtagelsesvis, og begrundelsen mangler – sagsbehandleren vurderer."
                    : $"Renovering gives kun undtagelsesvis; sagsbehandleren vurderer begrundelsen: »{app.RenovationJustification}«")
                : new(6, CriterionStatus.Passed, "Nyetablering af pladser."),
        ];
    }

    /// <summary>Eligible when every criterion passed, or those needing assessment were approved by the caseworker.</summary>
    public static bool IsEligible(IReadOnlyList<CriterionResult> results, bool? assessedApproved) =>
        results.All(r => r.Status == CriterionStatus.Passed || (r.Status == CriterionStatus.NeedsAssessment && assessedApproved == true));

    public static string Label(CriterionStatus status) => status switch
    {
        CriterionStatus.Passed => "Opfyldt",
        CriterionStatus.Failed => "Ikke opfyldt",
        _ => "Kræver vurdering",
    };
}
