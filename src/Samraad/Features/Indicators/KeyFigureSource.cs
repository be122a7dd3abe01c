using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Documents;
using Samraad.Features.Indicators.Pages;

namespace Samraad.Features.Indicators;

/// <summary>A key figure set with its indicators and checks as a live attachment.</summary>
public sealed class KeyFigureSource(AppDbContext db, HtmlDocuments html) : ILiveSource
{
    public string Kind => "keyfigures";

    public async Task<IReadOnlyList<LiveSourceOption>> Options(UserContext user, CancellationToken ct = default) =>
        (await db.KeyFigureSets.OrderBy(s => s.Title).ToListAsync(ct)).Where(s => Access.CanAdminister(user, s.OwnerOrganisationId))
            .Select(s => new LiveSourceOption($"{Kind}:{s.Slug}", $"Nøgletal og indikatorer: {s.Title}")).ToList();

    public async Task<LiveFragment?> Render(string slug, CancellationToken ct = default)
    {
        if (await KeyFigureContext.Load(db, slug, ct) is not { } set) return null;
        return new($"Nøgletal og indikatorer: {set.Set.Title}",
            await html.Fragment<KeyFigureDocument>(new Dictionary<string, object?> { ["R"] = await set.Report(db, set.Reporters, ct) }));
    }
}
