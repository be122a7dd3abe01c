using System.Text;

namespace Samraad.Documents.Charts;

/// <summary>A bar of shares: its label and one share (whole percent, null = no answers) per category.</summary>
public sealed record StackedBar(string Label, IReadOnlyList<decimal?> Shares);

/// <summary>Charts of shares (survey answers by category): 100 % stacked horizontal bars and grouped vertical bars.</summary>
public static partial class SvgChart
{
    /// <summary>
    /// Horizontal 100 % stacked bars, one per label, segments in category order with their percentage written in the
    /// segment when it is wide enough, and a legend. A bar without answers is drawn as an empty outline, never as 0.
    /// </summary>
    public static string StackedBars(string id, string title, string description, IReadOnlyList<string> categories, IReadOnlyList<StackedBar> bars,
        int width = 820, int labelWidth = 350)
    {
        const int top = 12, barH = 22, gap = 10, right = 16;
        var plotW = width - labelWidth - right;
        var legendY = top + bars.Count * (barH + gap) + 22;
        // The legend flows left to right and wraps, spaced by an estimate of each label's width (11 px text ≈ 6.2 px a letter).
        var legend = new List<(double X, int Row)>();
        double lxNext = labelWidth;
        var legendRow = 0;
        foreach (var category in categories)
        {
            var w = 18 + 6.2 * category.Length + 18;
            if (lxNext + w > width - right && lxNext > labelWidth) { lxNext = labelWidth; legendRow++; }
            legend.Add((lxNext, legendRow));
            lxNext += w;
        }
        var height = legendY + 18 * (legendRow + 1) + 8;
        var sb = new StringBuilder();
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">");
        sb.Append($"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        for (var i = 0; i <= 10; i += 2)
        {
            var x = labelWidth + plotW * i / 10.0;
            sb.Append($"<line x1=\"{F(x)}\" x2=\"{F(x)}\" y1=\"{top - 4}\" y2=\"{legendY - 18}\" stroke=\"#b1b4b6\" stroke-width=\"0.5\"/>");
            sb.Append($"<text x=\"{F(x)}\" y=\"{legendY - 6}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#0b0c0c\">{i * 10} %</text>");
        }
        for (var b = 0; b < bars.Count; b++)
        {
            var y = top + b * (barH + gap);
            sb.Append($"<text x=\"{labelWidth - 8}\" y=\"{y + barH / 2 + 4}\" font-size=\"11\" text-anchor=\"end\" fill=\"#0b0c0c\">{E(Shorten(bars[b].Label, 58))}</text>");
            var shares = bars[b].Shares;
            if (shares.All(v => v is null))
            {
                sb.Append($"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{plotW}\" height=\"{barH}\" fill=\"none\" stroke=\"#505a5f\" stroke-dasharray=\"4 3\"/>");
                continue;
            }
            // Rounded shares may add to 99 or 101: draw them to scale of their own sum so the bar ends at 100 %.
            var sum = shares.Sum(v => v ?? 0);
            double x0 = labelWidth;
            for (var c = 0; c < shares.Count; c++)
            {
                if (shares[c] is not decimal v || v == 0 || sum == 0) continue;
                var w = plotW * (double)(v / sum);
                sb.Append($"<rect x=\"{F(x0)}\" y=\"{y}\" width=\"{F(w)}\" height=\"{barH}\" fill=\"{Stack[c % Stack.Length]}\" stroke=\"#ffffff\" stroke-width=\"1\"/>");
                if (w >= 28) sb.Append($"<text x=\"{F(x0 + w / 2)}\" y=\"{y + barH / 2 + 4}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#ffffff\">{v:0} %</text>");
                x0 += w;
            }
        }
        for (var c = 0; c < categories.Count; c++)
        {
            var (lx, row) = legend[c];
            var ly = legendY + 14 + 18 * row;
            sb.Append($"<rect x=\"{F(lx)}\" y=\"{ly - 10}\" width=\"12\" height=\"12\" fill=\"{Stack[c % Stack.Length]}\"/>");
            sb.Append($"<text x=\"{F(lx + 18)}\" y=\"{ly}\" font-size=\"11\" fill=\"#0b0c0c\">{E(categories[c])}</text>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>
    /// Vertical grouped bars: one group per label along the axis, one bar per category within it (percent, 0–100),
    /// the value written above each bar, a legend under the axis. No value is drawn as no bar, never as 0.
    /// </summary>
    public static string GroupedBars(string id, string title, string description, IReadOnlyList<string> categories,
        IReadOnlyList<StackedBar> groups, int width = 720, int height = 320)
    {
        const int left = 44, right = 16, top = 20;
        var bottom = 70 + 18 * ((categories.Count + 2) / 3);
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        double Y(decimal v) => top + plotH - (double)(v / 100m) * plotH;
        var groupW = (double)plotW / Math.Max(1, groups.Count);
        var barW = Math.Min(36, (groupW - 16) / Math.Max(1, categories.Count));
        var sb = new StringBuilder();
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">");
        sb.Append($"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        for (var i = 0; i <= 4; i++)
        {
            var y = Y(25m * i);
            sb.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"#b1b4b6\" stroke-width=\"0.5\"/>");
            sb.Append($"<text x=\"{left - 6}\" y=\"{F(y + 4)}\" font-size=\"11\" text-anchor=\"end\" fill=\"#0b0c0c\">{25 * i} %</text>");
        }
        for (var g = 0; g < groups.Count; g++)
        {
            var x0 = left + g * groupW + (groupW - barW * categories.Count) / 2;
            for (var c = 0; c < categories.Count && c < groups[g].Shares.Count; c++)
            {
                if (groups[g].Shares[c] is not decimal v) continue;
                var x = x0 + c * barW;
                sb.Append($"<rect x=\"{F(x + 1)}\" y=\"{F(Y(v))}\" width=\"{F(barW - 2)}\" height=\"{F(Y(0) - Y(v))}\" fill=\"{Stack[c % Stack.Length]}\"/>");
                sb.Append($"<text x=\"{F(x + barW / 2)}\" y=\"{F(Y(v) - 4)}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#0b0c0c\">{v:0} %</text>");
            }
            var cx = F(left + g * groupW + groupW / 2);
            var lines = Wrap(groups[g].Label, Math.Max(8, (int)(groupW / 6)), 3);
            sb.Append($"<text x=\"{cx}\" y=\"{top + plotH + 16}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#0b0c0c\">");
            for (var l = 0; l < lines.Count; l++) sb.Append($"<tspan x=\"{cx}\" dy=\"{(l == 0 ? 0 : 13)}\">{E(lines[l])}</tspan>");
            sb.Append("</text>");
        }
        sb.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(Y(0))}\" y2=\"{F(Y(0))}\" stroke=\"#0b0c0c\"/>");
        for (var c = 0; c < categories.Count; c++)
        {
            var lx = left + (c % 3) * (plotW / 3);
            var ly = top + plotH + 66 + 18 * (c / 3);
            sb.Append($"<rect x=\"{lx}\" y=\"{ly - 10}\" width=\"12\" height=\"12\" fill=\"{Stack[c % Stack.Length]}\"/>");
            sb.Append($"<text x=\"{lx + 18}\" y=\"{ly}\" font-size=\"11\" fill=\"#0b0c0c\">{E(categories[c])}</text>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Segment fills dark enough for white labels (≥ 4.5:1) and apart from each other in lightness as well as hue.</summary>
    static readonly string[] Stack = ["#1d4e89", "#b35c00", "#505a5f", "#00703c", "#6f2dbd"];

    /// <summary>Words into lines of at most max letters, at most maxLines lines (the last shortened with "…").</summary>
    static List<string> Wrap(string text, int max, int maxLines)
    {
        var lines = new List<string>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (lines.Count > 0 && lines[^1].Length + 1 + word.Length <= max) lines[^1] += " " + word;
            else lines.Add(word);
        if (lines.Count <= maxLines) return lines;
        return [.. lines.Take(maxLines - 1), Shorten(string.Join(" ", lines.Skip(maxLines - 1)), max)];
    }

    static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";
}
