using System.Text.Json;

namespace Samraad.Features.Contracts;

/// <summary>How a goal is measured, as the pack states it ({"kind": "cases", "targets": {...}} …).</summary>
public sealed class MeasureSpec
{
    public string Kind { get; set; } = "";
    public decimal Min { get; set; }
    public int Target { get; set; }
    public int Base { get; set; }
    public int Region { get; set; }
    public string? Key { get; set; }
    public string? Flag { get; set; }
    public int? Year { get; set; }
    public decimal MaxDeviation { get; set; }
    public Dictionary<string, int> Targets { get; set; } = new();
    public string? Label { get; set; }

    static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };
    public static List<MeasureSpec> ParseList(string json) => JsonSerializer.Deserialize<List<MeasureSpec>>(json, Json) ?? [];
}

/// <summary>One measured part of a goal: what it is, the figure now, the target, a projection where one applies, why.</summary>
public sealed record MeasureResult(string Label, GoalStatus Status, string Actual, string Target, string? Projection, IReadOnlyList<string> Lines);

/// <summary>The inputs of the evaluation besides the aggregates.</summary>
public sealed record EvaluationContext(int Year, ContractFigures Figures, IReadOnlyList<EnteredFigure> Entered, TownRural? TownRural);

/// <summary>
/// Each goal's measures, computed exactly per the contract's "Metode". Pure: the caller loads the aggregates.
/// Counts before 31 December are projected linearly from the year to date (up to the data date) to the year end.
/// </summary>
public static class GoalEvaluator
{
    public static IReadOnlyList<MeasureResult> Evaluate(IEnumerable<MeasureSpec> measures, EvaluationContext c) =>
        measures.Select(m => Measure(m, c)).ToList();

    static MeasureResult Measure(MeasureSpec m, EvaluationContext c) => m.Kind switch
    {
        "newCompanies" => Share("Nye virksomheder i forhold til året før", c.Figures.NewCompanies, c.Figures.Companies, m.Min, c,
            $"{c.Figures.NewCompanies} af {c.Figures.Companies} vejledte virksomheder (CVR) var ikke vejledt året før."),
        "entered" => Entered(m, c),
        "satisfaction" => Worst("»Meget tilfreds« med medarbejdernes kompetencer, pr. segment", c.Figures.Segments.Select(s =>
            Share(SegmentName(s.Key), s.Value.VeryHappy, s.Value.Answers, m.Min, c, $"{s.Value.VeryHappy} af {s.Value.Answers} svar (»Ved ikke« tæller med i nævneren)."))
            .Concat(MissingSegments(c)).ToList()),
        "nps" => Worst("Net Promoter Score pr. segment", c.Figures.Segments.Select(s => Nps(SegmentName(s.Key), s.Value, m.Min, c)).Concat(MissingSegments(c)).ToList()),
        "referralUsed" => Share("Har benyttet eller forventer at benytte henvisningen", c.Figures.ReferralUsedOrExpects,
            c.Figures.ReferralUsedOrExpects + c.Figures.ReferralNo, m.Min, c,
            $"{c.Figures.ReferralUsedOrExpects} ja/forventer, {c.Figures.ReferralNo} nej; {c.Figures.ReferralDontKnow} »ved ikke« udgår af beregningen."),
        "effect" => Share("Vejledningen forventes »i høj grad« at have positiv effekt", c.Figures.EffectHigh, c.Figures.EffectAnswers, m.Min, c,
            $"{c.Figures.EffectHigh} af {c.Figures.EffectAnswers} svar."),
        "effectDigital" => Share("Heraf blandt virksomheder med vejledning i digitalisering", c.Figures.DigitalEffectHigh, c.Figures.DigitalEffectAnswers, m.Min, c,
            $"{c.Figures.DigitalEffectHigh} af {c.Figures.DigitalEffectAnswers} svar fra virksomheder, der har fået vejledning i digitalisering og automatisering."),
        "cases" => Worst("Forløb", m.Targets.Select(t => Count(TypeName(t.Key), c.Figures.CasesByType.GetValueOrDefault(Enum.Parse<CaseType>(t.Key)), t.Value, c))
            .Append(Count("Forløb i alt", c.Figures.Cases, m.Targets.Values.Sum(), c)).ToList()),
        "townRural" => TownRural(m, c),
        "esgShare" => Count($"Længerevarende forløb med ESG/grøn forretning (mindst {m.Min:0} % af {m.Base})",
            c.Figures.LongCasesWithEsg, (int)Math.Ceiling(m.Base * m.Min / 100), c),
        "count" => Count(m.Label ?? "AI-tjek", c.Figures.AiChecks, m.Target, c),
        "referralShare" => Worst("Henvist til ekstern rådgivning", m.Targets.Select(t =>
        {
            var type = Enum.Parse<CaseType>(t.Key);
            return Share($"{TypeName(t.Key)}", c.Figures.ReferredByType.GetValueOrDefault(type), c.Figures.CasesByType.GetValueOrDefault(type), t.Value, c,
                $"{c.Figures.ReferredByType.GetValueOrDefault(type)} af {c.Figures.CasesByType.GetValueOrDefault(type)} {TypeName(t.Key).ToLowerInvariant()} er henvist.");
        }).ToList()),
        "hqRegion" => Count("Virksomheder med hovedsæde i Region Hovedstaden", c.Figures.CompaniesByHqRegion.GetValueOrDefault(m.Region), m.Target, c),
        "gearing" => Gearing(m, c),
        _ => new MeasureResult(m.Kind, GoalStatus.AwaitingData, "–", "–", null, [$"Ukendt målemetode »{m.Kind}«."]),
    };

