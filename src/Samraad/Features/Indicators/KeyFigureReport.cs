using System.Text.RegularExpressions;

namespace Samraad.Features.Indicators;

/// <summary>A column of the report: one reporter in one period.</summary>
public sealed record ReportColumn(int OrganisationId, string Organisation, string Period, string PeriodLabel);

/// <summary>A cell: the figure as shown, its value, why it is missing, and the printed figure where it differs.</summary>
public sealed record ReportCell(decimal? Value, string Display, string? Missing, string? Printed, bool Differs)
{
    /// <summary>Nothing to show: nobody reported the inputs (or a check lacks its figures). Left out of series and exports.</summary>
    public bool Empty => Missing == ComputeKeyFigures.NotReported || (Value is null && Missing is null && Display == "");
}

public enum RowKind { Field, Indicator, Check }

public sealed record ReportRow(RowKind Kind, string Key, string Label, string? Unit, IReadOnlyList<ReportCell> Cells, string? Words = null, TargetDef? Target = null);

public sealed record ReportTable(string Key, string Title, IReadOnlyList<ReportRow> Rows);

/// <summary>A place where the seed's printed figure is not what its own rows give.</summary>
public sealed record Discrepancy(string Table, string What, string Column, string Printed, string Computed, string Source);

public sealed record KeyFigureReport(KeyFigureSet Set, KeyFigureDefinition Definition, IReadOnlyList<ReportColumn> Columns,
    IReadOnlyList<ReportTable> Tables, IReadOnlyList<Discrepancy> Discrepancies, int PrintedChecked)
{
    public IEnumerable<ReportRow> Indicators => Tables.SelectMany(t => t.Rows).Where(r => r.Kind == RowKind.Indicator);
}

