using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Contracts;

/// <summary>The secretariat records the status of a qualitative goal with a text and evidence links.</summary>
public sealed class SetQualitativeStatus(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<QualitativeStatus>> Handle(ContractContext ctx, UserContext user, int goalNumber, string? status, string? text, string? evidence, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<QualitativeStatus>.Fail(Problem.Forbidden, "Kun sekretariatet kan sætte status på kvalitative mål.");
        var goal = ctx.Contract.Goals.FirstOrDefault(g => g.Number == goalNumber && g.IsQualitative);
        if (goal is null) return Outcome<QualitativeStatus>.Fail(Problem.NotFound, "Målet findes ikke eller er ikke kvalitativt.");
        var errors = new List<FieldError>();
        if (!Enum.TryParse<GoalStatus>(status, out var parsed)) errors.Add(new FieldError("status", "Vælg en status"));
        if (string.IsNullOrWhiteSpace(text)) errors.Add(new FieldError("text", "Skriv hvad status bygger på"));
        else if (text.Length > 4000) errors.Add(new FieldError("text", "Teksten må højst være 4.000 tegn"));
        var links = (evidence ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (links.Any(l => !Uri.TryCreate(l, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https")))
            errors.Add(new FieldError("evidence", "Dokumentation skal være links (https://…), ét pr. linje"));
        if (errors.Count > 0) return Outcome<QualitativeStatus>.Fail(Problem.Invalid, "Status er ikke gemt.", errors);
        var row = await db.QualitativeStatuses.FirstOrDefaultAsync(q => q.ContractId == ctx.Contract.Id && q.GoalNumber == goalNumber, ct);
        if (row is null) db.QualitativeStatuses.Add(row = new QualitativeStatus { ContractId = ctx.Contract.Id, GoalNumber = goalNumber });
        row.Status = parsed;
        row.Text = text!.Trim();
        row.Evidence = links.Length == 0 ? null : string.Join("\n", links);
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = $"{user.Name} ({user.UserName})";
        await db.SaveChangesAsync(ct);
        return Outcome<QualitativeStatus>.Success(row);
    }
}
