using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Reference;

namespace Samraad.Features.Contracts;

/// <summary>A goal with its measures evaluated now, its qualitative status, and the overall status.</summary>
public sealed record GoalReport(Goal Goal, IReadOnlyList<MeasureResult> Measures, QualitativeStatus? Qualitative, GoalStatus Status);

/// <summary>The contract's status now: every goal, the figures behind them, and when the data was last imported.</summary>
public sealed record ContractReport(Contract Contract, ContractFigures Figures, IReadOnlyList<GoalReport> Goals, DateTime? LastImportUtc, TownRural? TownRural);

/// <summary>A contract, and who may see it: its two parties (the KKR's secretariat and the hub's staff) and admins.</summary>
public sealed record ContractContext(Contract Contract)
{
    public bool CanAdminister(UserContext? user) => user is not null && Access.CanAdminister(user, Contract.OwnerOrganisationId);

    /// <summary>The hub reports: its staff may import and enter figures, and see the contract.</summary>
    public bool IsHub(UserContext? user) => user is not null && user.OrganisationId == Contract.HubOrganisationId;

    public bool CanSee(UserContext? user) => CanAdminister(user) || IsHub(user);

    public static async Task<ContractContext?> Load(AppDbContext db, string slug, CancellationToken ct = default)
    {
        var contract = await db.Contracts.Include(c => c.Goals).Include(c => c.Owner).Include(c => c.Hub).FirstOrDefaultAsync(c => c.Slug == slug, ct);
        return contract is null ? null : new ContractContext(contract);
    }

    /// <summary>Evaluates every goal from the stored data (aggregated in the database).</summary>
    public async Task<ContractReport> Report(AppDbContext db, CancellationToken ct = default)
    {
        var figures = await ComputeContractFigures.Handle(db, Contract.Id, Contract.Year, ct);
        var entered = await db.EnteredFigures.AsNoTracking().Where(e => e.ContractId == Contract.Id).ToListAsync(ct);
        var qualitative = await db.QualitativeStatuses.AsNoTracking().Where(q => q.ContractId == Contract.Id).ToListAsync(ct);
        var townRural = await LoadTownRural(db, Contract, ct);
        var context = new EvaluationContext(Contract.Year, figures, entered, townRural);
        var goals = Contract.Goals.OrderBy(g => g.Number).Select(g =>
        {
            var measures = GoalEvaluator.Evaluate(MeasureSpec.ParseList(g.MeasuresJson), context);
            var q = qualitative.FirstOrDefault(x => x.GoalNumber == g.Number);
            var statuses = measures.Select(m => m.Status).ToList();
            if (g.IsQualitative) statuses.Add(q?.Status ?? GoalStatus.AwaitingData);
            return new GoalReport(g, measures, q, GoalStatuses.Worst(statuses));
        }).ToList();
        var lastImport = await db.ContractImports.Where(i => i.ContractId == Contract.Id && i.State == ImportState.Active)
            .MaxAsync(i => (DateTime?)i.ConfirmedAtUtc, ct);
        return new ContractReport(Contract, figures, goals, lastImport, townRural);
    }

    /// <summary>Population (reference figures) and KL's rural group for the KKR's member municipalities.</summary>
    static async Task<TownRural?> LoadTownRural(AppDbContext db, Contract contract, CancellationToken ct)
    {
        var members = await db.Organisations.Where(o => o.KkrId == contract.OwnerOrganisationId).ToListAsync(ct);
        if (members.Count == 0) return null;
        var ids = members.Select(m => m.Id).ToList();
        var population = (await db.ReferenceFigures.Where(f => f.Key == "befolkning" && ids.Contains(f.OrganisationId)).ToListAsync(ct))
            .GroupBy(f => f.OrganisationId).Select(g => g.OrderByDescending(f => f.Year).First()).ToList();
        var rural = await db.GroupMembers.Where(m => ids.Contains(m.OrganisationId) && m.Group!.GroupSet!.Key == GroupSets.KlSurveyGrupper && m.Group.Name == "Landkommuner")
            .Select(m => m.OrganisationId).ToListAsync(ct);
        var code = members.ToDictionary(m => m.Id, m => m.MunicipalityCode ?? 0);
        var sources = population.Select(p => $"{p.Source} ({p.Year})").Distinct();
        return new TownRural(population.ToDictionary(p => code[p.OrganisationId], p => p.Value), rural.Select(r => code[r]).ToHashSet(),
            members.ToDictionary(m => m.MunicipalityCode ?? 0, m => m.Name),
            $"befolkning: {string.Join("; ", sources)}; by/land: KL's kommunegruppe »Landkommuner« i reference/kommuner.csv (rammeaftalens bilag 1 findes ikke i bilagsmappen)");
    }
}
