using System.Globalization;
using System.Net;
using System.Text;

namespace Samraad.Documents.Charts;

/// <summary>A bar of a chart: its label, its value (null = no data yet, drawn as nothing).</summary>
public sealed record Bar(string Label, decimal? Value);

/// <summary>A named line: one value per period (null = no data, a gap in the line).</summary>
public sealed record Series(string Name, IReadOnlyList<decimal?> Values);

/// <summary>
/// Server-rendered SVG charts, the same markup in pages and PDFs, no script. Accessible by construction: role="img"
/// with a title and a description; the page also shows the numbers as a table next to the chart.
/// </summary>
public static partial class SvgChart
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Vertical bars with an optional dashed horizontal target line.</summary>
    public static string Bars(string id, string title, string description, IReadOnlyList<Bar> bars, decimal? target, string? targetLabel, int width = 640, int height = 300)
    {
        const int left = 48, right = 16, top = 28, bottom = 44;
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var max = Math.Max(bars.Max(b => b.Value ?? 0), target ?? 0);
        max = NiceMax(max);
        double Y(decimal v) => top + plotH - (double)(v / max) * plotH;
        var step = (double)plotW / Math.Max(1, bars.Count);
        var sb = new StringBuilder();
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">");
        sb.Append($"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        for (var i = 0; i <= 4; i++)
        {
            var v = max * i / 4;
            var y = Y(v);
            sb.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"#b1b4b6\" stroke-width=\"0.5\"/>");
            sb.Append($"<text x=\"{left - 6}\" y=\"{F(y + 4)}\" font-size=\"11\" text-anchor=\"end\" fill=\"#0b0c0c\">{v.ToString("N0", DanishTime.Culture)}</text>");
        }
        for (var i = 0; i < bars.Count; i++)
        {
            var x = left + i * step;
            if (bars[i].Value is decimal value)
            {
                var y = Y(value);
                sb.Append($"<rect x=\"{F(x + step * 0.15)}\" y=\"{F(y)}\" width=\"{F(step * 0.7)}\" height=\"{F(top + plotH - y)}\" fill=\"#1d4e89\"/>");
            }
            sb.Append($"<text x=\"{F(x + step / 2)}\" y=\"{height - bottom + 16}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#0b0c0c\">{E(bars[i].Label)}</text>");
        }
        if (target is decimal t)
        {
            var y = Y(t);
            sb.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"#b10e1e\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
            sb.Append($"<text x=\"{width - right}\" y=\"{F(y - 6)}\" font-size=\"11\" text-anchor=\"end\" fill=\"#b10e1e\">{E(targetLabel ?? "Mål")}</text>");
        }
        sb.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{top + plotH}\" y2=\"{top + plotH}\" stroke=\"#0b0c0c\"/>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>A line per series over the periods, with point markers, a legend and an optional dashed target line.</summary>
    public static string Lines(string id, string title, string description, IReadOnlyList<string> periods, IReadOnlyList<Series> series,
        decimal? target, string? targetLabel, string unit = "", int width = 640, int height = 300)
    {
        const int left = 52, right = 16, top = 28;
        var bottom = 44 + 18 * ((series.Count + 1) / 2);
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var values = series.SelectMany(s => s.Values).OfType<decimal>().ToList();
        var min = Math.Min(0, values.Count == 0 ? 0 : values.Min());
        var max = NiceMax(Math.Max(values.Count == 0 ? 0 : values.Max(), target ?? 0) - min) + min;
        double Y(decimal v) => top + plotH - (double)((v - min) / (max - min)) * plotH;
        double X(int i) => left + (periods.Count == 1 ? plotW / 2.0 : i * (double)plotW / (periods.Count - 1));
        var sb = new StringBuilder();
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">");
        sb.Append($"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        for (var i = 0; i <= 4; i++)
        {
            var v = min + (max - min) * i / 4;
            var y = Y(v);
            sb.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"#b1b4b6\" stroke-width=\"0.5\"/>");
            sb.Append($"<text x=\"{left - 6}\" y=\"{F(y + 4)}\" font-size=\"11\" text-anchor=\"end\" fill=\"#0b0c0c\">{E(v.ToString("#,##0.#", DanishTime.Culture) + unit)}</text>");
        }
        for (var i = 0; i < periods.Count; i++)
            sb.Append($"<text x=\"{F(X(i))}\" y=\"{top + plotH + 16}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#0b0c0c\">{E(periods[i])}</text>");
        if (target is decimal t)
        {
            var y = Y(t);
            sb.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"#b10e1e\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
            sb.Append($"<text x=\"{width - right}\" y=\"{F(y - 6)}\" font-size=\"11\" text-anchor=\"end\" fill=\"#b10e1e\">{E(targetLabel ?? "Mål")}</text>");
        }
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Palette[s % Palette.Length];
            // A gap in the data breaks the line: no value is drawn as nothing, never as 0.
            var path = new StringBuilder();
            var pen = false;
            for (var i = 0; i < periods.Count && i < series[s].Values.Count; i++)
            {
                if (series[s].Values[i] is not decimal v) { pen = false; continue; }
                path.Append($"{(pen ? "L" : "M")}{F(X(i))},{F(Y(v))} ");
                pen = true;
                sb.Append(Marker(s, X(i), Y(v), colour));
            }
            if (path.Length > 0) sb.Append($"<path d=\"{path.ToString().Trim()}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"/>");
            var lx = left + (s % 2) * (plotW / 2);
            var ly = top + plotH + 34 + 18 * (s / 2);
            sb.Append(Marker(s, lx + 6, ly - 4, colour));
            sb.Append($"<text x=\"{lx + 16}\" y=\"{ly}\" font-size=\"11\" fill=\"#0b0c0c\">{E(series[s].Name)}</text>");
        }
        sb.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(Y(min))}\" y2=\"{F(Y(min))}\" stroke=\"#0b0c0c\"/>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Colours with at least 3:1 contrast on white, told apart by marker shape too (not by colour alone).</summary>
    static readonly string[] Palette = ["#1d4e89", "#b35c00", "#00703c", "#6f2dbd", "#505a5f", "#b10e1e"];

    static string Marker(int series, double x, double y, string colour) => (series % 3) switch
    {
        0 => $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"4\" fill=\"{colour}\"/>",
        1 => $"<rect x=\"{F(x - 4)}\" y=\"{F(y - 4)}\" width=\"8\" height=\"8\" fill=\"{colour}\"/>",
        _ => $"<path d=\"M{F(x)},{F(y - 5)} L{F(x + 5)},{F(y + 4)} L{F(x - 5)},{F(y + 4)} Z\" fill=\"{colour}\"/>",
    };

    static decimal NiceMax(decimal value)
    {
        if (value <= 0) return 1;
        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)value)));
        foreach (var m in new[] { 1m, 2m, 2.5m, 5m, 10m })
            if (m * magnitude >= value) return m * magnitude;
        return 10 * magnitude;
    }

    static string F(double v) => v.ToString("0.#", Inv);
    static string E(string s) => WebUtility.HtmlEncode(s);
}
