using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections.Authoring;

namespace Samraad.Features.Collections.Notices;

/// <summary>The number of respondents reminded and of messages queued by *Send påmindelse nu*.</summary>
public sealed record RemindersSentDto(int Organisations, int Messages);

/// <summary>The days before the deadline reminders go out on ("7, 1"; "" for none).</summary>
public sealed record ReminderDaysRequest(string? Days);

/// <summary>A message as *Udsendte beskeder* shows it. State: Queued, Sent or Failed.</summary>
public sealed record MessageDto(long Id, DateTime QueuedAtUtc, string Kind, string To, string ToName, string? Organisation, string Subject,
    string State, int Attempts, string? LastError, DateTime? SentAtUtc);

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
            return Html.Render<CollectionMessagesPage>(new { Ctx = ctx, Messages = await Messages(db, ctx.Collection.Id) });
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
            var orgs = ctx.Memberships.ToDictionary(m => m.OrganisationId, m => m.Organisation!.Slug);
            return Results.Ok((await Messages(db, ctx.Collection.Id)).Select(m => new MessageDto(m.Id, m.CreatedAt, m.Kind, m.ToAddress, m.ToName,
                m.OrganisationId is int o ? orgs.GetValueOrDefault(o) : null, m.Subject, m.State.ToString(), m.Attempts, m.LastError, m.SentAt)).ToList());
        }).Documented<List<MessageDto>>("listCollectionMessages", "Udsendte beskeder: hvem fik hvad, hvornår, og om det blev sendt", 401, 403, 404);
    }

    static Task<List<Notifications.OutboxMessage>> Messages(AppDbContext db, int collectionId) =>
        db.Outbox.AsNoTracking().Where(m => m.CollectionId == collectionId).OrderByDescending(m => m.Id).Take(2000).ToListAsync();

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
