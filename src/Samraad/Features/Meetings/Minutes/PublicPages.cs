using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Meetings.Pages;

namespace Samraad.Features.Meetings;

/// <summary>Pages anyone may open: the published agendas and the public decision record.</summary>
public static class PublicPages
{
    public static void MapPublicPages(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("").ExcludeFromDescription();
        open.MapGet("/offentlig", async (AppDbContext db) => Html.Render<PublicIndexPage>(new
        {
            Meetings = await db.Meetings.Include(m => m.Body).Where(m => m.Status != MeetingStatus.Draft).OrderByDescending(m => m.StartsAtUtc).ToListAsync(),
        }));
        // A meeting whose agenda was never published does not exist for the public, not even its title.
        open.MapGet("/offentlig/moeder/{slug}", async (string slug, AppDbContext db) =>
            await MeetingContext.Load(db, slug) is { Latest: not null } ctx ? Html.Render<PublicMeetingPage>(new { Ctx = ctx }) : Html.NotFound("Mødet"));
    }
}
