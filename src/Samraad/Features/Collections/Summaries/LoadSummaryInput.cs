using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections.Summaries;

/// <summary>
/// Loads what summaries are computed from: the respondents with their groups, and the answers of each
/// respondent's latest receipt (drafts never count; a reopened response counts with what it last submitted).
/// </summary>
public static class LoadSummaryInput
{
    public static async Task<SummaryInput> Handle(AppDbContext db, CollectionContext ctx, CancellationToken ct = default)
    {
        var ids = ctx.Respondents.Select(r => r.Id).ToList();
        var memberships = await db.GroupMembers.Where(m => ids.Contains(m.OrganisationId))
            .Select(m => new { m.OrganisationId, Set = m.Group!.GroupSet!.Key, Group = m.Group.Name })
            .ToListAsync(ct);
        var respondents = ctx.Respondents.Select(o => new RespondentInfo(o.Id, o.Slug, o.DisplayName, o.MunicipalityCode,
            memberships.Where(m => m.OrganisationId == o.Id).ToDictionary(m => m.Set, m => m.Group))).ToList();

        var receipts = await db.Responses.Where(r => r.CollectionId == ctx.Collection.Id && r.Period == ctx.Period && r.LatestReceiptId != null)
            .Select(r => new { r.OrganisationId, ReceiptId = r.LatestReceiptId!.Value }).ToListAsync(ct);
        receipts.RemoveAll(r => !ids.Contains(r.OrganisationId)); // a removed respondent's kept answers count nowhere
        var receiptIds = receipts.Select(r => r.ReceiptId).ToList();
        var answers = await db.ReceiptAnswers.Where(a => receiptIds.Contains(a.ReceiptId)).ToListAsync(ct);
        var byReceipt = answers.ToLookup(a => a.ReceiptId);
        var submitted = receipts.ToDictionary(r => r.OrganisationId,
            r => Conditions.AskedOnly(ctx.Form, byReceipt[r.ReceiptId].ToDictionary(a => a.FieldKey, a => new AnswerValue(a.Value, a.MissingCode))));
        return new SummaryInput(ctx.Form, respondents, submitted);
    }

    public static async Task<List<PrintedFigure>> PrintedFigures(AppDbContext db, int collectionId, CancellationToken ct = default) =>
        (await db.PrintedFigures.Where(p => p.CollectionId == collectionId).OrderBy(p => p.SortOrder).ToListAsync(ct))
        .Select(p => new PrintedFigure(p.Source, p.FieldKey, p.Printed, p.Answers?.Split('|'), p.Count, p.Of, p.RespondentSlug, p.Value, p.Measure, p.Rounding))
        .ToList();

    /// <summary>The collection's printed figures replaced by these, in this order (the caller saves, in its transaction).</summary>
    public static async Task ReplacePrintedFigures(AppDbContext db, int collectionId, IEnumerable<PrintedFigure> printed, CancellationToken ct = default)
    {
        db.PrintedFigures.RemoveRange(await db.PrintedFigures.Where(p => p.CollectionId == collectionId).ToListAsync(ct));
        var order = 0;
        foreach (var f in printed)
            db.PrintedFigures.Add(new PrintedFigureRow
            {
                CollectionId = collectionId, SortOrder = order++, Source = f.Source, FieldKey = f.FieldKey, Printed = f.Printed,
                Answers = f.Answers is null ? null : string.Join('|', f.Answers), Count = f.Count, Of = f.Of,
                RespondentSlug = f.RespondentSlug, Value = f.Value, Measure = f.Measure, Rounding = f.Rounding,
            });
    }
}
