using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Surveys;

/// <summary>The surveys the user may read, with their respondents and how many printed figures disagree.</summary>
public sealed class ListSurveys(AppDbContext db)
{
    public async Task<Outcome<IReadOnlyList<SurveyItemDto>>> Handle(UserContext user, CancellationToken ct = default)
    {
        var items = new List<SurveyItemDto>();
        foreach (var s in await db.Surveys.AsNoTracking().OrderBy(s => s.Title).ToListAsync(ct))
        {
            var ctx = new SurveyContext(s, s.Definition());
            if (!ctx.CanRead(user)) continue;
            var r = await ComputeSurveyReport.Handle(db, ctx);
            items.Add(new(s.Slug, s.Title, r.Respondents, r.PrintedChecked == 0 ? "ingen trykte tal" : $"{r.Discrepancies.Count} af {r.PrintedChecked} trykte tal"));
        }
        return Outcome<IReadOnlyList<SurveyItemDto>>.Success(items);
    }
}
