using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Documents;
using Samraad.Features.Contracts.Pages;

namespace Samraad.Features.Contracts;

/// <summary>A contract's half-yearly status report as a live attachment.</summary>
public sealed class ContractStatusSource(AppDbContext db, HtmlDocuments html) : ILiveSource
{
    public string Kind => "contract-status";

    public async Task<IReadOnlyList<LiveSourceOption>> Options(UserContext user, CancellationToken ct = default) =>
        (await db.Contracts.OrderBy(c => c.Title).ToListAsync(ct)).Where(c => Access.CanAdminister(user, c.OwnerOrganisationId))
            .Select(c => new LiveSourceOption($"{Kind}:{c.Slug}", $"Statusrapport: {c.Title}")).ToList();

    public async Task<LiveFragment?> Render(string slug, CancellationToken ct = default)
    {
        if (await ContractContext.Load(db, slug, ct) is not { } contract) return null;
        var title = $"Statusrapport: {contract.Contract.Title}";
        return new(title, await html.Fragment<ContractStatusView>(new Dictionary<string, object?> { ["R"] = await contract.Report(db, ct), ["Heading"] = title }));
    }
}
