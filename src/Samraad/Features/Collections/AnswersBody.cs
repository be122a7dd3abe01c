using System.Text.Json;
using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections;

/// <summary>
/// The body of a draft or submit: {"answers": {"key": value | null | {"value": …, "missing": "ved-ikke"}}, "revision": 3}.
/// Read by hand so that malformed JSON gets a Danish 400 problem instead of a bare 400.
/// </summary>
public sealed record AnswersBody(Dictionary<string, RawAnswer> Answers, int? Revision)
{
    /// <summary>More keys than any form has leaves, and keys longer than any answer key, are refused whole — with one
    /// short error, so a body of a million keys cannot make a megabyte of errors.</summary>
    public const int MaxKeys = 2_000, MaxKeyLength = 200;

    public static async Task<(AnswersBody? Body, IResult? Error)> Read(HttpRequest request, bool allowEmpty = false)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(text))
            return allowEmpty ? (new AnswersBody(new(), null), null)
                : (null, ApiProblems.Invalid("Ugyldig JSON", [new FieldError("body", "Indholdet er tomt; send et JSON-objekt med »answers«")]));
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text); }
        catch (JsonException e)
        {
            return (null, ApiProblems.Invalid("Ugyldig JSON", [new FieldError("body", $"Indholdet er ikke gyldig JSON ({e.Message})")]));
        }
        using (doc)
        {
            // A property name escaping half a surrogate pair ("\ud800") throws while names are compared (found by FuzzTests).
            try { return Read(doc.RootElement, allowEmpty); }
            catch (InvalidOperationException)
            {
                return (null, ApiProblems.Invalid("Ugyldigt indhold", [new FieldError("body", "Indholdet indeholder tegn, der ikke er gyldig tekst (et halvt tegnpar)")]));
            }
        }
    }

    static (AnswersBody? Body, IResult? Error) Read(JsonElement root, bool allowEmpty)
    {
        {
            if (root.ValueKind != JsonValueKind.Object)
                return (null, ApiProblems.Invalid("Ugyldig JSON", [new FieldError("body", "Indholdet skal være et JSON-objekt med »answers«")]));
            var errors = new List<FieldError>();
            var answers = new Dictionary<string, RawAnswer>();
            if (root.TryGetProperty("answers", out var a))
            {
                if (a.ValueKind != JsonValueKind.Object) errors.Add(new FieldError("answers", "»answers« skal være et objekt med feltnøgler"));
                else if (a.EnumerateObject().Take(MaxKeys + 1).Count() > MaxKeys)
                    errors.Add(new FieldError("answers", $"Der kan højst sendes {MaxKeys.ToString("N0", DanishTime.Culture)} svar ad gangen"));
                else foreach (var p in a.EnumerateObject())
                {
                    if (Text(() => p.Name) is not { } name)
                    {
                        errors.Add(new FieldError("answers", "En feltnøgle indeholder tegn, der ikke er gyldig tekst"));
                        continue;
                    }
                    if (name.Length > MaxKeyLength)
                    {
                        errors.Add(new FieldError("answers", $"En feltnøgle er længere end {MaxKeyLength} tegn; ingen feltnøgle er så lang"));
                        continue;
                    }
                    RawAnswer? raw;
                    try { raw = ToRaw(p.Value); }
                    catch (InvalidOperationException) { errors.Add(new FieldError(name, $"Værdien for »{name}« indeholder tegn, der ikke er gyldig tekst")); continue; }
                    if (raw is null) errors.Add(new FieldError(name, $"Værdien for »{name}« skal være tekst, tal, true/false, null, en liste af svarmuligheder eller {{\"value\":…,\"missing\":…}}"));
                    else if (!IsStorable(raw.Value) || !IsStorable(raw.Missing) || !IsStorable(name))
                        errors.Add(new FieldError(IsStorable(name) ? name : "answers", "Svaret indeholder tegn, der ikke kan gemmes (et nul-tegn eller et halvt tegnpar)"));
                    else answers[name] = raw;
                }
            }
            else if (!allowEmpty) errors.Add(new FieldError("answers", "Angiv »answers«"));
            int? revision = null;
            if (root.TryGetProperty("revision", out var rev))
            {
                if (rev.ValueKind == JsonValueKind.Number && rev.TryGetInt32(out var n)) revision = n;
                else if (rev.ValueKind != JsonValueKind.Null) errors.Add(new FieldError("revision", "»revision« skal være et helt tal"));
            }
            return errors.Count > 0 ? (null, ApiProblems.Invalid("Ugyldigt indhold", errors)) : (new AnswersBody(answers, revision), null);
        }
    }

    /// <summary>A JSON string that escapes half a surrogate pair ("\\ud800") cannot become text: null instead of an exception.</summary>
    static string? Text(Func<string> read)
    {
        try { return read(); }
        catch (InvalidOperationException) { return null; }
    }

    /// <summary>No NUL (PostgreSQL refuses it in text) and no unpaired surrogate (not a character at all).</summary>
    static bool IsStorable(string? s)
    {
        if (s is null) return true;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\0') return false;
            if (char.IsHighSurrogate(s[i]) && (i + 1 == s.Length || !char.IsLowSurrogate(s[++i]))) return false;
            if (char.IsLowSurrogate(s[i]) && (i == 0 || !char.IsHighSurrogate(s[i - 1]))) return false;
        }
        return true;
    }

    static RawAnswer? ToRaw(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null => new RawAnswer(null),
        JsonValueKind.String => new RawAnswer(v.GetString()),
        // A JSON number is a machine number (12.5): written the Danish way before the one Danish parser reads it.
        JsonValueKind.Number => new RawAnswer(DanishNumber.FromInvariant(v.GetRawText()) ?? v.GetRawText()),
        JsonValueKind.True => new RawAnswer("ja"),
        JsonValueKind.False => new RawAnswer("nej"),
        JsonValueKind.Object => ObjectRaw(v),
        // Multi-select: ["cykel", "bus"], joined as the page's checkboxes are; the field's rules then check each.
        JsonValueKind.Array when v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
            new RawAnswer(string.Join(Forms.FieldValues.ChoiceSeparator, v.EnumerateArray().Select(e => e.GetString()))),
        _ => null,
    };

    static RawAnswer? ObjectRaw(JsonElement v)
    {
        string? value = null, missing = null;
        foreach (var p in v.EnumerateObject())
        {
            if (p.Name == "value") { if (ToRaw(p.Value) is { } r && p.Value.ValueKind != JsonValueKind.Object) value = r.Value; else return null; }
            else if (p.Name == "missing") { if (p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null) missing = p.Value.GetString(); else return null; }
            else return null;
        }
        return new RawAnswer(value, missing);
    }
}
