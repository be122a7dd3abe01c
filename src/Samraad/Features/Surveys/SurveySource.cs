using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Documents;
using Samraad.Features.Surveys.Pages;

namespace Samraad.Features.Surveys;

/// <summary>A survey's tables and charts as a live attachment.</summary>
public sealed class SurveySource(AppDbContext db, HtmlDocuments html) : ILiveSource
{
    public string Kind => "survey";

    public async Task<IReadOnlyList<LiveSourceOption>> Options(UserContext user, CancellationToken ct = default) =>
        (await db.Surveys.OrderBy(s => s.Title).ToListAsync(ct)).Where(s => Access.CanAdminister(user, s.OwnerOrganisationId))
            .Select(s => new LiveSourceOption($"{Kind}:{s.Slug}", $"Undersøgelse: {s.Title}")).ToList();

    public async Task<LiveFragment?> Render(string slug, CancellationToken ct = default)
    {
        if (await SurveyContext.Load(db, slug, ct) is not { } survey) return null;
        return new($"Undersøgelse: {survey.Survey.Title}",
            await html.Fragment<SurveyDocument>(new Dictionary<string, object?> { ["R"] = await ComputeSurveyReport.Handle(db, survey, ct) }));
    }
}
