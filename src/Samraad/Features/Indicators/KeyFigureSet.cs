using System.Text.Json;
using System.Text.Json.Serialization;
using Samraad.Features.Reference;

namespace Samraad.Features.Indicators;

/// <summary>
/// A key figure set: figures that repeat per period (Kofoedsminde's tables per year; each cluster office's figures per
/// year), reported by one or more organisations, with the indicators derived from them. The definition (fields,
/// indicators, checks, the figures the seed printed) is the pack's JSON, kept as data.
/// </summary>
public class KeyFigureSet
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Source { get; set; } = "";
    public string? Note { get; set; }
    public int OwnerOrganisationId { get; set; }
    public Organisation? Owner { get; set; }
    public PeriodKind PeriodKind { get; set; }
    public string FirstPeriod { get; set; } = "";
    public string LastPeriod { get; set; } = "";
    public string DefinitionJson { get; set; } = "{}";
    public List<KeyFigureReporter> Reporters { get; set; } = [];

    public KeyFigureDefinition Definition() => KeyFigureDefinition.Parse(DefinitionJson);
    public List<string> Periods() => Samraad.Periods.Range(PeriodKind, FirstPeriod, LastPeriod);
}

/// <summary>An organisation that reports figures to the set.</summary>
public class KeyFigureReporter
{
    public int Id { get; set; }
    public int SetId { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
}

/// <summary>One reported figure: a value or a missing code ("Data foreligger endnu ikke"), never both.</summary>
public class KeyFigureValue
{
    public long Id { get; set; }
    public int SetId { get; set; }
    public int OrganisationId { get; set; }
    public string Period { get; set; } = "";
    public string Key { get; set; } = "";
    public decimal? Value { get; set; }
    public string? MissingCode { get; set; }
    public string EnteredBy { get; set; } = "";
    public DateTime EnteredAtUtc { get; set; }
}

/// <summary>A reported figure; <c>UnitOne</c> is the unit's singular ("ansøgning" for 1, "ansøgninger" otherwise).</summary>
public sealed record FieldDef(string Key, string Label, string? Unit, string Table, bool Missing = false, bool Decimals = false, string? Hint = null, string? UnitOne = null);
public sealed record TargetDef(decimal Value, string Direction, string Label);
public sealed record IndicatorDef(string Key, string Label, string Formula, string? Unit, int Decimals, string Table, TargetDef? Target = null, bool Chart = false);
public sealed record CheckDef(string Key, string Label, string Total, List<string> Parts, string Table);
public sealed record TableDef(string Key, string Title);
public sealed record MissingCodeDef(string Key, string Label);
/// <summary>A figure the seed printed: for an indicator (or a check's total) in a period, as printed ("8,2%").</summary>
public sealed record PrintedDef(string Key, string Period, string Value, string Source, string? Reporter = null);

/// <summary>The pack's cost model (item 2.10, tables 8–9): its lines and parameters as printed.</summary>
public sealed class PlacePriceSpec
{
    public string Title { get; set; } = "";
    public string Source { get; set; } = "";
    public List<CostLine> Lines { get; set; } = [];
    public int Years { get; set; }
    public int Places { get; set; }
    public long SharedConstruction { get; set; }
    public decimal AdministrationPct { get; set; }
    public string? Note { get; set; }
    public List<PrintedDef> Printed { get; set; } = [];

    public PlacePriceModel Model() => new(Lines, Years, Places, SharedConstruction, AdministrationPct, Printed);
}

public sealed class KeyFigureDefinition
{
    public List<TableDef> Tables { get; set; } = [];
    public List<FieldDef> Fields { get; set; } = [];
    public List<IndicatorDef> Indicators { get; set; } = [];
    public List<CheckDef> Checks { get; set; } = [];
    public List<MissingCodeDef> MissingCodes { get; set; } = [];
    public List<PrintedDef> Printed { get; set; } = [];
    public PlacePriceSpec? PlacePrice { get; set; }
    /// <summary>When set, the figures are the numeric answers of this periodic collection, not entered in the set.</summary>
    public string? Collection { get; set; }

    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static KeyFigureDefinition Parse(string json) => JsonSerializer.Deserialize<KeyFigureDefinition>(json, Json) ?? new();
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string FieldLabel(string key) => Fields.FirstOrDefault(f => f.Key == key)?.Label ?? key;
    public string Label(string key, bool previous) => previous ? $"{FieldLabel(key)} (perioden før)" : FieldLabel(key);

    /// <summary>Every reference in the definition resolves: formulas, checks and printed figures name known fields.</summary>
    public List<string> Problems()
    {
        var fields = Fields.Select(f => f.Key).ToHashSet();
        var problems = new List<string>();
        foreach (var dup in Fields.GroupBy(f => f.Key).Where(g => g.Count() > 1)) problems.Add($"Feltet »{dup.Key}« står flere gange.");
        foreach (var i in Indicators)
            if (Formula.Parse(i.Formula, fields).Error is string e) problems.Add($"Indikatoren »{i.Label}«: {e}");
        foreach (var c in Checks)
            foreach (var k in c.Parts.Append(c.Total).Where(k => !fields.Contains(k)))
                problems.Add($"Kontrollen »{c.Label}« nævner feltet »{k}«, som ikke findes.");
        var keys = Indicators.Select(i => i.Key).Concat(Checks.Select(c => c.Key)).ToHashSet();
        foreach (var p in Printed.Where(p => !keys.Contains(p.Key)))
            problems.Add($"Det trykte tal for »{p.Key}« ({p.Period}) hører ikke til nogen indikator eller kontrol.");
        return problems;
    }
}
