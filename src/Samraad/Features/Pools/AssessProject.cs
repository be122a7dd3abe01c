using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Pools;

/// <summary>The caseworker's judgement on a project: pricing score 0–5 and, for renovation, whether the exception is approved.</summary>
public sealed class AssessProject(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<ProjectAssessment>> Handle(PoolContext ctx, UserContext user, int organisationId, int projectIndex,
        string? score, string? exception, string? note, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<ProjectAssessment>.Fail(Problem.Forbidden, "Kun puljens sagsbehandlere kan vurdere ansøgninger.");
        if (ctx.Pool.DecisionsIssuedAtUtc is not null)
            return Outcome<ProjectAssessment>.Fail(Problem.Locked, "Afgørelserne er udsendt; vurderingerne kan ikke ændres.");
        var prefix = $"p{projectIndex}-";
        var errors = new List<FieldError>();
        if (!int.TryParse(score, out var s) || s is < 0 or > 5) errors.Add(new FieldError(prefix + "score", "Vælg en vurdering af prissætningen fra 0 til 5"));
        bool? approved = exception switch { "ja" => true, "nej" => false, "" or null => null, _ => null };
        if (exception is not (null or "" or "ja" or "nej")) errors.Add(new FieldError(prefix + "exception", "Vælg om undtagelsen godkendes"));
        if ((note?.Length ?? 0) > 2000) errors.Add(new FieldError(prefix + "note", "Notatet må højst være 2.000 tegn"));
        if (errors.Count > 0) return Outcome<ProjectAssessment>.Fail(Problem.Invalid, "Vurderingen er ikke gemt.", errors);

        var row = await db.ProjectAssessments.FirstOrDefaultAsync(a => a.PoolId == ctx.Pool.Id && a.OrganisationId == organisationId && a.ProjectIndex == projectIndex, ct);
        if (row is null) db.ProjectAssessments.Add(row = new ProjectAssessment { PoolId = ctx.Pool.Id, OrganisationId = organisationId, ProjectIndex = projectIndex });
        row.PricingScore = s;
        row.ExceptionApproved = approved;
        row.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = $"{user.Name} ({user.UserName})";
        await db.SaveChangesAsync(ct);
        return Outcome<ProjectAssessment>.Success(row);
    }
}