    static string SegmentName(Segment s) => s == Segment.Drift ? "Driftssegmentet" : "Vækstsegmentet";

    static IEnumerable<MeasureResult> MissingSegments(EvaluationContext c) => Enum.GetValues<Segment>().Where(s => !c.Figures.Segments.ContainsKey(s))
        .Select(s => new MeasureResult(SegmentName(s), GoalStatus.AwaitingData, "–", "–", null, ["Ingen svar fra segmentet endnu."]));

    static string TypeName(string key) => key switch { "Kort" => "Korte forløb", "Handlingsplan" => "Handlingsplaner", _ => "Vækstplaner" };

    public static string Pct(decimal value) => value.ToString("0.0", DanishTime.Culture) + " %";

    static bool YearComplete(EvaluationContext c) => c.Figures.DataDate is DateOnly d && d >= new DateOnly(c.Year, 12, 31);

    static MeasureResult Share(string label, int part, int whole, decimal min, EvaluationContext c, string line)
    {
        if (whole == 0) return new(label, GoalStatus.AwaitingData, "–", $"mindst {min:0} %", null, ["Ingen data endnu."]);
        var share = 100m * part / whole;
        var status = share >= min ? (YearComplete(c) ? GoalStatus.Met : GoalStatus.OnTrack) : (YearComplete(c) ? GoalStatus.NotMet : GoalStatus.AtRisk);
        return new(label, status, Pct(share), $"mindst {min:0} %", null, [line]);
    }

    static MeasureResult Nps(string label, SegmentFigures s, decimal min, EvaluationContext c)
    {
        if (s.NpsAnswers == 0) return new(label, GoalStatus.AwaitingData, "–", $"mindst {min:0}", null, ["Ingen har besvaret anbefalingsspørgsmålet."]);
        var nps = 100m * s.Promoters / s.NpsAnswers - 100m * s.Detractors / s.NpsAnswers;
        var status = nps >= min ? (YearComplete(c) ? GoalStatus.Met : GoalStatus.OnTrack) : (YearComplete(c) ? GoalStatus.NotMet : GoalStatus.AtRisk);
        return new(label, status, nps.ToString("0.0", DanishTime.Culture), $"mindst {min:0}", null,
            [$"NPS = {s.Promoters} anbefalere (9–10) − {s.Detractors} kritikere (0–6) af {s.NpsAnswers} svar, i procent."]);
    }

    /// <summary>A count against a yearly target, projected linearly from the data date to 31 December.</summary>
    public static MeasureResult Count(string label, int actual, int target, EvaluationContext c)
    {
        if (c.Figures.DataDate is not DateOnly asOf)
            return new(label, GoalStatus.AwaitingData, "–", target.ToString("N0", DanishTime.Culture), null, ["Ingen registreringer endnu."]);
        var yearEnd = new DateOnly(c.Year, 12, 31);
        var days = yearEnd.DayOfYear;
        var elapsed = Math.Clamp(asOf.DayNumber - new DateOnly(c.Year, 1, 1).DayNumber + 1, 1, days);
        var projection = (int)Math.Round((decimal)actual * days / elapsed, MidpointRounding.AwayFromZero);
        var status = actual >= target ? GoalStatus.Met
            : YearComplete(c) ? GoalStatus.NotMet
            : projection >= target ? GoalStatus.OnTrack : GoalStatus.AtRisk;
        return new(label, status, actual.ToString("N0", DanishTime.Culture), target.ToString("N0", DanishTime.Culture),
            YearComplete(c) ? null : projection.ToString("N0", DanishTime.Culture),
            [$"{actual.ToString("N0", DanishTime.Culture)} til og med {asOf:dd-MM-yyyy} ({elapsed} af {days} dage); fremskrevet lineært til 31. december: {projection.ToString("N0", DanishTime.Culture)}."]);
    }

    static MeasureResult Worst(string label, IReadOnlyList<MeasureResult> parts) => new(label, GoalStatuses.Worst(parts.Select(p => p.Status)),
        string.Join("; ", parts.Select(p => $"{p.Label}: {p.Actual}")), string.Join("; ", parts.Select(p => $"{p.Label}: {p.Target}")),
        parts.Any(p => p.Projection is not null) ? string.Join("; ", parts.Where(p => p.Projection is not null).Select(p => $"{p.Label}: {p.Projection}")) : null,
        parts.SelectMany(p => p.Lines.Select(l => $"{p.Label}: {l}")).ToList());

