using Samraad.Data;
using Samraad.Features.Notifications;

namespace Samraad.Features.Meetings.Notices;

/// <summary>*Udsendte beskeder* of a meeting (packet notices, minutes, tasks): page and API, for its secretariat.</summary>
public static class MeetingNoticePages
{
    public static void MapMeetingNoticePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/moeder/{slug}/beskeder", async (string slug, HttpContext http, AppDbContext db) =>
        {
            var (ctx, denied) = await MeetingPages.Administered(http, db, slug);
            if (ctx is null) return denied!;
            return Html.Render<MessagesPage>(new
            {
                Subject = $"{ctx.Meeting.Title}, {DanishTime.Date(ctx.Meeting.StartsAtUtc)}", Messages = await Messages(db, ctx.Meeting.Id),
                Intro = "Meddelelser til rådets medlemmer om dagsordenen og det godkendte referat, og til de ansvarlige om opfølgningsopgaver og deres frister.",
                Breadcrumbs = (IReadOnlyList<(string, string)>)[("Møder", "/moeder"), (ctx.Meeting.Title, $"/moeder/{ctx.Meeting.Slug}")],
            });
        }).RequireAuthorization().ExcludeFromDescription();

        app.MapGet("/api/meetings/{slug}/messages", async (string slug, HttpContext http, AppDbContext db) =>
        {
            var (ctx, denied) = await Guard.Api(MeetingContext.Load(db, slug), "Mødet findes ikke.", m => m.CanAdminister(UserContext.From(http.User)),
                "Kun mødets sekretariat kan se de udsendte beskeder.");
            if (ctx is null) return denied!;
            return Results.Ok(await MessageDto.List(db, await Messages(db, ctx.Meeting.Id)));
        }).RequireAuthorization().WithTags("Møder")
            .Documented<List<MessageDto>>("listMeetingMessages", "Udsendte beskeder om mødet: hvem fik hvad, hvornår, og om det blev sendt", 401, 403, 404);
    }

    static Task<List<OutboxMessage>> Messages(AppDbContext db, int meetingId) => MessageDto.Latest(db.Outbox.Where(m => m.MeetingId == meetingId));
}
