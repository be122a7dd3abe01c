using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Reference;

namespace Samraad.Features.Collections;

/// <summary>Where one respondent stands.</summary>
public sealed record RespondentStatus(Organisation Organisation, ResponseStatus? Status, bool Reopened, DateTime? LastSubmittedUtc, string? ReceiptNumber, DateTime? UpdatedUtc,
    DateTime? ReopenRequestedUtc = null)
{
    public bool HasAnswered => ReceiptNumber is not null;

    public string Label => Status switch
    {
        null => "Ikke påbegyndt",
        ResponseStatus.Submitted => "Indsendt",
        _ when Reopened => "Genåbnet",
        _ => "Kladde",
    };
}

/// <summary>"12 af 17 har indsendt", and who is missing.</summary>
public sealed record Progress(IReadOnlyList<RespondentStatus> Rows)
{
    public int Respondents => Rows.Count;
    /// <summary>Has a receipt: submitted at least once (a reopened response still has its last answers).</summary>
    public int Answered => Rows.Count(r => r.HasAnswered);
    public int Submitted => Rows.Count(r => r.Status == ResponseStatus.Submitted);
    public IEnumerable<RespondentStatus> Missing => Rows.Where(r => r.Status != ResponseStatus.Submitted);
    /// <summary>Submitted responses whose respondent asked for them to be reopened, oldest first.</summary>
    public IEnumerable<RespondentStatus> ReopenRequests => Rows.Where(r => r.ReopenRequestedUtc is not null).OrderBy(r => r.ReopenRequestedUtc);
}

public static class ReadProgress
{
    public static async Task<Progress> Handle(AppDbContext db, CollectionContext ctx, CancellationToken ct = default)
    {
        var responses = await db.Responses.Where(r => r.CollectionId == ctx.Collection.Id && r.Period == ctx.Period)
            .Select(r => new { r.OrganisationId, r.Status, r.LatestReceiptId, r.UpdatedAtUtc, r.ReopenRequestedAtUtc, Number = r.LatestReceipt!.Number, At = (DateTime?)r.LatestReceipt.SubmittedAtUtc })
            .ToListAsync(ct);
        var rows = ctx.Respondents.Select(o =>
        {
            var r = responses.FirstOrDefault(x => x.OrganisationId == o.Id);
            return r is null
                ? new RespondentStatus(o, null, false, null, null, null)
                : new RespondentStatus(o, r.Status, r.Status == ResponseStatus.Draft && r.LatestReceiptId != null,
                    r.LatestReceiptId is null ? null : r.At, r.LatestReceiptId is null ? null : r.Number, r.UpdatedAtUtc, r.ReopenRequestedAtUtc);
        }).ToList();
        return new Progress(rows);
    }

    /// <summary>Progress of many collections at once, for the front page; a periodic collection counts its latest period.</summary>
    public static async Task<Dictionary<int, (int Respondents, int Answered, int Submitted)>> Counts(AppDbContext db, IReadOnlyList<int> collectionIds, CancellationToken ct = default)
    {
        // Only respondents asked now count: a removed respondent's kept answers are not progress.
        var active = db.CollectionRespondents.Where(r => collectionIds.Contains(r.CollectionId) && r.RemovedAtUtc == null);
        var respondents = await active.GroupBy(r => r.CollectionId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var latest = await db.Collections.Where(c => collectionIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.LastPeriod ?? "", ct);
        var responses = (await db.Responses.Where(r => active.Any(m => m.CollectionId == r.CollectionId && m.OrganisationId == r.OrganisationId))
            .GroupBy(r => new { r.CollectionId, r.Period })
            .Select(g => new { g.Key.CollectionId, g.Key.Period, Answered = g.Count(r => r.LatestReceiptId != null), Submitted = g.Count(r => r.Status == ResponseStatus.Submitted) })
            .ToListAsync(ct))
            .Where(r => latest.GetValueOrDefault(r.CollectionId) == r.Period)
            .Select(r => new { Key = r.CollectionId, r.Answered, r.Submitted }).ToList();
        return collectionIds.ToDictionary(id => id, id => (
            respondents.FirstOrDefault(r => r.Key == id)?.N ?? 0,
            responses.FirstOrDefault(r => r.Key == id)?.Answered ?? 0,
            responses.FirstOrDefault(r => r.Key == id)?.Submitted ?? 0));
    }
}
