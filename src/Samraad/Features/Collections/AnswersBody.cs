using System.Text.Json;
using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections;

/// <summary>
/// The body of a draft or submit: {"answers": {"key": value | null | {"value": …, "missing": "ved-ikke"}}, "revision": 3}.
/// Read by hand so that malformed JSON gets a Danish 400 problem instead of a bare 400.
/// </summary>
public sealed record AnswersBody(Dictionary<string, RawAnswer> Answers, int? Revision)
{
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
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (null, ApiProblems.Invalid("Ugyldig JSON", [new FieldError("body", "Indholdet skal være et JSON-objekt med »answers«")]));
            var errors = new List<FieldError>();
            var answers = new Dictionary<string, RawAnswer>();
            if (root.TryGetProperty("answers", out var a))
            {
                if (a.ValueKind != JsonValueKind.Object) errors.Add(new FieldError("answers", "»answers« skal være et objekt med feltnøgler"));
                else foreach (var p in a.EnumerateObject())
                {
                    var raw = ToRaw(p.Value);
                    if (raw is null) errors.Add(new FieldError(p.Name, $"Værdien for »{p.Name}« skal være tekst, tal, true/false, null eller {{\"value\":…,\"missing\":…}}"));
                    else answers[p.Name] = raw;
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

    static RawAnswer? ToRaw(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null => new RawAnswer(null),
        JsonValueKind.String => new RawAnswer(v.GetString()),
        // A JSON number is a machine number (12.5): written the Danish way before the one Danish parser reads it.
        JsonValueKind.Number => new RawAnswer(DanishNumber.FromInvariant(v.GetRawText()) ?? v.GetRawText()),
        JsonValueKind.True => new RawAnswer("ja"),
        JsonValueKind.False => new RawAnswer("nej"),
        JsonValueKind.Object => ObjectRaw(v),
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
