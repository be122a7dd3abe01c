using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections;
using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Search;

/// <summary>
/// What is indexed for a collection: its title and description and each question (label, hint, section), found by
/// those who may see the collection; and each free-text answer (text fields and text cells of tables; never a field
/// marked personal), once as the response is now (found by those who may read the response: the administrators and
/// the respondent) and once as last submitted (found by the owner's readers, who see submitted answers in the matrix).
/// </summary>
public static class CollectionEntries
{
    /// <param name="db">Where to read.</param>
    /// <param name="collectionId">The collection.</param>
    /// <param name="organisationId">Only this respondent's answers; null for the questions and every response.</param>
    /// <param name="ct">Stops the work.</param>
    public static async Task<List<SearchEntry>> For(AppDbContext db, int collectionId, int? organisationId, CancellationToken ct)
    {
        var entries = new List<SearchEntry>();
        var c = await db.Collections.AsNoTracking().Include(x => x.FormVersion).FirstOrDefaultAsync(x => x.Id == collectionId, ct);
        if (c is null) return entries;
        var form = FormSpecs.Get(c.FormVersion!);
        var hidden = c.Status == CollectionStatus.Draft;
        SearchEntry Entry(string source, string copy, string heading, string text, string? key) => new()
        {
            Source = source, Copy = copy, CollectionId = c.Id, CollectionSlug = c.Slug, OrganisationId = c.OwnerOrganisationId,
            Title = c.Title, Heading = heading, Text = text, FieldKey = key, Hidden = hidden,
        };
        // Current respondents: for one respondent's answers only whether it is one (a draft save reindexes just that).
        var respondents = await db.CollectionRespondents.Where(r => r.CollectionId == c.Id && r.RemovedAtUtc == null
                && (organisationId == null || r.OrganisationId == organisationId)).Select(r => r.OrganisationId).ToListAsync(ct);
        if (organisationId is null)
        {
            entries.Add(Entry(SearchEntry.DefinitionSource, SearchEntry.Working, c.Title, Lines(c.Title, c.Description), null));
            foreach (var section in form.Sections)
            foreach (var field in section.Fields)
                entries.Add(Entry(SearchEntry.DefinitionSource, SearchEntry.Working, field.Label, Lines(field.Label, field.Hint, section.Title), field.Key));
            foreach (var e in entries) e.Respondents = respondents;
        }

        // One response (a draft saved) in one query with its answers; a receipt's answers are read only when it counts.
        var query = db.Responses.AsNoTracking().Include(r => r.Answers).Include(r => r.Organisation)
            .Where(r => r.CollectionId == c.Id && (organisationId == null || r.OrganisationId == organisationId));
        var responses = await (organisationId is null ? query : query.AsSingleQuery()).ToListAsync(ct);
        var receiptIds = responses.Where(r => r.LatestReceiptId is not null && respondents.Contains(r.OrganisationId)).Select(r => r.LatestReceiptId!.Value).ToList();
        var receiptAnswers = (receiptIds.Count == 0 ? [] : await db.ReceiptAnswers.AsNoTracking().Where(a => receiptIds.Contains(a.ReceiptId)).ToListAsync(ct))
            .ToLookup(a => a.ReceiptId);
        foreach (var r in responses)
        {
            // What the pages show: answers to questions still asked (a retracted "why not" is not shown, so not found).
            void Add(string copy, IEnumerable<(string Key, string? Value, string? Missing)> stored)
            {
                var answers = Conditions.AskedOnly(form, stored.ToDictionary(a => a.Key, a => new AnswerValue(a.Value, a.Missing)));
                foreach (var (key, answer) in answers)
                {
                    var value = answer.Value;
                    if (string.IsNullOrWhiteSpace(value) || form.FindLeaf(key) is not { Spec.Type: FieldType.Text } leaf || leaf.Personal) continue;
                    var entry = Entry(SearchEntry.AnswerSource, copy, leaf.Label, value, key);
                    (entry.RespondentId, entry.RespondentSlug, entry.RespondentName, entry.Number) = (r.OrganisationId, r.Organisation!.Slug, r.Organisation.DisplayName, r.Period);
                    entries.Add(entry);
                }
            }
            Add(SearchEntry.Working, r.Answers.Select(a => (a.FieldKey, a.Value, a.MissingCode)));
            // The matrix the readers see counts current respondents only: a removed respondent's receipt is not found there.
            if (r.LatestReceiptId is int receipt && respondents.Contains(r.OrganisationId))
                Add(SearchEntry.Submitted, receiptAnswers[receipt].Select(a => (a.FieldKey, a.Value, a.MissingCode)));
        }
        return entries;
    }

    static string Lines(params string?[] parts) => string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
