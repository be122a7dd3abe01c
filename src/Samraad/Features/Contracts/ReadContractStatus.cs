using Samraad.Data;

namespace Samraad.Features.Contracts;

/// <summary>Every goal of a contract with target, actual figure, projection and status, for the API and the command line.</summary>
public sealed class ReadContractStatus(AppDbContext db)
{
    public async Task<Outcome<ContractStatusDto>> Handle(string slug, UserContext user, CancellationToken ct = default)
    {
        var found = await Guard.Read(ContractContext.Load(db, slug, ct), "Kontrakten findes ikke.", c => c.CanSee(user),
            "Kun kontraktens parter og sekretariatet kan se kontrakten.");
        if (found.Value is not { } ctx) return found.As<ContractStatusDto>();
        var r = await ctx.Report(db);
        return Outcome<ContractStatusDto>.Success(new(r.Contract.Slug, r.Contract.Title, r.Contract.Year, r.Figures.DataDate, r.LastImportUtc,
            r.Figures.Cases, r.Figures.Evaluations, r.Contract.DemoNote,
            r.Goals.Select(g => new GoalDto(g.Goal.Number, g.Goal.Title, g.Goal.Scope.ToString(), g.Goal.Target, g.Goal.Method, g.Goal.Reporting, g.Goal.Cadence,
                g.Status.ToString(), GoalStatuses.Label(g.Status),
                g.Measures.Select(m => new MeasureDto(m.Label, m.Status.ToString(), m.Actual, m.Target, m.Projection, m.Lines)).ToList(),
                g.Qualitative?.Text, g.Qualitative?.Evidence?.Split('\n') ?? [])).ToList()));
    }
}
