using Samraad.Data;

namespace Samraad.Features.Collections;

/// <summary>Gives a saved receipt its reference number (derived from its id) and makes it the response's latest.</summary>
public static class Receipts
{
    public static async Task AssignNumber(AppDbContext db, Response response, Receipt receipt, CancellationToken ct)
    {
        receipt.Number = Receipt.FormatNumber(receipt.Id, receipt.SubmittedAtUtc);
        response.LatestReceiptId = receipt.Id;
        await db.SaveChangesAsync(ct);
    }
}
