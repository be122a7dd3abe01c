using System.Globalization;
using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Pools;

/// <summary>One project line of an application (columns A–G of the seed's form, plus cost and kind). Amounts in whole 1,000 kr.</summary>
public sealed record ProjectLine(int Index, string Name, long Loan2025, long Loan2026, long Places2025, long Places2026,
    decimal? ShareForOthers, DateOnly? CompletedBy, long? GrossCost, string? Kind)
{
    public long LoanTotal => Loan2025 + Loan2026;
}

/// <summary>A submitted application as the pool reads it: who applied, the declarations, the projects.</summary>
public sealed record PoolApplication(int OrganisationId, string Slug, string Municipality, int Code, int RegionCode, string Region,
    bool? OnlySel107And108, bool? ExpandsCapacity, string? Coordination, string? RenovationJustification,
    IReadOnlyList<ProjectLine> Projects, string ReceiptNumber, DateTime SubmittedAtUtc)
{
    /// <summary>Reads the form's answers (canonical values) into an application.</summary>
    public static PoolApplication From(IReadOnlyDictionary<string, AnswerValue> a, int organisationId, string slug, string municipality,
        int code, int regionCode, string region, string receipt, DateTime submittedAtUtc)
    {
        string? V(string key) => a.GetValueOrDefault(key)?.Value;
        long L(string key) => long.TryParse(V(key), out var n) ? n : 0;
        var rows = a.Keys.Where(k => k.StartsWith("projekter/")).Select(k => int.Parse(k.Split('/')[1])).Distinct().Order();
        var projects = rows.Select(n => new ProjectLine(n, V($"projekter/{n}/navn") ?? $"Projekt {n}",
            L($"projekter/{n}/laan2025"), L($"projekter/{n}/laan2026"), L($"projekter/{n}/pladser2025"), L($"projekter/{n}/pladser2026"),
            decimal.TryParse(V($"projekter/{n}/andel"), NumberStyles.Number, CultureInfo.InvariantCulture, out var share) ? share : null,
            DateOnly.TryParse(V($"projekter/{n}/afsluttet"), CultureInfo.InvariantCulture, out var done) ? done : null,
            long.TryParse(V($"projekter/{n}/bruttoudgift"), out var cost) ? cost : null,
            V($"projekter/{n}/art"))).ToList();
        return new PoolApplication(organisationId, slug, municipality, code, regionCode, region,
            V("sel107-108") is { } s ? s == "ja" : null, V("samlet-udvidelse") is { } e ? e == "ja" : null,
            V("koordinering"), V("renovering-begrundelse"), projects, receipt, submittedAtUtc);
    }
}
