using System.Globalization;

namespace Samraad.Features.Collections.Forms;

/// <summary>
/// The part of XLSForm's expression language Samraad understands, both ways. <c>relevant</c>: <c>${felt} = 'værdi'</c>,
/// <c>!=</c>, <c>selected(${felt}, 'værdi')</c>, number comparisons (<c>= &lt; &lt;= &gt; &gt;=</c>), <c>and</c>,
/// <c>or</c> and parentheses. <c>constraint</c>: <c>. &gt;= 0 and . &lt;= 100</c>, <c>string-length(.) &lt;= 500</c>,
/// <c>count-selected(.) &lt;= 3</c>, <c>. &gt;= today()</c> and <c>. &lt;= ${andet}</c> (a part of another number).
/// Anything else is refused with the reason: a condition silently dropped would ask a question nobody should get.
/// </summary>
public static class XlsFormExpressions
{
    /// <summary>An expression outside the subset, or naming what it may not; the message is Danish and says why.</summary>
    public sealed class Refused(string message) : Exception(message);

    /// <summary>What a constraint sets on a question's values.</summary>
    public sealed record Limits(decimal? Min, decimal? Max, int? MaxLength, int? MinChoices, int? MaxChoices, bool NotInPast, IReadOnlyList<string> AtMost);

    // ---------------------------------------------------------------- reading

    /// <summary>
    /// A relevant expression as a condition. <paramref name="field"/> finds a question asked before this one by its
    /// key (null: unknown or later, which is refused).
    /// </summary>
    public static ConditionSpec ParseRelevant(string text, Func<string, FieldSpec?> field)
    {
        var p = new Parser(Tokens(text), field);
        var c = p.Or();
        p.End();
        return c;
    }

    public static Limits ParseConstraint(string text, FieldType type)
    {
        var tokens = Tokens(text);
        decimal? min = null, max = null;
        int? maxLength = null, minChoices = null, maxChoices = null;
        bool notInPast = false;
        var atMost = new List<string>();
        var i = 0;
        Token Next() => i < tokens.Count ? tokens[i++] : throw new Refused("Udtrykket slutter for tidligt.");
        void Expect(string s) { var t = Next(); if (t.Text != s) throw new Refused($"Forventede »{s}«, men fandt »{t.Text}«."); }
        while (true)
        {
            var t = Next();
            if (t.Kind == TokenKind.Word && t.Text is "string-length" or "count-selected")
            {
                Expect("("); Expect("."); Expect(")");
                var op = Next().Text;
                var n = Integer(Next());
                if (t.Text == "string-length")
                {
                    if (op != "<=") throw new Refused("string-length(.) kan kun bruges som »string-length(.) <= N« (et højeste antal tegn).");
                    maxLength = n;
                }
                else if (op == "<=") maxChoices = n;
                else if (op == ">=") minChoices = n;
                else throw new Refused("count-selected(.) kan kun bruges med <= eller >= (højst eller mindst så mange valg).");
            }
            else if (t.Text == ".")
            {
                var op = Next();
                var value = Next();
                if (value.Kind == TokenKind.Word && value.Text == "today")
                {
                    Expect("("); Expect(")");
                    if (op.Text != ">=") throw new Refused("today() kan kun bruges som ». >= today()« (datoen må ikke ligge før i dag).");
                    notInPast = true;
                }
                else if (value.Kind == TokenKind.Reference)
                {
                    if (op.Text != "<=") throw new Refused($"Et andet spørgsmål kan kun bruges som ». <= ${{{value.Text}}}« (tallet er en del af det andet).");
                    atMost.Add(Key(value.Text));
                }
                else
                {
                    var n = Number(value);
                    switch (op.Text)
                    {
                        case ">=": min = n; break;
                        case "<=": max = n; break;
                        // A whole number above 2.5 is at least 3; below 2.5 at most 2.
                        case ">" when type == FieldType.Integer && Math.Abs(n) < 1_000_000_000_000m: min = Math.Floor(n) + 1; break;
                        case "<" when type == FieldType.Integer && Math.Abs(n) < 1_000_000_000_000m: max = Math.Ceiling(n) - 1; break;
                        case "=": min = max = n; break;
                        default: throw new Refused($"». {op.Text} {value.Text}« understøttes ikke for denne type; brug >= eller <=.");
                    }
                }
            }
            else throw new Refused($"»{t.Text}« er ikke med i det udvalg af udtryk, Samraad forstår; brug fx ». >= 0 and . <= 100« eller »string-length(.) <= 500«.");
            if (i == tokens.Count) break;
            var joiner = Next();
            if (joiner.Text != "and") throw new Refused($"Begrænsninger kan kun kombineres med »and« (fandt »{joiner.Text}«).");
        }
        return new Limits(min, max, maxLength, minChoices, maxChoices, notInPast, atMost);
    }

