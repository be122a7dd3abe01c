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
        // A body's meetings as a calendar to subscribe to: public, because calendar apps cannot sign in, and so only
        // what the public pages show (title, time, place, a link), never a draft.
        open.MapGet("/offentlig/kalender/{body}.ics", async (string body, AppDbContext db, SamraadOptions options, TimeProvider clock) =>
        {
            var found = await db.Bodies.FirstOrDefaultAsync(b => b.Slug == body);
            if (found is null) return Html.NotFound("Kalenderen");
            var meetings = await db.Meetings.Where(m => m.BodyId == found.Id && m.Status != MeetingStatus.Draft).OrderBy(m => m.StartsAtUtc)
                .Select(m => new { m.Slug, m.Title, m.StartsAtUtc, m.Place, Changed = db.Publications.Where(p => p.MeetingId == m.Id).Max(p => (DateTime?)p.PublishedAtUtc) }).ToListAsync();
            var feed = Samraad.Documents.ICalendar.Write($"{found.Name}: møder", meetings.Select(m => new Samraad.Documents.ICalendar.Event(
                $"{m.Slug}@samraad", m.StartsAtUtc, m.StartsAtUtc.Add(MeetingLength), new Meeting { Title = m.Title, Body = found }.FullTitle, m.Place,
                $"Dagsorden og beslutninger: {options.PublicBaseUrl}/offentlig/moeder/{m.Slug}", $"{options.PublicBaseUrl}/offentlig/moeder/{m.Slug}",
                m.Changed ?? m.StartsAtUtc)), clock.GetUtcNow().UtcDateTime);
            return Results.Text(feed, "text/calendar; charset=utf-8");
        });
    }

    /// <summary>A meeting has a start but no stored end; calendars show it as two hours, the usual length of a KKR meeting.</summary>
    static readonly TimeSpan MeetingLength = TimeSpan.FromHours(2);
}
