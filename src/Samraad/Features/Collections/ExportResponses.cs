using System.Text.Json;
using Samraad.Data;
using Samraad.Documents;
using Samraad.Features.Collections.Forms;
using Samraad.Features.Collections.Summaries;

namespace Samraad.Features.Collections;

/// <summary>
/// One row per respondent, one column per answer key, from each respondent's latest receipt (drafts are not exported).
/// CSV: a row of keys, then a row of Danish labels. XLSX: sheet "Besvarelser" and a sheet "Felter" with the labels.
/// </summary>
public sealed class ExportResponses(AppDbContext db)
{
    public static readonly string[] Formats = ["csv", "xlsx", "json"];

    public sealed record File(byte[] Content, string ContentType, string FileName);

    static readonly string[] FixedKeys = ["respondent", "navn", "kommunekode", "kvittering", "indsendt"];
    static readonly string[] FixedLabels = ["Respondent (nøgle)", "Organisation", "Kommunekode", "Kvitteringsnummer", "Senest indsendt (dansk tid)"];

    public async Task<File> Handle(CollectionContext ctx, string format, CancellationToken ct = default)
    {
        var input = await LoadSummaryInput.Handle(db, ctx, ct);
        var progress = await ReadProgress.Handle(db, ctx, ct);
        var leaves = input.Form.FixedLeaves().Concat(Matrix.TableLeaves(input)).ToList();
        leaves.AddRange(await DroppedLeaves(ctx, input, ct));
        var name = ctx.Collection.Slug;
        return format switch
        {
            "json" => new File(JsonSerializer.SerializeToUtf8Bytes(Json(ctx, input, progress, leaves),
                    new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
                "application/json", $"{name}.json"),
            "xlsx" => new File(Xlsx.Write(
                [("Besvarelser", Table(input, progress, leaves, labels: false).ToList()), ("Felter", FieldSheet(input.Form, leaves).ToList())]),
                Xlsx.ContentType, $"{name}.xlsx"),
            _ => new File(Csv.Write(Table(input, progress, leaves, labels: true)), "text/csv; charset=utf-8", $"{name}.csv"),
        };
    }

    /// <summary>
    /// Answers to fields a newer form version dropped keep a column (after the current ones, marked with the version
    /// they are from) and their type's formatting, so nobody's answer disappears from a spreadsheet.
    /// </summary>
    async Task<List<Leaf>> DroppedLeaves(CollectionContext ctx, SummaryInput input, CancellationToken ct)
    {
        var dropped = input.Submitted.Values.SelectMany(a => a.Keys).Distinct().Where(k => input.Form.FindLeaf(k) is null).ToList();
        if (dropped.Count == 0 || ctx.Collection.FormVersion is not { } current) return [];
        var history = await FormHistory.Load(db, current, ct);
        return dropped.Select(k => history.Find(k)).OfType<(Leaf Leaf, int Version)>()
            .OrderByDescending(x => x.Version).ThenBy(x => x.Leaf.Key, StringComparer.Ordinal)
            .Select(x => x.Leaf with { Label = $"{x.Leaf.Label} (udgået; fra skemaversion {x.Version})" }).ToList();
    }

    /// <summary>
    /// A spreadsheet column: one per leaf, and after a multi-select's readable column one 0/1 column per option
    /// ("transport:cykel"), as XLSForm tools export select_multiple, so a pivot table can count each option.
    /// </summary>
    sealed record Column(string Key, string Label, Leaf Leaf, string? Option);

    static IEnumerable<Column> Columns(List<Leaf> leaves) => leaves.SelectMany(l => l.Spec.Type == FieldType.MultiChoice
        ? l.Spec.ResolvedOptions.Select(o => new Column($"{l.Key}:{o.Key}", $"{l.Label} – {o.Label} (1 = valgt)", l, o.Key)).Prepend(new Column(l.Key, l.Label, l, null))
        : [new Column(l.Key, l.Label, l, null)]);

    static IEnumerable<IReadOnlyList<string?>> Table(SummaryInput input, Progress progress, List<Leaf> leaves, bool labels)
    {
        var columns = Columns(leaves).ToList();
        yield return FixedKeys.Concat(columns.Select(c => c.Key)).ToList();
        if (labels) yield return FixedLabels.Concat(columns.Select(c => c.Label)).ToList();
        foreach (var r in input.Respondents)
        {
            var answers = input.Submitted.GetValueOrDefault(r.OrganisationId);
            var status = progress.Rows.First(p => p.Organisation.Id == r.OrganisationId);
            var row = new List<string?> { r.Slug, r.Name, r.Code?.ToString(), status.ReceiptNumber,
                status.LastSubmittedUtc is DateTime at ? DanishTime.ToLocal(at).ToString("yyyy-MM-dd HH:mm") : null };
            row.AddRange(columns.Select(c => answers?.GetValueOrDefault(c.Leaf.Key) is not { } a ? null
                : c.Option is null ? CellText(input.Form, c.Leaf, a)
                : a.Value is null ? null : FieldValues.Choices(a.Value).Contains(c.Option) ? "1" : "0"));
            yield return row;
        }
    }

    /// <summary>Option labels ("Ja*") and missing-code labels for people; numbers and dates in a form spreadsheets read.</summary>
    static string? CellText(FormSpec form, Leaf leaf, AnswerValue a)
    {
        if (a.Missing is not null) return form.MissingCodeLabel(a.Missing);
        return leaf.Spec.Type switch
        {
            FieldType.YesNo or FieldType.Choice or FieldType.MultiChoice => FieldValues.Display(leaf.Spec, a.Value),
            FieldType.Amount => FieldValues.Number(leaf.Spec, a.Value)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => a.Value,
        };
    }

    static IEnumerable<IReadOnlyList<string?>> FieldSheet(FormSpec form, List<Leaf> leaves)
    {
        yield return ["nøgle", "spørgsmål", "type", "svarmuligheder", "koder for manglende svar"];
        foreach (var l in leaves)
            yield return [l.Key, l.Label, l.Spec.Type.ToString(), string.Join(" / ", l.Spec.ResolvedOptions.Select(o => o.Label)),
                string.Join(" / ", l.Field.MissingCodes.Select(form.MissingCodeLabel))];
    }

    static object Json(CollectionContext ctx, SummaryInput input, Progress progress, List<Leaf> leaves) => new
    {
        collection = ctx.Collection.Slug,
        title = ctx.Collection.Title,
        formVersion = ctx.Collection.FormVersion?.Version,
        fields = leaves.Select(l => new { key = l.Key, label = l.Label, type = l.Spec.Type.ToString() }),
        responses = input.Respondents.Select(r =>
        {
            var status = progress.Rows.First(p => p.Organisation.Id == r.OrganisationId);
            return new
            {
                respondent = r.Slug, name = r.Name, municipalityCode = r.Code, receipt = status.ReceiptNumber,
                submittedAtUtc = status.LastSubmittedUtc,
                answers = input.Submitted.GetValueOrDefault(r.OrganisationId)?
                    .ToDictionary(a => a.Key, a => new { value = a.Value.Value, missing = a.Value.Missing }),
            };
        }),
    };
}
