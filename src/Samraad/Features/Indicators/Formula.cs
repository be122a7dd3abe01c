using System.Globalization;

namespace Samraad.Features.Indicators;

/// <summary>The value of a formula for one period, or why there is none ("–" with a reason, never 0).</summary>
public sealed record FormulaResult(decimal? Value, string? Missing)
{
    public static FormulaResult Of(decimal v) => new(v, null);
    public static FormulaResult None(string reason) => new(null, reason);
}

/// <summary>
/// A named formula over the fields of a key figure set, as the pack writes it:
/// <c>(regnskabstal / budgetterede_pladser - 1) * 100</c>, <c>a + b</c>, <c>1 - timer / forrige(timer)</c>.
/// Numbers, field keys (letters, digits, _), + − × ÷, parentheses and <c>forrige(felt)</c>, the field's value in the
/// period before. Pure: parsing names unknown fields; evaluation takes a lookup and gives a value or a reason.
/// </summary>
public abstract record Formula
{
    public sealed record Number(decimal Value) : Formula;
    public sealed record Field(string Key, bool Previous) : Formula;
    public sealed record Negate(Formula Inner) : Formula;
    public sealed record Binary(char Op, Formula Left, Formula Right) : Formula;

    /// <summary>Parses the text; errors are Danish and say where (a formula referring to an unknown field is one).</summary>
    public static (Formula? Formula, string? Error) Parse(string text, IReadOnlySet<string> fields)
    {
        var p = new Parser(text, fields);
        try
        {
            var f = p.Expression();
            p.SkipSpace();
            if (!p.AtEnd) throw new FormatException($"uventet »{text[p.Pos..]}«");
            return (f, null);
        }
        catch (FormatException e) { return (null, $"Formlen »{text}« kan ikke læses: {e.Message}."); }
    }

    public IEnumerable<string> Fields() => this switch
    {
        Field f => [f.Key],
        Negate n => n.Inner.Fields(),
        Binary b => b.Left.Fields().Concat(b.Right.Fields()),
        _ => [],
    };

    /// <summary>
    /// Evaluates for one period. value(key, previous) gives the stored figure or null, why(key, previous) says why it is
    /// missing, label names a field (for "cannot divide by zero: … is 0").
    /// </summary>
    public FormulaResult Evaluate(Func<string, bool, decimal?> value, Func<string, bool, string> why, Func<string, bool, string> label)
    {
        switch (this)
        {
            case Number n: return FormulaResult.Of(n.Value);
            case Field f: return value(f.Key, f.Previous) is decimal v ? FormulaResult.Of(v) : FormulaResult.None(why(f.Key, f.Previous));
            case Negate n: return n.Inner.Evaluate(value, why, label) is { Value: decimal inner } ? FormulaResult.Of(-inner) : n.Inner.Evaluate(value, why, label);
            case Binary b:
                var l = b.Left.Evaluate(value, why, label);
                var r = b.Right.Evaluate(value, why, label);
                // Each missing input is named once, however often the formula uses it.
                var missing = string.Join("; ", new[] { l.Missing, r.Missing }.OfType<string>().SelectMany(m => m.Split("; ")).Distinct());
                if (missing != "") return FormulaResult.None(missing);
                if (b.Op == '/' && r.Value == 0) return FormulaResult.None($"kan ikke dividere med nul: {b.Right.Words(label)} er 0");
                return FormulaResult.Of(b.Op switch
                {
                    '+' => l.Value!.Value + r.Value!.Value,
                    '-' => l.Value!.Value - r.Value!.Value,
                    '*' => l.Value!.Value * r.Value!.Value,
                    _ => l.Value!.Value / r.Value!.Value,
                });
            default: throw new InvalidOperationException();
        }
    }

    /// <summary>The formula in Danish words: "(Regnskabstal ÷ Budgetteret pladstal − 1) × 100".</summary>
    public string Words(Func<string, bool, string> label) => Words(label, 0);

    string Words(Func<string, bool, string> label, int parentPrecedence)
    {
        switch (this)
        {
            case Number n: return n.Value.ToString("#,##0.########", DanishTime.Culture);
            case Field f: return label(f.Key, f.Previous);
            case Negate n: return "−" + n.Inner.Words(label, 3);
            case Binary b:
                var precedence = b.Op is '+' or '-' ? 1 : 2;
                // The right side of − and ÷ needs its parentheses at equal precedence: a − (b − c).
                var text = $"{b.Left.Words(label, precedence)} {b.Op switch { '+' => "+", '-' => "−", '*' => "×", _ => "÷" }} {b.Right.Words(label, b.Op is '-' or '/' ? precedence + 1 : precedence)}";
                return precedence < parentPrecedence ? $"({text})" : text;
            default: throw new InvalidOperationException();
        }
    }

    sealed class Parser(string text, IReadOnlySet<string> fields)
    {
        public int Pos;
        public bool AtEnd => Pos >= text.Length;

        public void SkipSpace() { while (!AtEnd && char.IsWhiteSpace(text[Pos])) Pos++; }

        bool Take(char c)
        {
            SkipSpace();
            if (AtEnd || text[Pos] != c) return false;
            Pos++;
            return true;
        }

        public Formula Expression()
        {
            var left = Term();
            while (true)
            {
                if (Take('+')) left = new Binary('+', left, Term());
                else if (Take('-')) left = new Binary('-', left, Term());
                else return left;
            }
        }

        Formula Term()
        {
            var left = Factor();
            while (true)
            {
                if (Take('*')) left = new Binary('*', left, Factor());
                else if (Take('/')) left = new Binary('/', left, Factor());
                else return left;
            }
        }

        Formula Factor()
        {
            SkipSpace();
            if (AtEnd) throw new FormatException("formlen slutter for tidligt");
            if (Take('-')) return new Negate(Factor());
            if (Take('('))
            {
                var inner = Expression();
                if (!Take(')')) throw new FormatException("der mangler en slutparentes");
                return inner;
            }
            var start = Pos;
            if (char.IsDigit(text[Pos]))
            {
                while (!AtEnd && (char.IsDigit(text[Pos]) || text[Pos] == '.')) Pos++;
                return decimal.TryParse(text[start..Pos], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
                    ? new Number(n) : throw new FormatException($"»{text[start..Pos]}« er ikke et tal");
            }
            while (!AtEnd && (char.IsLetterOrDigit(text[Pos]) || text[Pos] == '_')) Pos++;
            var name = text[start..Pos];
            if (name == "") throw new FormatException($"uventet tegn »{text[Pos]}«");
            if (name == "forrige")
            {
                if (!Take('(')) throw new FormatException("forrige skal efterfølges af (felt)");
                var inner = Factor();
                if (inner is not Field { Previous: false } field || !Take(')')) throw new FormatException("forrige(...) skal omslutte ét felt");
                return field with { Previous = true };
            }
            return fields.Contains(name) ? new Field(name, false) : throw new FormatException($"feltet »{name}« findes ikke");
        }
    }
}

/// <summary>Rounding as the seed rounds: half away from zero (62,5 % → 63 %).</summary>
public static class Rounding
{
    public static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    public static string Format(decimal value, int decimals) =>
        Round(value, decimals).ToString("#,##0" + (decimals > 0 ? "." + new string('0', decimals) : ""), DanishTime.Culture);
}
