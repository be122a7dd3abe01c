using Samraad.Data;
using Samraad.Features.Collections.Authoring;
using Samraad.Features.Notifications;

namespace Samraad.Features.Collections.Notices;

/// <summary>The number of respondents reminded and of messages queued by *Send påmindelse nu*.</summary>
public sealed record RemindersSentDto(int Organisations, int Messages);

/// <summary>The days before the deadline reminders go out on ("7, 1"; "" for none).</summary>
public sealed record ReminderDaysRequest(string? Days);

/// <summary>Reminders (days, *Send påmindelse nu*) and *Udsendte beskeder* of a collection: pages and API, for its secretariat.</summary>
public static class NoticePages
{
    public static void MapNoticePages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/indsamlinger/{slug}").RequireAuthorization().ExcludeFromDescription();
        pages.MapPost("/paamindelser", Reminders).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapGet("/beskeder", async (string slug, HttpContext http, AppDbContext db) =>
        {
            var (ctx, denied) = await AuthoringPages.Administered(http, db, slug);
            if (ctx is null) return denied!;
            return Html.Render<MessagesPage>(new
            {
                Subject = ctx.Collection.Title, Messages = await Messages(db, ctx.Collection.Id),
                Intro = "Invitationer, påmindelser, kvitteringer, meddelelser om genåbning og forlænget frist, anmodninger om genåbning og puljens afgørelser.",
                Breadcrumbs = (IReadOnlyList<(string, string)>)[("Indsamlinger", "/"), (ctx.Collection.Title, $"/indsamlinger/{ctx.Collection.Slug}")],
            });
        });

        var api = app.MapGroup("/api/collections/{slug}").RequireAuthorization().WithTags("Indsamlinger");
        api.MapPost("/reminders", async (string slug, HttpContext http, AppDbContext db, SendReminders send) =>
        {
            var (ctx, denied) = await AuthoringApi.Administered(http, db, slug);
            if (ctx is null) return denied!;
            var outcome = await send.Now(ctx, UserContext.From(http.User)!);
            return outcome.Ok ? Results.Ok(new RemindersSentDto(outcome.Value.Organisations, outcome.Value.Messages)) : ApiProblems.From(outcome);
        }).Documented<RemindersSentDto>("sendReminders", "Send påmindelse nu til de respondenter, der ikke har indsendt", 401, 403, 404, 409);
        api.MapPut("/reminder-days", async (string slug, ReminderDaysRequest? body, HttpContext http, AppDbContext db, ChangeReminderDays change) =>
        {
            var (ctx, denied) = await AuthoringApi.Administered(http, db, slug);
            if (ctx is null) return denied!;
            var outcome = await change.Handle(ctx, UserContext.From(http.User)!, body?.Days);
            return outcome.Ok ? Results.NoContent() : ApiProblems.From(outcome);
        }).DocumentedNoContent("changeReminderDays", "Dage før fristen, hvor der sendes påmindelser kl. 9 dansk tid (\"7, 1\"; tom for ingen)", 400, 401, 403, 404);
        api.MapGet("/messages", async (string slug, HttpContext http, AppDbContext db) =>
        {
            var (ctx, denied) = await AuthoringApi.Administered(http, db, slug);
            if (ctx is null) return denied!;
            return Results.Ok(await MessageDto.List(db, await Messages(db, ctx.Collection.Id)));
        }).Documented<List<MessageDto>>("listCollectionMessages", "Udsendte beskeder: hvem fik hvad, hvornår, og om det blev sendt", 401, 403, 404);
    }

    static Task<List<OutboxMessage>> Messages(AppDbContext db, int collectionId) =>
        MessageDto.Latest(db.Outbox.Where(m => m.CollectionId == collectionId));

    static async Task<IResult> Reminders(string slug, HttpContext http, AppDbContext db, SendReminders send, ChangeReminderDays change, TimeProvider clock)
    {
        var (ctx, denied) = await AuthoringPages.Administered(http, db, slug);
        if (ctx is null) return denied!;
        var f = await http.Request.ReadFormAsync();
        var user = UserContext.From(http.User)!;
        if (f["action"] == "send")
        {
            var sent = await send.Now(ctx, user);
            return await Html.From(sent, s => Results.Redirect($"/indsamlinger/{slug}?paamindet={s.Organisations}&beskeder={s.Messages}#paamindelser"),
                failed => AuthoringPages.CollectionPageAgain(db, ctx, clock, failed), errorKey: "reminderDays");
        }
        var outcome = await change.Handle(ctx, user, f["reminderDays"]);
        return await Html.From(outcome, _ => Results.Redirect($"/indsamlinger/{slug}?paamindelser=gemt#paamindelser"),
            failed => AuthoringPages.CollectionPageAgain(db, ctx, clock, failed, reminderDays: f["reminderDays"]), errorKey: "reminderDays");
    }
}
