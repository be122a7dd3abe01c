using Samraad.Data;
using Samraad.Features.Collections;
using Samraad.Features.Collections.Forms;
using Samraad.Features.Collections.Summaries;

namespace Samraad.Features.Indicators;

/// <summary>
/// A key figure set whose figures are reported through a periodic collection (its pack names "collection"): the
/// numbers and missing codes of each reporter's latest submitted response per period, read as the summary reads
/// them. Nothing is copied; a resubmitted response changes the indicators at once.
/// </summary>
public static class CollectionFigures
{
    public static async Task<List<KeyFigureValue>> Load(AppDbContext db, KeyFigureSet set, string collectionSlug, IReadOnlyCollection<int> reporters, CancellationToken ct = default)
    {
        var ctx = await CollectionContext.Load(db, collectionSlug, ct)
            ?? throw new InvalidOperationException($"Nøgletallene {set.Slug} henter tal fra indsamlingen »{collectionSlug}«, som ikke findes.");
        var fields = set.Definition().Fields.Select(f => f.Key).ToHashSet();
        var values = new List<KeyFigureValue>();
        foreach (var period in set.Periods())
        {
            if (ctx.ForPeriod(period) is not { } inPeriod) continue;
            var input = await LoadSummaryInput.Handle(db, inPeriod, ct);
            foreach (var (organisation, answers) in input.Submitted.Where(s => reporters.Contains(s.Key)))
                foreach (var (key, answer) in answers)
                    if (fields.Contains(key) && ctx.Form.FindLeaf(key) is { } leaf)
                        values.Add(new KeyFigureValue
                        {
                            OrganisationId = organisation, Period = period, Key = key, MissingCode = answer.Missing,
                            Value = FieldValues.Number(leaf.Spec, answer.Value), EnteredBy = ctx.Collection.Title,
                        });
        }
        return values;
    }
}
