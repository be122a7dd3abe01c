namespace Samraad.Features.Indicators;

/// <summary>One amount of the cost model: construction (spread over the years) or yearly operation, per place or in all.</summary>
public sealed record CostLine(string Key, string Group, string Label, long Amount, bool PerPlace = false);

/// <summary>
/// The price per place of a new secure institution (item 2.10, tables 8–9), as an editable calculation:
/// construction spread evenly over the years, yearly operation (some lines per place), the construction costs
/// Kofoedsminde must then carry on fewer places, and a share for central administration of the operation;
/// the price per place per day is the yearly total ÷ places ÷ 365. Amounts in whole kroner.
/// </summary>
public sealed record PlacePriceModel(IReadOnlyList<CostLine> Lines, int Years, int Places, long SharedConstruction, decimal AdministrationPct,
    IReadOnlyList<PrintedDef> Printed)
{
    public const int DaysPerYear = 365;

    public sealed record Result(long ConstructionTotal, decimal ConstructionPerYear, long Operation, decimal Administration, decimal TotalPerYear,
        decimal PerPlacePerDay, IReadOnlyList<(string Label, string Formula, string Computed, string? Printed, bool Differs)> Lines);

    public long LineAmount(CostLine l) => l.PerPlace ? l.Amount * Places : l.Amount;

    /// <summary>Validates the inputs; the messages are by field, in Danish.</summary>
    public List<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        if (Years is < 1 or > 100) problems.Add(("years", "Afskrivningsperioden skal være mellem 1 og 100 år"));
        if (Places is < 1 or > 10_000) problems.Add(("places", "Pladstallet skal være mellem 1 og 10.000"));
        if (AdministrationPct is < 0 or > 100) problems.Add(("admin", "Tillægget til central administration skal være mellem 0 og 100 %"));
        if (SharedConstruction < 0) problems.Add(("shared", "Beløbet kan ikke være negativt"));
        foreach (var l in Lines.Where(l => l.Amount < 0)) problems.Add((l.Key, $"{l.Label}: beløbet kan ikke være negativt"));
        return problems;
    }

    public Result Compute()
    {
        var construction = Lines.Where(l => l.Group != "drift").Sum(LineAmount);
        var perYear = (decimal)construction / Years;
        var operation = Lines.Where(l => l.Group == "drift").Sum(LineAmount);
        var administration = operation * AdministrationPct / 100;
        var total = perYear + operation + SharedConstruction + administration;
        var perDay = total / Places / DaysPerYear;
        string Kr(decimal v) => Rounding.Format(v, 0) + " kr.";
        (string, string, string, string?, bool) Line(string key, string label, string formula, decimal value)
        {
            var p = Printed.FirstOrDefault(p => p.Key == key);
            var (printed, _) = p is null ? (null, null) : ComputeKeyFigures.ParsePrinted(p.Value);
            return (label, formula, Kr(value), p?.Value, p is not null && printed != Rounding.Round(value, 0));
        }
        return new Result(construction, perYear, operation, administration, total, perDay,
        [
            Line("anlaeg_i_alt", $"Grund, anlæg og hegn i alt over {Years} år", "summen af grund-, anlægs- og hegnslinjerne", construction),
            Line("anlaeg_pr_aar", "Anlæg i alt pr. år", $"anlæg i alt ÷ {Years} år", perYear),
            Line("drift_pr_aar", "Drift i alt pr. år", $"summen af driftslinjerne (linjer pr. plads × {Places} pladser)", operation),
            Line("faerre_pladser", "Anlægsudgifter, der skal deles på færre pladser", "indtastet beløb pr. år", SharedConstruction),
            Line("administration", $"Tillæg til central administration {AdministrationPct.ToString("0.##", DanishTime.Culture)} %", $"{AdministrationPct.ToString("0.##", DanishTime.Culture)} % af driften", administration),
            Line("i_alt", "I alt pr. år", "anlæg pr. år + drift + anlæg på færre pladser + administration", total),
            Line("pr_plads_pr_doegn", "Pr. plads pr. døgn", $"i alt ÷ {Places} pladser ÷ {DaysPerYear} dage", perDay),
        ]);
    }
}