/// <summary>
/// The key figure report, computed: every field per reporter and period, every indicator from its formula, every
/// check (parts that must add up to their total), and each printed figure against what the rows give. Pure.
/// </summary>
public static partial class ComputeKeyFigures
{
    public static KeyFigureReport Build(KeyFigureSet set, IReadOnlyList<(int Id, string Name)> reporters, IReadOnlyList<KeyFigureValue> values,
        IReadOnlyList<string>? periods = null)
    {
        var def = set.Definition();
        var fieldKeys = def.Fields.Select(f => f.Key).ToHashSet();
        var columns = (from r in reporters from p in periods ?? set.Periods() select new ReportColumn(r.Id, r.Name, p, Periods.Label(set.PeriodKind, p))).ToList();
        var byCell = values.GroupBy(v => (v.OrganisationId, v.Period, v.Key)).ToDictionary(g => g.Key, g => g.First());
        var missingLabels = def.MissingCodes.ToDictionary(m => m.Key, m => m.Label);
        missingLabels.TryAdd(KeyFigureContext.NotAllReported, "ikke alle har tallet");

        decimal? Value(ReportColumn c, string key, bool previous)
        {
            var period = previous ? Periods.Previous(set.PeriodKind, c.Period) : c.Period;
            return period is not null && byCell.TryGetValue((c.OrganisationId, period, key), out var v) ? v.Value : null;
        }
        string Why(ReportColumn c, string key, bool previous)
        {
            var period = previous ? Periods.Previous(set.PeriodKind, c.Period) : c.Period;
            var label = def.FieldLabel(key);
            var when = period is null ? "" : $" for {Periods.Label(set.PeriodKind, period)}";
            return period is not null && byCell.TryGetValue((c.OrganisationId, period, key), out var v) && v.MissingCode is string code
                ? $"{label}{when}: »{missingLabels.GetValueOrDefault(code, code)}«"
                : $"{label}{when} er ikke indberettet";
        }

        var discrepancies = new List<Discrepancy>();
        var printedChecked = 0;
        var printed = def.Printed.ToLookup(p => p.Key);
        ReportCell Compare(ReportCell cell, string key, ReportColumn c, string table, string what, int decimals)
        {
            var p = printed[key].FirstOrDefault(p => p.Period == c.Period && (p.Reporter is null || p.Reporter == c.Organisation || reporters.Count == 1));
            if (p is null) return cell;
            printedChecked++;
            var (printedValue, printedDecimals) = ParsePrinted(p.Value);
            var differs = cell.Value is not decimal v || printedValue is not decimal pv || Rounding.Round(v, printedDecimals ?? decimals) != pv;
            if (!differs) return cell with { Printed = p.Value };
            discrepancies.Add(new(table, what, ColumnLabel(c, reporters.Count), p.Value, cell.Display, p.Source));
            return cell with { Printed = p.Value, Differs = true };
        }

        var tables = def.Tables.Select(t =>
        {
            var rows = new List<ReportRow>();
            foreach (var f in def.Fields.Where(f => f.Table == t.Key))
                rows.Add(new(RowKind.Field, f.Key, f.Label, f.Unit, columns.Select(c =>
                {
                    if (!byCell.TryGetValue((c.OrganisationId, c.Period, f.Key), out var v)) return new ReportCell(null, "", NotReported, null, false);
                    return v.Value is decimal d
                        ? new ReportCell(d, FormatValue(d, f.Decimals ? null : 0, d == 1 && f.UnitOne is not null ? f.UnitOne : f.Unit), null, null, false)
                        : new ReportCell(null, missingLabels.GetValueOrDefault(v.MissingCode ?? "", "–"), missingLabels.GetValueOrDefault(v.MissingCode ?? ""), null, false);
                }).ToList()));
            foreach (var i in def.Indicators.Where(i => i.Table == t.Key))
            {
                var (formula, _) = Formula.Parse(i.Formula, fieldKeys);
                if (formula is null) continue; // the pack loader refuses such a definition; nothing to show
                var inputs = formula.Fields().Distinct().ToList();
                rows.Add(new(RowKind.Indicator, i.Key, i.Label, i.Unit, columns.Select(c =>
                {
                    // A period in which none of the inputs was reported is simply not part of the series.
                    if (inputs.All(k => !byCell.ContainsKey((c.OrganisationId, c.Period, k)))) return new ReportCell(null, "", NotReported, null, false);
                    var r = formula.Evaluate((k, prev) => Value(c, k, prev), (k, prev) => Why(c, k, prev), def.Label);
                    var cell = r.Value is decimal v ? new ReportCell(v, FormatValue(v, i.Decimals, i.Unit), null, null, false) : new ReportCell(null, "–", r.Missing, null, false);
                    return Compare(cell, i.Key, c, t.Title, i.Label, i.Decimals);
                }).ToList(), formula.Words(def.Label), i.Target));
            }
            foreach (var k in def.Checks.Where(k => k.Table == t.Key))
                rows.Add(new(RowKind.Check, k.Key, k.Label, null, columns.Select(c =>
                {
                    var total = Value(c, k.Total, false);
                    var parts = k.Parts.Select(p => Value(c, p, false)).ToList();
                    if (total is null || parts.Any(p => p is null)) return new ReportCell(null, "", null, null, false);
                    var sum = parts.Sum()!.Value;
                    if (sum == total) return new ReportCell(sum, "stemmer", null, null, false);
                    var shown = $"{FormatValue(sum, null, null)} ≠ {FormatValue(total.Value, null, null)}";
                    discrepancies.Add(new(t.Title, k.Label, ColumnLabel(c, reporters.Count), $"{def.FieldLabel(k.Total)}: {FormatValue(total.Value, null, null)}",
                        $"{string.Join(" + ", k.Parts.Select(def.FieldLabel))} = {FormatValue(sum, null, null)}", "tabellens egne rækker"));
                    return new ReportCell(sum, shown, null, null, true);
                }).ToList(), $"{string.Join(" + ", k.Parts.Select(def.FieldLabel))} = {def.FieldLabel(k.Total)}"));
            return new ReportTable(t.Key, t.Title, rows);
        }).Where(t => t.Rows.Count > 0).ToList();
        return new KeyFigureReport(set, def, columns, tables, discrepancies, printedChecked);
    }

    /// <summary>The reason of a cell nobody reported: such cells are left out of series, exports and the API.</summary>
    public const string NotReported = "ikke indberettet";

    static string ColumnLabel(ReportColumn c, int reporters) => reporters > 1 ? $"{c.Organisation}, {c.PeriodLabel}" : c.PeriodLabel;

    public static string FormatValue(decimal value, int? decimals, string? unit)
    {
        var text = decimals is int d ? Rounding.Format(value, d) : value.ToString("#,##0.########", DanishTime.Culture);
        return unit switch { null or "" => text, "%" => text + " %", _ => $"{text} {unit}" };
    }

    /// <summary>"8,2%" → (8.2, 1); "11.971" → (11971, 0); "34 %" → (34, 0).</summary>
    public static (decimal? Value, int? Decimals) ParsePrinted(string text)
    {
        var t = Printed().Replace(text, "");
        var comma = t.IndexOf(',');
        var decimals = comma < 0 ? 0 : t.Length - comma - 1;
        return DanishNumber.Parse(t) is decimal v ? (v, decimals) : (null, null);
    }

    [GeneratedRegex(@"[^\d,.\-]")] private static partial Regex Printed();
}
