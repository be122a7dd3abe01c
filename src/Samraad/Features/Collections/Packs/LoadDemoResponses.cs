using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections.Packs;

/// <summary>
/// Loads a pack's demo answers as submitted responses, dated as the document that printed them.
/// Values are checked strictly against the form (a bad value is a pack error); required fields are not,
/// because the document did leave some answers as "–" and Samraad must show that, not invent an answer.
/// </summary>
public sealed class LoadDemoResponses(AppDbContext db)
{
    public async Task Handle(Collection collection, FormSpec form, FormVersion version, string dir, PackDemo demo, CancellationToken ct)
    {
        var at = DanishTime.ParseLocal(demo.SubmittedAt) ?? throw new InvalidDataException($"demo.submittedAt »{demo.SubmittedAt}« er ikke en tid");
        var by = new Actor("demo-import", demo.SubmittedBy);
        var orgs = await db.Organisations.ToDictionaryAsync(o => o.Slug, ct);
        var periods = collection.Periods();
        foreach (var (respondent, period, answers) in PackCsv.Responses(form, await File.ReadAllTextAsync(Path.Combine(dir, demo.Responses), ct), demo.Responses))
        {
            if (!orgs.TryGetValue(respondent, out var org))
                throw new InvalidDataException($"{demo.Responses}: ukendt respondent »{respondent}«");
            if (!periods.Contains(period))
                throw new InvalidDataException($"{demo.Responses}: perioden »{period}« for {respondent} ligger uden for indsamlingens perioder ({string.Join(", ", periods)})");
            var response = new Response
            {
                CollectionId = collection.Id, OrganisationId = org.Id, Period = period, FormVersionId = version.Id,
                Status = ResponseStatus.Draft, CreatedAtUtc = at, UpdatedAtUtc = at,
            };
            db.Responses.Add(response);
            response.ApplyDraft(answers, version.Id, by, at); // the per-field history of a document import is not news: not logged
            var receipt = response.Lock(by, org.DisplayName, at);
            db.Receipts.Add(receipt);
            db.AuditEntries.Add(AuditEntry.For(response, by, at, AuditAction.Imported, note: demo.Note ?? "Indlæst som demodata"));
            await db.SaveChangesAsync(ct);
            await Receipts.AssignNumber(db, response, receipt, ct);
        }
    }

}
