namespace Samraad.Features.Contracts;

/// <summary>A goal's status now. Declared in order of concern: a combined goal takes its most concerning part.</summary>
public enum GoalStatus { Met, OnTrack, AwaitingData, AtRisk, NotMet }

public static class GoalStatuses
{
    public static string Label(GoalStatus s) => s switch
    {
        GoalStatus.Met => "Opfyldt",
        GoalStatus.OnTrack => "På vej",
        GoalStatus.AtRisk => "I risiko",
        GoalStatus.NotMet => "Ikke opfyldt",
        _ => "Afventer data",
    };

    /// <summary>CSS class of the traffic light (text is always there too: colour is never the only signal).</summary>
    public static string Css(GoalStatus s) => s switch
    {
        GoalStatus.Met or GoalStatus.OnTrack => "badge-success",
        GoalStatus.AtRisk => "badge-warning",
        GoalStatus.NotMet => "badge-error",
        _ => "badge-none",
    };

    public static GoalStatus Worst(IEnumerable<GoalStatus> statuses) => statuses.DefaultIfEmpty(GoalStatus.AwaitingData).Max();
}

/// <summary>Per segment: the competence question ("Meget tilfreds") and the recommendation (NPS).</summary>
public sealed record SegmentFigures(int Answers, int VeryHappy, int NpsAnswers, int Promoters, int Detractors);

/// <summary>
/// Every aggregate the goals need, computed from the stored registrations and evaluations (by EF queries, or by
/// hand-written SQL in the benchmark: both must give the same record).
/// </summary>
public sealed record ContractFigures(
    DateOnly? DataDate,
    int Companies,
    int NewCompanies,
    IReadOnlyDictionary<CaseType, int> CasesByType,
    IReadOnlyDictionary<int, int> CasesByMonth,
    IReadOnlyDictionary<int, int> CasesByMunicipality,
    int LongCasesWithEsg,
    int AiChecks,
    IReadOnlyDictionary<CaseType, int> ReferredByType,
    IReadOnlyDictionary<int, int> CompaniesByHqRegion,
    IReadOnlyDictionary<Segment, SegmentFigures> Segments,
    int EffectAnswers,
    int EffectHigh,
    int DigitalEffectAnswers,
    int DigitalEffectHigh,
    int ReferralUsedOrExpects,
    int ReferralNo,
    int ReferralDontKnow)
{
    public int Cases => CasesByType.Values.Sum();
    public int Evaluations => Segments.Values.Sum(s => s.Answers);

    /// <summary>Equal in every figure (records compare dictionaries by reference, so compare their contents).</summary>
    public bool SameAs(ContractFigures o) =>
        DataDate == o.DataDate && Companies == o.Companies && NewCompanies == o.NewCompanies && Same(CasesByType, o.CasesByType)
        && Same(CasesByMonth, o.CasesByMonth) && Same(CasesByMunicipality, o.CasesByMunicipality) && LongCasesWithEsg == o.LongCasesWithEsg
        && AiChecks == o.AiChecks && Same(ReferredByType, o.ReferredByType) && Same(CompaniesByHqRegion, o.CompaniesByHqRegion)
        && Same(Segments, o.Segments) && EffectAnswers == o.EffectAnswers && EffectHigh == o.EffectHigh
        && DigitalEffectAnswers == o.DigitalEffectAnswers && DigitalEffectHigh == o.DigitalEffectHigh
        && ReferralUsedOrExpects == o.ReferralUsedOrExpects && ReferralNo == o.ReferralNo && ReferralDontKnow == o.ReferralDontKnow;

    static bool Same<TK, TV>(IReadOnlyDictionary<TK, TV> a, IReadOnlyDictionary<TK, TV> b) where TK : notnull =>
        a.Where(x => !Equals(x.Value, default(TV))).OrderBy(x => x.Key).SequenceEqual(b.Where(x => !Equals(x.Value, default(TV))).OrderBy(x => x.Key));
}

/// <summary>Population and the town/rural classification of the KKR's municipalities, with their source.</summary>
public sealed record TownRural(IReadOnlyDictionary<int, long> Population, IReadOnlySet<int> Rural, IReadOnlyDictionary<int, string> Names, string Source);