    /// <summary>XLSForm names may have capitals and underscores; Samraad's keys are lower case (underscores stay).</summary>
    public static string Key(string name) => name.Trim().ToLowerInvariant();

    static int Integer(Token t) =>
        t.Kind == TokenKind.Number && int.TryParse(t.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n : throw new Refused($"»{t.Text}« er ikke et helt tal.");

    static decimal Number(Token t) =>
        t.Kind == TokenKind.Number && decimal.TryParse(t.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
            ? n : throw new Refused($"»{t.Text}« er ikke et tal (brug punktum som decimaltegn, fx 2.5).");

    sealed class Parser(List<Token> tokens, Func<string, FieldSpec?> field)
    {
        int i;
        Token? Peek => i < tokens.Count ? tokens[i] : null;
        Token Next() => i < tokens.Count ? tokens[i++] : throw new Refused("Udtrykket slutter for tidligt.");
        void Expect(string s) { var t = Next(); if (t.Text != s) throw new Refused($"Forventede »{s}«, men fandt »{t.Text}«."); }

        public void End()
        {
            if (Peek is { } t) throw new Refused($"Uventet »{t.Text}«: dele af et udtryk kombineres med »and« eller »or«.");
        }

        public ConditionSpec Or()
        {
            var parts = new List<ConditionSpec> { And() };
            while (Peek is { Text: "or" }) { i++; parts.Add(And()); }
            if (parts.Count == 1) return parts[0];
            // "${f} = 'a' or ${f} = 'b'" is Samraad's "one of".
            if (parts.All(p => p is { Field: not null, EqualTo: not null, OneOf: null, IsYes: null, AtLeast: null, AtMost: null, GreaterThan: null, LessThan: null, All: null, Any: null })
                && parts.Select(p => p.Field).Distinct().Count() == 1)
                return new ConditionSpec { Field = parts[0].Field, OneOf = parts.Select(p => p.EqualTo!).ToList() };
            return new ConditionSpec { Any = parts };
        }

        ConditionSpec And()
        {
            var parts = new List<ConditionSpec> { Atom() };
            while (Peek is { Text: "and" }) { i++; parts.Add(Atom()); }
            return parts.Count == 1 ? parts[0] : new ConditionSpec { All = parts };
        }

        ConditionSpec Atom()
        {
            var t = Next();
            if (t.Text == "(")
            {
                var inner = Or();
                Expect(")");
                return inner;
            }
            if (t.Kind == TokenKind.Word && t.Text == "selected")
            {
                Expect("(");
                var reference = Next();
                if (reference.Kind != TokenKind.Reference) throw new Refused("selected() skal have et spørgsmål som første argument: selected(${felt}, 'værdi').");
                var target = Target(reference);
                Expect(",");
                var value = Next();
                if (value.Kind != TokenKind.String) throw new Refused("selected() skal have en værdi i anførselstegn som andet argument: selected(${felt}, 'værdi').");
                Expect(")");
                if (target.Type is not (FieldType.Choice or FieldType.MultiChoice or FieldType.YesNo))
                    throw new Refused($"selected() kan kun bruges på et valgspørgsmål; »{target.Key}« er ikke et.");
                KnownOption(target, value.Text);
                return new ConditionSpec { Field = target.Key, EqualTo = value.Text };
            }
            if (t.Kind == TokenKind.Reference)
            {
                var target = Target(t);
                var op = Next();
                var value = Next();
                return Compare(target, op.Text, value);
            }
            if (t.Kind == TokenKind.Word && t.Text == "not")
                throw new Refused("not() er ikke med i det udvalg af udtryk, Samraad forstår; skriv betingelsen med != eller de andre svar.");
            throw new Refused($"»{t.Text}« er ikke med i det udvalg af udtryk, Samraad forstår: ${{felt}} = 'værdi', !=, selected(${{felt}}, 'værdi'), talsammenligninger, and, or og parenteser.");
        }

        FieldSpec Target(Token reference) =>
            field(Key(reference.Text)) ?? throw new Refused($"${{{reference.Text}}} er ikke et spørgsmål, der kommer før dette i skemaet.");

        static ConditionSpec Compare(FieldSpec target, string op, Token value)
        {
            var key = target.Key;
            // "${felt} != ''": answered at all (Samraad's condition that names a question and nothing else).
            if (value is { Kind: TokenKind.String, Text: "" })
                return op == "!=" ? new ConditionSpec { Field = key } : throw new Refused($"»${{{key}}} = ''« (ikke besvaret) understøttes ikke; skriv hvilket svar der skal til.");
            if (value.Kind == TokenKind.String)
            {
                if (target.Type == FieldType.MultiChoice)
                    throw new Refused($"»{key}« er et flervalg: brug selected(${{{key}}}, '{value.Text}') i stedet for {op}.");
                if (FieldValues.IsNumeric(target.Type) && decimal.TryParse(value.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                    return Compare(target, op, new Token(TokenKind.Number, value.Text));
                if (target.Type is not (FieldType.Choice or FieldType.YesNo or FieldType.Text or FieldType.Date))
                    throw new Refused($"»{key}« er et talspørgsmål: sammenlign med et tal uden anførselstegn.");
                if (target.Type is FieldType.Choice or FieldType.YesNo) KnownOption(target, value.Text);
                switch (op)
                {
                    case "=":
                        return target.Type == FieldType.YesNo && value.Text == "ja" ? new ConditionSpec { Field = key, IsYes = true } : new ConditionSpec { Field = key, EqualTo = value.Text };
                    case "!=":
                        // A yes/no not answered Ja is Samraad's "isYes: false"; for a choice, "any other answer".
                        if (target.Type == FieldType.YesNo && value.Text == "ja") return new ConditionSpec { Field = key, IsYes = false };
                        var others = Options(target).Where(o => o != value.Text).ToList();
                        if (others.Count == 0 || others.Count == Options(target).Count)
                            throw new Refused($"»{key} != '{value.Text}'« kan kun bruges på et valgspørgsmål med svaret »{value.Text}«.");
                        return new ConditionSpec { Field = key, OneOf = others };
                    default:
                        throw new Refused($"»{op}« kan ikke sammenligne tekst; brug = eller !=.");
                }
            }
            if (value.Kind != TokenKind.Number) throw new Refused($"Efter »${{{key}}} {op}« skal der stå en værdi: 'tekst' eller et tal.");
            if (!FieldValues.IsNumeric(target.Type)) throw new Refused($"»{key}« er ikke et talspørgsmål: sammenlign med en værdi i anførselstegn, fx '{value.Text}'.");
            var n = Number(value);
            return op switch
            {
                "=" => new ConditionSpec { Field = key, AtLeast = n, AtMost = n },
                ">=" => new ConditionSpec { Field = key, AtLeast = n },
                "<=" => new ConditionSpec { Field = key, AtMost = n },
                ">" => new ConditionSpec { Field = key, GreaterThan = n },
                "<" => new ConditionSpec { Field = key, LessThan = n },
                _ => throw new Refused($"»{op}« kan ikke bruges på tal; brug =, <, <=, > eller >=."),
            };
        }

        static void KnownOption(FieldSpec target, string value)
        {
            var options = Options(target);
            if (!options.Contains(value))
                throw new Refused($"»{value}« er ikke et af svarene på »{target.Key}« (der er {string.Join(", ", options)}).");
        }

        static List<string> Options(FieldSpec f) => f.Type == FieldType.YesNo ? ["ja", "nej"] : (f.Options ?? f.ResolvedOptions).Select(o => o.Key).ToList();
    }

    // ---------------------------------------------------------------- writing

    /// <summary>The condition as a relevant expression that <see cref="ParseRelevant"/> reads back to the same condition.</summary>
    public static string WriteRelevant(ConditionSpec c, FormSpec form)
    {
        var parts = new List<string>();
        if (c.Field is { } key)
        {
            var f = form.Field(key);
            var multi = f?.Type == FieldType.MultiChoice;
            string Is(string v) => multi ? $"selected(${{{key}}}, {Quote(v)})" : $"${{{key}}} = {Quote(v)}";
            string AnyOf(IEnumerable<string> values) => values.ToList() is { Count: > 0 } list
                ? list.Count == 1 ? Is(list[0]) : "(" + string.Join(" or ", list.Select(Is)) + ")" : $"${{{key}}} = ''";
            if (c.EqualTo is { } eq) parts.Add(Is(eq));
            if (c.OneOf is { } one) parts.Add(AnyOf(one));
            if (c.IsYes is bool yes)
            {
                if (f?.Type == FieldType.YesNo) parts.Add(yes ? $"${{{key}}} = 'ja'" : $"${{{key}}} != 'ja'");
                else parts.Add(AnyOf((f?.Options ?? f?.ResolvedOptions ?? []).Where(o => o.CountsAsYes == yes).Select(o => o.Key)));
            }
            Range($"${{{key}}}", c.AtLeast, c.AtMost, parts);
            if (c.GreaterThan is decimal gt) parts.Add($"${{{key}}} > {Num(gt)}");
            if (c.LessThan is decimal lt) parts.Add($"${{{key}}} < {Num(lt)}");
            if (parts.Count == 0) parts.Add($"${{{key}}} != ''");
        }
        foreach (var x in c.All ?? []) parts.Add(Wrapped(WriteRelevant(x, form)));
        if (c.Any is { Count: > 0 } any)
        {
            var alternatives = string.Join(" or ", any.Select(x => Wrapped(WriteRelevant(x, form))));
            parts.Add(parts.Count > 0 ? $"({alternatives})" : alternatives);
        }
        return string.Join(" and ", parts);
    }

    /// <summary>The constraint for a value's limits (and a "part of" rule), or null when there are none.</summary>
    public static string? WriteConstraint(ValueSpec v, IEnumerable<string>? atMost)
    {
        var parts = new List<string>();
        Range(".", v.Min, v.Max, parts);
        if (v.MaxLength is int length) parts.Add($"string-length(.) <= {length}");
        if (v.MinChoices is int fewest) parts.Add($"count-selected(.) >= {fewest}");
        if (v.MaxChoices is int most) parts.Add($"count-selected(.) <= {most}");
        if (v.NotInPast) parts.Add(". >= today()");
        foreach (var total in atMost ?? []) parts.Add($". <= ${{{total}}}");
        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }

    /// <summary>"x = 3" for a single value, else "x &gt;= lo" and/or "x &lt;= hi".</summary>
    static void Range(string subject, decimal? lo, decimal? hi, List<string> parts)
    {
        if (lo is decimal one && hi == one) { parts.Add($"{subject} = {Num(one)}"); return; }
        if (lo is decimal min) parts.Add($"{subject} >= {Num(min)}");
        if (hi is decimal max) parts.Add($"{subject} <= {Num(max)}");
    }

    /// <summary>An expression of several parts in parentheses (unless it already is one group), so and/or keep their meaning.</summary>
    static string Wrapped(string e)
    {
        if (!e.Contains(" and ", StringComparison.Ordinal) && !e.Contains(" or ", StringComparison.Ordinal)) return e;
        var depth = 0;
        char? quote = null;
        for (var i = 0; i < e.Length; i++)
        {
            var ch = e[i];
            if (quote is not null) { if (ch == quote) quote = null; continue; }
            if (ch is '\'' or '"') quote = ch;
            else if (ch == '(') depth++;
            else if (ch == ')' && --depth == 0 && i < e.Length - 1) return $"({e})";
            else if (depth == 0 && ch == ' ') return $"({e})";
        }
        return e;
    }

    static string Quote(string v) => v.Contains('\'') ? $"\"{v}\"" : $"'{v}'";
    static string Num(decimal d) => d.ToString("0.##########", CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- tokens

    enum TokenKind { Reference, String, Number, Word, Symbol }
    sealed record Token(TokenKind Kind, string Text);

    static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        var s = text.Trim();
        if (s.Length > 2000) throw new Refused("Udtrykket er over 2.000 tegn.");
        for (var i = 0; i < s.Length;)
        {
            var ch = s[i];
            if (char.IsWhiteSpace(ch)) { i++; continue; }
            if (ch == '$' && i + 1 < s.Length && s[i + 1] == '{')
            {
                var end = s.IndexOf('}', i);
                if (end < 0) throw new Refused("${ mangler sin afsluttende }.");
                tokens.Add(new Token(TokenKind.Reference, s[(i + 2)..end].Trim()));
                i = end + 1;
            }
            else if (ch is '\'' or '"' or '‘' or '’' or '“' or '”')
            {
                // Excel turns ' and " into curly quotes as you type: accept them as the plain ones.
                var closing = ch switch { '‘' or '’' => "’'‘", '“' or '”' => "”\"“", _ => ch.ToString() };
                var end = s.IndexOfAny(closing.ToCharArray(), i + 1);
                if (end < 0) throw new Refused($"Teksten der begynder med {ch} mangler sit afsluttende anførselstegn.");
                tokens.Add(new Token(TokenKind.String, s[(i + 1)..end]));
                i = end + 1;
            }
            else if (char.IsDigit(ch) || (ch == '-' && i + 1 < s.Length && char.IsDigit(s[i + 1])))
            {
                var start = i++;
                while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.')) i++;
                tokens.Add(new Token(TokenKind.Number, s[start..i]));
            }
            else if (char.IsLetter(ch))
            {
                var start = i;
                while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '-' or '_' or ':')) i++;
                tokens.Add(new Token(TokenKind.Word, s[start..i]));
            }
            else
            {
                var two = i + 1 < s.Length ? s.Substring(i, 2) : "";
                if (two is "!=" or "<=" or ">=") { tokens.Add(new Token(TokenKind.Symbol, two)); i += 2; }
                else if ("=<>(),.".Contains(ch)) { tokens.Add(new Token(TokenKind.Symbol, ch.ToString())); i++; }
                else throw new Refused($"Tegnet »{ch}« er ikke med i det udvalg af udtryk, Samraad forstår.");
            }
        }
        if (tokens.Count == 0) throw new Refused("Udtrykket er tomt.");
        return tokens;
    }
}
