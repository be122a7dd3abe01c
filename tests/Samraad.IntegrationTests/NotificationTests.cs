using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samraad.Features.Collections.Notices;

namespace Samraad.IntegrationTests;

/// <summary>
/// A collection's mail, end to end through a real SMTP server: the invitation on publishing, reminders at 9:00 Danish
/// time to those who have not submitted (once, even when asked twice), the receipt, an extended deadline, *Send
/// påmindelse nu*, a reopened response, and *Udsendte beskeder*.
/// </summary>
public class NotificationTests
{
    const string C = "/indsamlinger/klima-2027";

    static async Task<int> DueReminders(TestApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SendReminders>().Due();
    }

    static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public async Task Respondents_are_invited_reminded_once_at_nine_Danish_time_given_a_receipt_and_told_of_changes(Db db)
    {
        await using var smtp = new TestSmtp();
        await using var app = TestApp.Start(db, settings: smtp.Settings(new() { ["Samraad:Mail:ReminderSeconds"] = "0" }));
        await app.CreateUser("n-sek", Roles.Secretariat, "kkr-sjaelland", "sekretariat@kkr.dk");
        await app.CreateUser("n-faxe", Roles.Respondent, "faxe", "anne@faxe.dk");
        await app.CreateUser("n-faxe-admin", Roles.LocalAdmin, "faxe", "bo@faxe.dk", reminders: false);
        await app.CreateUser("n-greve", Roles.Respondent, "greve", "carl@greve.dk");
        var sek = await app.LoggedIn("n-sek");
        // The test packs hold an open collection with a December deadline: its reminders are not this test's.
        await app.WithDb(d => d.Collections.ExecuteUpdateAsync(s => s.SetProperty(c => c.ReminderDays, "")));

        // A draft with one question and two respondents; publishing it invites their users.
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.Post(sek, "/indsamlinger/ny", "/indsamlinger/ny", new()
            { ["title"] = "Klima 2027", ["slug"] = "klima-2027", ["opens"] = "30-11-2026 08.00", ["deadline"] = "10-12-2026 12.00" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.Post(sek, C + "/skema", C + "/skema", new() { ["action"] = "section-add", ["sectionTitle"] = "Plan" })).StatusCode);
        var add = C + "/skema/felter/ny?afsnit=plan";
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.Post(sek, add, add, new() { ["label"] = "Har kommunen en plan?", ["key"] = "plan", ["type"] = "yesNo", ["required"] = "true" })).StatusCode);
        foreach (var org in new[] { "faxe", "greve" })
            Assert.Equal(HttpStatusCode.Redirect, (await TestApp.Post(sek, C + "/respondenter", C + "/respondenter", new() { ["action"] = "add-one", ["organisation"] = org })).StatusCode);
        Assert.Empty(await smtp.WaitFor(1, seconds: 1)); // a draft tells nobody
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.Post(sek, C, C + "/status", new() { ["action"] = "publish" })).StatusCode);

        var invitations = await smtp.WaitFor(3);
        Assert.Equal(["anne@faxe.dk", "bo@faxe.dk", "carl@greve.dk"], invitations.Select(m => m.To.Mailboxes.Single().Address).Order());
        var anne = invitations.Single(m => m.To.Mailboxes.Single().Address == "anne@faxe.dk");
        Assert.Equal("Ny indsamling: Klima 2027", anne.Subject);
        Assert.Contains("KKR Sjælland beder Faxe Kommune om at besvare »Klima 2027«", anne.TextBody);
        Assert.Contains("fristen er 10. december 2026 kl. 12.00", anne.TextBody);
        Assert.Contains("http://127.0.0.1:5080/indsamlinger/klima-2027/besvarelser/faxe", anne.TextBody);
        Assert.Equal("da", anne.Body!.Headers["Content-Language"]);

        // The 7-day reminder: 3 December 09:00 Copenhagen time (08:00 UTC in winter), not a minute before; once.
        Assert.Equal(0, await DueReminders(app));
        app.Clock.Now = Utc(12, 3, 7, 59);
        Assert.Equal(0, await DueReminders(app));
        app.Clock.Now = Utc(12, 3, 8, 0);
        Assert.Equal(2, await DueReminders(app)); // Anne and Carl; Bo has turned reminders off
        Assert.Equal(0, await DueReminders(app));
        var reminders = (await smtp.WaitFor(5)).Skip(3).ToList();
        Assert.Equal(["anne@faxe.dk", "carl@greve.dk"], reminders.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(reminders, m => Assert.StartsWith("Påmindelse: Klima 2027 – frist 10. december 2026", m.Subject));

        // Faxe submits: the receipt goes to the one who pressed Indsend. (Sessions last 8 hours: sign in again on the new day.)
        sek = await app.LoggedIn("n-sek");
        var faxe = await app.LoggedIn("n-faxe");
        Assert.Equal(HttpStatusCode.OK, (await faxe.PostAsJsonAsync("/api/collections/klima-2027/responses/faxe/submit", new { answers = new { plan = "ja" } })).StatusCode);
        var receipt = (await smtp.WaitFor(6))[5];
        Assert.Equal("anne@faxe.dk", receipt.To.Mailboxes.Single().Address);
        Assert.StartsWith("Kvittering ", receipt.Subject);
        Assert.Contains("Faxe Kommunes besvarelse af »Klima 2027« er indsendt", receipt.TextBody);

        // Greve's deadline is extended: Greve is told why; its reminders follow the new deadline; Faxe (submitted) gets none.
        Assert.Equal(HttpStatusCode.OK, (await sek.PutAsJsonAsync("/api/collections/klima-2027/respondents/greve/deadline", new { deadline = "15-12-2026 12.00", reason = "Sygdom i forvaltningen" })).StatusCode);
        var extended = (await smtp.WaitFor(7))[6];
        Assert.Equal("Fristen er forlænget: Klima 2027", extended.Subject);
        Assert.Contains("Begrundelse: Sygdom i forvaltningen", extended.TextBody);
        Assert.Contains("15. december 2026 kl. 12.00", extended.TextBody);
        app.Clock.Now = Utc(12, 9, 8, 0);
        Assert.Equal(1, await DueReminders(app)); // Greve's 7-day reminder for 15 December
        Assert.Equal(0, await DueReminders(app));
        sek = await app.LoggedIn("n-sek");
        faxe = await app.LoggedIn("n-faxe");

        // Send påmindelse nu: to the one still missing.
        var now = await sek.PostAsync("/api/collections/klima-2027/reminders", null);
        Assert.Equal(1, (await now.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("organisations").GetInt32());
        var page = await TestApp.Post(sek, C, C + "/paamindelser", new() { ["action"] = "send" });
        Assert.Contains("Påmindelsen er sendt til 1 respondent (1 modtager)", Html.Text(await sek.GetStringAsync(page.Headers.Location!.OriginalString)));

        // Anmod om genåbning: a reason is required; the secretariat is told once, with the reason and a link; the
        // request shows on the collection and the response; only Faxe's own users can ask, and only once.
        var response = C + "/besvarelser/faxe";
        var empty = await TestApp.Post(faxe, response, response + "/anmod-om-genaabning", new() { ["reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Skriv hvad der skal rettes, og hvorfor", Html.Text(await empty.Content.ReadAsStringAsync()));
        var greve = await app.LoggedIn("n-greve");
        Assert.Equal(HttpStatusCode.Forbidden, (await greve.PostAsJsonAsync("/api/collections/klima-2027/responses/faxe/reopen-request", new { reason = "Forkert tal" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sek.PostAsJsonAsync("/api/collections/klima-2027/responses/faxe/reopen-request", new { reason = "Forkert tal" })).StatusCode);
        var asked = await TestApp.Post(faxe, response, response + "/anmod-om-genaabning", new() { ["reason"] = "Planen er <vedtaget> siden" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Contains("Anmodningen er sendt", Html.Text(await faxe.GetStringAsync(asked.Headers.Location!.OriginalString)));
        var request = (await smtp.WaitFor(11))[10];
        Assert.Equal("sekretariat@kkr.dk", request.To.Mailboxes.Single().Address);
        Assert.Equal("Anmodning om genåbning: Faxe Kommune – Klima 2027", request.Subject);
        Assert.Contains("Begrundelse: Planen er <vedtaget> siden", request.TextBody);
        Assert.Contains("Planen er &lt;vedtaget&gt; siden", request.HtmlBody);
        Assert.Contains("http://127.0.0.1:5080/indsamlinger/klima-2027/besvarelser/faxe#genaabn", request.TextBody);
        var again = await faxe.PostAsJsonAsync("/api/collections/klima-2027/responses/faxe/reopen-request", new { reason = "Igen" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("allerede anmodet om genåbning", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Contains("Anmodninger om genåbning Faxe Kommune", Html.Text(await sek.GetStringAsync(C)));
        Assert.Contains("har anmodet om genåbning", Html.Text(await sek.GetStringAsync(response)));
        var json = await faxe.GetFromJsonAsync<JsonElement>("/api/collections/klima-2027/responses/faxe");
        Assert.Equal("Planen er <vedtaget> siden", json.GetProperty("reopenRequest").GetProperty("reason").GetString());

        // Faxe's response reopened: both Faxe users are told why (reminders off is not notices off); the request is answered.
        Assert.Equal(HttpStatusCode.NoContent, (await sek.PostAsJsonAsync("/api/collections/klima-2027/responses/faxe/reopen", new { reason = "Tallet for 2026 mangler" })).StatusCode);
        var all = await smtp.WaitFor(13);
        Assert.Equal(13, all.Count);
        Assert.All(all.Skip(11), m => Assert.Contains("Begrundelse: Tallet for 2026 mangler", m.TextBody));
        Assert.Equal(JsonValueKind.Null, (await faxe.GetFromJsonAsync<JsonElement>("/api/collections/klima-2027/responses/faxe")).GetProperty("reopenRequest").ValueKind);
        Assert.DoesNotContain("Anmodninger om genåbning", Html.Text(await sek.GetStringAsync(C)));

        // No reminder after the deadline; Udsendte beskeder lists every message as sent.
        app.Clock.Now = Utc(12, 16, 8, 0);
        Assert.Equal(0, await DueReminders(app));
        sek = await app.LoggedIn("n-sek");
        faxe = await app.LoggedIn("n-faxe");
        await Task.Delay(500);
        Assert.Equal(13, smtp.Received.Count);
        var messages = await sek.GetFromJsonAsync<JsonElement>("/api/collections/klima-2027/messages");
        Assert.Equal(13, messages.GetArrayLength());
        Assert.All(messages.EnumerateArray(), m => Assert.Equal("Sent", m.GetProperty("state").GetString()));
        var list = Html.Text(await sek.GetStringAsync(C + "/beskeder"));
        Assert.Contains("carl@greve.dk", list);
        Assert.Contains("Påmindelse", list);
        Assert.Contains("Kvittering", list);
        Assert.Contains("Kvittering", Html.Text(await faxe.GetStringAsync("/konto")));
    }

    [Theory, OnSqlite]
    public async Task A_user_who_turns_notices_off_gets_no_invitation_but_still_the_receipt(Db db)
    {
        await using var smtp = new TestSmtp();
        await using var app = TestApp.Start(db, settings: smtp.Settings(new() { ["Samraad:Mail:ReminderSeconds"] = "0" }));
        await app.CreateUser("o-faxe", Roles.Respondent, "faxe", "o@faxe.dk");
        var faxe = await app.LoggedIn("o-faxe");
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.Post(faxe, "/konto", "/konto/beskeder", new() { ["reminders"] = "true" })).StatusCode);
        var user = await app.WithDb(d => d.Users.AsNoTracking().SingleAsync(u => u.UserName == "o-faxe"));
        Assert.True(user.WantsReminders);
        Assert.False(user.WantsNotices);
        Assert.Equal(HttpStatusCode.NoContent, (await faxe.PutAsJsonAsync("/api/account/notifications", new { reminders = false, notices = false })).StatusCode);
        Assert.False(await app.WithDb(d => d.Users.Where(u => u.UserName == "o-faxe").Select(u => u.WantsReminders).SingleAsync()));
        Assert.Contains("Dine valg om e-mails er gemt", Html.Text(await faxe.GetStringAsync("/konto?beskeder=1")));
        Assert.Equal(0, await app.WithDb(d => d.Outbox.CountAsync()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Members_get_the_packet_notice_and_the_minutes_and_a_task_owner_the_task_and_its_reminders(Db db)
    {
        await using var smtp = new TestSmtp();
        await using var app = TestApp.Start(db, settings: smtp.Settings(new() { ["Samraad:Mail:ReminderSeconds"] = "0" }));
        await app.WithDb(d => d.Collections.ExecuteUpdateAsync(s => s.SetProperty(c => c.ReminderDays, "")));
        await app.CreateUser("m-sek", Roles.Secretariat, "kkr-sjaelland", "sekretariat@kkr.dk");
        await app.CreateUser("m-mette", Roles.Reader, "kkr-sjaelland", "mette@kkr.dk");
        await app.CreateUser("m-hovedstaden", Roles.Reader, "kkr-hovedstaden", "hans@kkr-h.dk"); // another body's member: nothing
        await app.CreateUser("m-faxe", Roles.Respondent, "faxe", "anne@faxe.dk");
        var sek = await app.LoggedIn("m-sek");
        const string Meeting = "/moeder/" + MeetingTests.Slug, Minutes = Meeting + "/referat";
        var link = "http://127.0.0.1:5080" + Meeting;

        // The agenda published: the body's members get the packet notice with a link.
        Assert.Equal(HttpStatusCode.Redirect, (await MeetingTests.Publish(sek)).StatusCode);
        var agenda = (await smtp.WaitFor(1)).Single();
        Assert.Equal("mette@kkr.dk", agenda.To.Mailboxes.Single().Address);
        Assert.StartsWith("Dagsorden: ", agenda.Subject);
        Assert.Matches(@"er offentliggjort med \d+ sider i dagsordenspakken", agenda.TextBody);
        Assert.Contains(link, agenda.TextBody);

        // A task for Faxe: Faxe's staff are told what, by when, from which meeting and item (the text encoded in HTML).
        var task = await sek.PostAsync($"{Minutes}/punkter/2.7/opgaver", await TestApp.Form(sek, Minutes, new()
            { ["taskText"] = "Indsend tal for <botilbud>", ["taskOwner"] = "faxe", ["taskPerson"] = "", ["taskDue"] = "14-12-2026" }));
        Assert.Equal(HttpStatusCode.Redirect, task.StatusCode);
        var assigned = (await smtp.WaitFor(2))[1];
        Assert.Equal("anne@faxe.dk", assigned.To.Mailboxes.Single().Address);
        Assert.Equal("Ny opgave fra KKR Sjælland: frist 14. december 2026", assigned.Subject);
        Assert.Contains("punkt 2.7", assigned.TextBody);
        Assert.Contains("Indsend tal for <botilbud>", assigned.TextBody);
        Assert.Contains("Indsend tal for &lt;botilbud&gt;", assigned.HtmlBody);
        Assert.Contains("http://127.0.0.1:5080/opgaver", assigned.TextBody);

        // The minutes approved: the members are told.
        await app.WithDb(d => d.AgendaItems.ExecuteUpdateAsync(s => s.SetProperty(i => i.Outcome, Features.Meetings.DecisionOutcome.Noted)));
        Assert.Equal(HttpStatusCode.Redirect, (await sek.PostAsync(Minutes + "/afholdt", await TestApp.Form(sek, Minutes, new()))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sek.PostAsync(Minutes + "/godkend", await TestApp.Form(sek, Minutes, new()))).StatusCode);
        var approved = (await smtp.WaitFor(3))[2];
        Assert.Equal("mette@kkr.dk", approved.To.Mailboxes.Single().Address);
        Assert.StartsWith("Referatet er godkendt: ", approved.Subject);
        Assert.Contains(link + "/referat.pdf", approved.TextBody);
        var mette = await app.LoggedIn("m-mette");
        Assert.Equal("application/pdf", (await mette.GetAsync(Meeting + "/referat.pdf")).Content.Headers.ContentType!.MediaType); // the link works for the member

        // The task's reminders: a week before the due date and on the day, at 9:00 Danish time, once each.
        async Task<int> Due() { using var scope = app.Services.CreateScope(); return await scope.ServiceProvider.GetRequiredService<Features.Meetings.Notices.SendTaskReminders>().Due(); }
        Assert.Equal(0, await Due());
        app.Clock.Now = Utc(12, 7, 7, 59);
        Assert.Equal(0, await Due());
        app.Clock.Now = Utc(12, 7, 8, 0);
        Assert.Equal(1, await Due());
        Assert.Equal(0, await Due());
        app.Clock.Now = Utc(12, 14, 8, 30);
        Assert.Equal(1, await Due());
        app.Clock.Now = Utc(12, 15, 8, 0);
        Assert.Equal(0, await Due());
        var reminders = (await smtp.WaitFor(5)).Skip(3).ToList();
        Assert.All(reminders, m => Assert.Equal("Påmindelse: opgave fra KKR Sjælland – frist 14. december 2026", m.Subject));
        Assert.Contains("(i dag)", reminders[1].TextBody);

        // Udsendte beskeder for the meeting, page and API, for its secretariat only.
        sek = await app.LoggedIn("m-sek");
        await Task.Delay(300);
        Assert.Equal(5, smtp.Received.Count);
        var messages = await sek.GetFromJsonAsync<JsonElement>($"/api/meetings/{MeetingTests.Slug}/messages");
        Assert.Equal(5, messages.GetArrayLength());
        Assert.Equal(["agenda-published", "minutes-approved", "task-assigned", "task-due", "task-due"], messages.EnumerateArray().Select(m => m.GetProperty("kind").GetString()).Order());
        var page = Html.Text(await sek.GetStringAsync(Meeting + "/beskeder"));
        Assert.Contains("mette@kkr.dk", page);
        Assert.Contains("Påmindelse om opgave", page);
        var faxe = await app.LoggedIn("m-faxe");
        Assert.Equal(HttpStatusCode.Forbidden, (await faxe.GetAsync($"/api/meetings/{MeetingTests.Slug}/messages")).StatusCode);
    }
}
