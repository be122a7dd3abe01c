using System.Globalization;
using Samraad.Documents;

namespace Samraad.Features.Contracts;

/// <summary>
/// The documented import formats, and their row-by-row validation. Pure: the caller supplies what must already
/// exist (case ids in the contract, known municipality codes). Errors name the line and the column.
/// </summary>
public static class ContractRows
{
    public static readonly string[] RegistrationColumns =
        ["sag_id", "cvr", "kommunekode", "hovedsaede_region", "type", "startdato", "slutdato", "temaer", "henvist_ekstern", "vejledt_aaret_foer"];

    public static readonly string[] EvaluationColumns =
        ["cvr", "segment", "tilfredshed", "anbefaling", "effekt", "digitalisering", "henvisning_brugt"];

    public sealed record Parsed<T>(List<T> Rows, List<string> Errors, int SkippedEmptyRows);

    public static Parsed<Registration> Registrations(TabularFile file, IReadOnlySet<string> existingCaseIds, IReadOnlySet<int> municipalityCodes)
    {
        var errors = MissingColumns(file, RegistrationColumns);
        var rows = new List<Registration>();
        var seen = new Dictionary<string, int>();
        var skipped = 0;
        if (errors.Count > 0) return new(rows, errors, 0);
        foreach (var row in file.Rows)
        {
            if (row.IsEmpty) { skipped++; continue; }
            var e = new List<string>();
            var caseId = row["sag_id"];
            if (caseId == "") e.Add("sag_id mangler");
            else if (seen.TryGetValue(caseId, out var first)) e.Add($"sag_id »{caseId}« står også i linje {first}");
            else if (existingCaseIds.Contains(caseId)) e.Add($"sag_id »{caseId}« er allerede indlæst");
            else seen[caseId] = row.Line;
            var cvr = Cvr(row["cvr"], e);
            var municipality = int.TryParse(row["kommunekode"], out var m) && municipalityCodes.Contains(m) ? m : Fail(e, $"kommunekode »{row["kommunekode"]}« er ikke en dansk kommunekode");
            var region = Region(row["hovedsaede_region"], e);
            CaseType? type = row["type"].ToLowerInvariant() switch
            {
                "kort forløb" or "kort" => CaseType.Kort,
                "handlingsplan" => CaseType.Handlingsplan,
                "vækstplan" or "vaekstplan" => CaseType.Vaekstplan,
                _ => null,
            };
            if (type is null) e.Add($"type »{row["type"]}« skal være kort forløb, handlingsplan eller vækstplan");
            var start = Date(row["startdato"], "startdato", e, required: true);
            var end = Date(row["slutdato"], "slutdato", e, required: false);
            if (start is not null && end is not null && end < start) e.Add($"slutdato {end:dd-MM-yyyy} ligger før startdato {start:dd-MM-yyyy}");
            var referred = YesNo(row["henvist_ekstern"], "henvist_ekstern", e);
            var before = YesNo(row["vejledt_aaret_foer"], "vejledt_aaret_foer", e);
            if (e.Count > 0) { errors.Add($"Linje {row.Line}: {string.Join("; ", e)}"); continue; }
            var themes = row["temaer"];
            rows.Add(new Registration
            {
                CaseId = caseId, Cvr = int.Parse(cvr!), MunicipalityCode = municipality, HqRegionCode = region, Type = type!.Value,
                StartDate = start!.Value, Year = start.Value.Year, EndDate = end, Themes = themes,
                IsEsg = Has(themes, "esg", "grøn forretning", "bæredygtighed"), IsAiCheck = Has(themes, "ai-tjek", "ai tjek"), IsDigital = Has(themes, "digitalisering"),
                ReferredExternal = referred, GuidedPreviousYear = before,
            });
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add("Filen indeholder ingen rækker med data.");
        return new(errors.Count > 0 ? [] : rows, errors, skipped);
    }

    public static Parsed<Evaluation> Evaluations(TabularFile file)
    {
        var errors = MissingColumns(file, EvaluationColumns);
        var rows = new List<Evaluation>();
        var skipped = 0;
        if (errors.Count > 0) return new(rows, errors, 0);
        foreach (var row in file.Rows)
        {
            if (row.IsEmpty) { skipped++; continue; }
            var e = new List<string>();
            var cvr = Cvr(row["cvr"], e);
            Segment? segment = row["segment"].ToLowerInvariant() switch { "drift" => Segment.Drift, "vækst" or "vaekst" => Segment.Vaekst, _ => null };
            if (segment is null) e.Add($"segment »{row["segment"]}« skal være drift eller vækst");
            var satisfaction = Option(row["tilfredshed"], Scales.Satisfaction, "tilfredshed", e);
            int? recommend = null;
            if (row["anbefaling"] != "")
            {
                if (int.TryParse(row["anbefaling"], out var r) && r is >= 0 and <= 10) recommend = r;
                else e.Add($"anbefaling »{row["anbefaling"]}« skal være et helt tal fra 0 til 10");
            }
            var effect = Option(row["effekt"], Scales.Effect, "effekt", e);
            var digital = YesNo(row["digitalisering"], "digitalisering", e);
            var referral = Option(row["henvisning_brugt"], Scales.Referral, "henvisning_brugt", e);
            if (e.Count > 0) { errors.Add($"Linje {row.Line}: {string.Join("; ", e)}"); continue; }
            rows.Add(new Evaluation { Cvr = int.Parse(cvr!), Segment = segment!.Value, Satisfaction = satisfaction, Recommend = recommend, Effect = effect, DigitalGuidance = digital, ReferralUse = referral });
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add("Filen indeholder ingen rækker med data.");
        return new(errors.Count > 0 ? [] : rows, errors, skipped);
    }

    static List<string> MissingColumns(TabularFile file, string[] columns)
    {
        var missing = columns.Where(c => !file.Header.Contains(c)).ToList();
        return missing.Count == 0 ? [] :
            [$"Filen har ikke de forventede kolonner. Mangler: {string.Join(", ", missing)}. Forventet: {string.Join(", ", columns)}."];
    }

    static int Fail(List<string> errors, string message) { errors.Add(message); return 0; }

    /// <summary>CVR: eight digits passing the modulus-11 check (weights 2,7,6,5,4,3,2,1).</summary>
    public static bool IsValidCvr(string cvr) =>
        cvr.Length == 8 && cvr.All(char.IsAsciiDigit) && cvr.Select((c, i) => (c - '0') * new[] { 2, 7, 6, 5, 4, 3, 2, 1 }[i]).Sum() % 11 == 0;

    static string? Cvr(string raw, List<string> errors)
    {
        var cvr = raw.Replace(" ", "");
        if (IsValidCvr(cvr)) return cvr;
        errors.Add($"cvr »{raw}« er ikke et gyldigt CVR-nummer (8 cifre med gyldigt kontrolciffer)");
        return null;
    }

    static int Region(string raw, List<string> errors)
    {
        if (int.TryParse(raw, out var code) && code is >= 1081 and <= 1085) return code;
        var byName = raw.ToLowerInvariant().Replace("region ", "") switch
        {
            "nordjylland" => 1081, "midtjylland" => 1082, "syddanmark" => 1083, "hovedstaden" => 1084, "sjælland" or "sjaelland" => 1085, _ => 0,
        };
        if (byName == 0) errors.Add($"hovedsaede_region »{raw}« skal være en regionskode (1081–1085) eller et regionsnavn");
        return byName;
    }

    static DateOnly? Date(string raw, string column, List<string> errors, bool required)
    {
        if (raw == "") { if (required) errors.Add($"{column} mangler"); return null; }
        string[] formats = ["yyyy-MM-dd", "d-M-yyyy", "d.M.yyyy", "d/M/yyyy"];
        if (DateOnly.TryParseExact(raw, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        // A date cell in XLSX arrives as its serial number.
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        errors.Add($"{column} »{raw}« er ikke en dato (brug fx 2024-03-15 eller 15-03-2024)");
        return null;
    }

    static bool YesNo(string raw, string column, List<string> errors)
    {
        switch (raw.ToLowerInvariant())
        {
            case "ja" or "j" or "1" or "true": return true;
            case "nej" or "n" or "0" or "false" or "": return false;
            default: errors.Add($"{column} »{raw}« skal være ja eller nej"); return false;
        }
    }

    static string? Option(string raw, (string Key, string Label)[] scale, string column, List<string> errors)
    {
        if (raw == "") return null;
        var match = scale.FirstOrDefault(o => o.Key == raw.ToLowerInvariant() || string.Equals(o.Label, raw, StringComparison.CurrentCultureIgnoreCase));
        if (match.Key is null) errors.Add($"{column} »{raw}« skal være en af: {string.Join(", ", scale.Select(o => o.Label))}");
        return match.Key;
    }

    static bool Has(string themes, params string[] words) => words.Any(w => themes.Contains(w, StringComparison.OrdinalIgnoreCase));
}