    static MeasureResult Entered(MeasureSpec m, EvaluationContext c)
    {
        var label = m.Label ?? m.Key ?? "Indtastet tal";
        var figure = c.Entered.Where(e => e.Key == m.Key && (m.Year is null || e.Year == m.Year)).OrderByDescending(e => e.Date).FirstOrDefault();
        var history = c.Entered.Where(e => e.Key == m.Key && e != figure).OrderBy(e => e.Year)
            .Select(e => $"Tidligere: {e.Value.ToString("0.#", DanishTime.Culture)} % ({e.Year}; {e.Source}).").ToList();
        if (figure is null)
            return new(label, GoalStatus.AwaitingData, "–", $"mindst {m.Min:0} %", null, [$"Afventer målingen{(m.Year is int y ? $" for {y}" : "")}.", .. history]);
        return new(label, figure.Value >= m.Min ? GoalStatus.Met : GoalStatus.NotMet, Pct(figure.Value), $"mindst {m.Min:0} %", null,
            [$"{figure.Source}, {figure.Date:dd-MM-yyyy} (indtastet af {figure.EnteredBy}).", .. history]);
    }

    static MeasureResult Gearing(MeasureSpec m, EvaluationContext c)
    {
        var turnover = c.Entered.Where(e => e.Key == "omsaetning" && e.Year == c.Year).OrderByDescending(e => e.Date).FirstOrDefault();
        var grant = c.Entered.Where(e => e.Key == "driftsmidler" && e.Year == c.Year).OrderByDescending(e => e.Date).FirstOrDefault();
        var target = $"mindst {m.Min.ToString("0.00", DanishTime.Culture)}";
        if (turnover is null || grant is null || grant.Value == 0)
            return new("Gearing (samlet omsætning ÷ driftsmidler)", GoalStatus.AwaitingData, "–", target, null,
                [$"Afventer {(turnover is null ? "samlet omsætning" : "")}{(turnover is null && grant is null ? " og " : "")}{(grant is null ? "driftsmidler" : "")} for {c.Year}."]);
        var ratio = turnover.Value / grant.Value;
        return new("Gearing (samlet omsætning ÷ driftsmidler)", ratio >= m.Min ? GoalStatus.Met : (YearComplete(c) ? GoalStatus.NotMet : GoalStatus.AtRisk),
            ratio.ToString("0.00", DanishTime.Culture), target, null,
            [$"{turnover.Value.ToString("N0", DanishTime.Culture)} kr. ÷ {grant.Value.ToString("N0", DanishTime.Culture)} kr. ({turnover.Source}; {grant.Source})."]);
    }

    static MeasureResult TownRural(MeasureSpec m, EvaluationContext c)
    {
        const string label = "Forløb i landkommuner i forhold til befolkningsandel";
        if (c.TownRural is not { } tr || tr.Population.Count == 0)
            return new(label, GoalStatus.AwaitingData, "–", $"højst {m.MaxDeviation:0} procentpoint fra befolkningsandelen", null, ["Befolkningstal og by/land-klassifikation mangler."]);
        var classified = c.Figures.CasesByMunicipality.Where(x => tr.Population.ContainsKey(x.Key)).ToList();
        var outside = c.Figures.CasesByMunicipality.Where(x => !tr.Population.ContainsKey(x.Key)).Sum(x => x.Value);
        var cases = classified.Sum(x => x.Value);
        if (cases == 0) return new(label, GoalStatus.AwaitingData, "–", $"højst {m.MaxDeviation:0} procentpoint fra befolkningsandelen", null, ["Ingen forløb i kommunerne endnu."]);
        var caseShare = 100m * classified.Where(x => tr.Rural.Contains(x.Key)).Sum(x => x.Value) / cases;
        var popShare = 100m * tr.Population.Where(p => tr.Rural.Contains(p.Key)).Sum(p => p.Value) / tr.Population.Values.Sum();
        var deviation = Math.Abs(caseShare - popShare);
        var ok = deviation <= m.MaxDeviation;
        var lines = new List<string>
        {
            $"Landkommunernes andel af forløbene: {Pct(caseShare)}; af befolkningen: {Pct(popShare)}; afvigelse {deviation.ToString("0.0", DanishTime.Culture)} procentpoint.",
            $"Landkommuner: {string.Join(", ", tr.Rural.Where(tr.Population.ContainsKey).Select(r => tr.Names.GetValueOrDefault(r, r.ToString())).Order())}. Kilde: {tr.Source}.",
        };
        if (outside > 0) lines.Add($"{outside} forløb i virksomheder i kommuner uden for KKR'en eller uden befolkningstal indgår ikke.");
        return new(label, ok ? (YearComplete(c) ? GoalStatus.Met : GoalStatus.OnTrack) : (YearComplete(c) ? GoalStatus.NotMet : GoalStatus.AtRisk),
            Pct(caseShare), $"{Pct(popShare)} ± {m.MaxDeviation:0} procentpoint", null, lines);
    }
}
