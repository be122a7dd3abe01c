using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Documents.Pdf;

namespace Samraad.Features.Pools;

/// <summary>A municipality attaches documentation of inter-municipal coordination (a PDF) to its application.</summary>
public sealed class UploadPoolDocument(AppDbContext db, TimeProvider clock)
{
    public const int MaxDocuments = 20;

    public async Task<Outcome<PoolDocument>> Handle(PoolContext ctx, UserContext user, int organisationId, string? title, string fileName, byte[] content, CancellationToken ct = default)
    {
        if (!Access.CanAnswerFor(user, organisationId) || !ctx.Collection.IsRespondent(organisationId))
            return Outcome<PoolDocument>.Fail(Problem.Forbidden, "Du kan kun vedhæfte dokumentation til din egen kommunes ansøgning.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (ctx.Collection.ClosedReasonFor(organisationId, now) is { } closed) return Outcome<PoolDocument>.Fail(Problem.Closed, closed);
        if (await db.PoolDocuments.CountAsync(d => d.PoolId == ctx.Pool.Id && d.OrganisationId == organisationId, ct) >= MaxDocuments)
            return Outcome<PoolDocument>.Fail(Problem.Invalid, "Dokumentationen er ikke gemt.",
                [new FieldError("file", $"En ansøgning kan højst have {MaxDocuments} dokumenter. Saml dem i færre PDF-filer.")]);
        var check = PdfFiles.Check(content);
        if (!check.Ok) return Outcome<PoolDocument>.Fail(Problem.Invalid, "Dokumentationen er ikke gemt.", [new FieldError("file", check.Error!)]);
        var doc = new PoolDocument
        {
            PoolId = ctx.Pool.Id, OrganisationId = organisationId,
            Title = string.IsNullOrWhiteSpace(title) ? Path.GetFileNameWithoutExtension(fileName) : title.Trim()[..Math.Min(200, title.Trim().Length)],
            File = StoredFile.Pdf(Path.GetFileName(fileName), content, check.Pages, check.PageTexts, now),
            UploadedAtUtc = now, UploadedBy = $"{user.Name} ({user.UserName})",
        };
        db.PoolDocuments.Add(doc);
        await db.SaveChangesAsync(ct);
        return Outcome<PoolDocument>.Success(doc);
    }
}
