using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Samraad.Features.Notifications;

namespace Samraad.IntegrationTests;

/// <summary>
/// Users per organisation through the pages and the API, with mail delivered to a real SMTP server on loopback:
/// invitation → own password → a colleague invited by the local administrator; reset by e-mail; deactivation; and
/// who may touch whose users.
/// </summary>
public class UserTests
{
    const string NewPassword = "Faxe-Kontakt-2026-a";

    /// <summary>The path of the one link in a message's text ("/invitation/…", "/nulstil-adgangskode/…").</summary>
    public static string LinkPath(MimeMessage m) => new Uri(Regex.Match(m.TextBody ?? "", @"http://127\.0\.0\.1:5080/\S+").Value).AbsolutePath;

    static async Task<HttpResponseMessage> Invite(HttpClient client, string org, string email, string name, string role) =>
        await client.PostAsync("/brugere/inviter", await TestApp.Form(client, "/brugere",
            new() { ["organisation"] = org, ["email"] = email, ["fullName"] = name, ["role"] = role }));

    static async Task<HttpResponseMessage> ChoosePassword(HttpClient client, string path, string password, string? repeat = null) =>
        await client.PostAsync(path, await TestApp.Form(client, path, new() { ["new"] = password, ["repeat"] = repeat ?? password }));

    [Theory, OnSqlite, OnPostgres]
    public async Task The_secretariat_invites_Faxe_whose_local_administrator_invites_a_colleague_and_no_one_else(Db db)
    {
        await using var smtp = new TestSmtp();
        await using var app = TestApp.Start(db, settings: smtp.Settings());
        await app.CreateUser("u-sek", Roles.Secretariat, "kkr-sjaelland");
        await app.CreateUser("u-koebenhavn", Roles.Respondent, "koebenhavn");
        var sek = await app.LoggedIn("u-sek");

        Assert.Contains("Faxe Kommune", Html.Text(await sek.GetStringAsync("/brugere"))); // a respondent of KKR Sjælland's collections
        var invited = await Invite(sek, "faxe", "Anne.Kontakt@Faxe.dk", "Anne Kontakt", Roles.LocalAdmin);
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Contains("Invitationen er sendt", Html.Text(await sek.GetStringAsync(invited.Headers.Location!.OriginalString)));

        var mail = Assert.Single(await smtp.WaitFor(1));
        Assert.Equal("anne.kontakt@faxe.dk", mail.To.Mailboxes.Single().Address);
        Assert.Equal("Du er inviteret til Samraad", mail.Subject);
        Assert.Contains("Kære Anne Kontakt", mail.TextBody);
        Assert.Contains("lokal administrator for Faxe Kommune", mail.TextBody);
        Assert.Contains("Vælg din adgangskode", mail.HtmlBody);
        var link = LinkPath(mail);
        Assert.StartsWith("/invitation/", link);

        // Another KKR is no respondent of the secretariat's to staff (not even when added to a draft).
        Assert.Equal(HttpStatusCode.Forbidden, (await Invite(sek, "kkr-hovedstaden", "x@kkr.dk", "X", Roles.Secretariat)).StatusCode);
        // Once delivered, the invitation's one-time link is gone from the database (only its hash stays).
        for (var i = 0; i < 100 && await app.WithDb(d => d.Outbox.AnyAsync(m => m.Link != null)); i++) await Task.Delay(50);
        Assert.False(await app.WithDb(d => d.Outbox.AnyAsync(m => m.Link != null || m.TextBody.Contains("/invitation/"))));

        // The same address again: refused by the field, nothing sent.
        var twice = await Invite(sek, "faxe", "anne.kontakt@faxe.dk", "Anne igen", Roles.Respondent);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("Der findes allerede en konto med den e-mailadresse", Html.Text(await twice.Content.ReadAsStringAsync()));
        var bad = await Invite(sek, "faxe", "ikke-en-adresse", "", "admin");
        var badText = Html.Text(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Skriv en e-mailadresse som navn@kommune.dk", badText);
        Assert.Contains("Skriv personens navn", badText);
        Assert.Contains("Vælg en af rollerne Besvarer og Lokal administrator", badText);

        // Anne chooses her password from the link (a mismatch first); the link works once.
        var anne = app.Client();
        Assert.Contains("Velkommen, Anne Kontakt", Html.Text(await anne.GetStringAsync(link)));
        var mismatch = await ChoosePassword(anne, link, NewPassword, NewPassword + "x");
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("Skriv den samme adgangskode to gange", Html.Text(await mismatch.Content.ReadAsStringAsync()));
        Assert.Equal("/log-ind?adgangskode=sat", (await ChoosePassword(anne, link, NewPassword)).Headers.Location!.OriginalString);
        var reused = await anne.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, reused.StatusCode);
        Assert.Contains("Linket er allerede brugt", Html.Text(await reused.Content.ReadAsStringAsync()));

        var faxeAdmin = await app.LoggedIn("anne.kontakt@faxe.dk", NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await Invite(faxeAdmin, "faxe", "bo@faxe.dk", "Bo Kollega", Roles.Respondent)).StatusCode);
        Assert.Equal(2, (await smtp.WaitFor(2)).Count);
        var list = Html.Text(await faxeAdmin.GetStringAsync("/brugere?organisation=faxe"));
        Assert.Contains("Bo Kollega", list);
        Assert.Contains("Inviteret", list);

        // Not København's: no page, no invitation, no change — by page and by API.
        Assert.Equal(HttpStatusCode.NotFound, (await faxeAdmin.GetAsync("/brugere?organisation=koebenhavn")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Invite(faxeAdmin, "koebenhavn", "x@kk.dk", "X", Roles.Respondent)).StatusCode);
        var kbh = await app.WithDb(d => d.Users.Where(u => u.UserName == "u-koebenhavn").Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await faxeAdmin.GetAsync("/brugere/" + kbh)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await faxeAdmin.PatchAsJsonAsync("/api/users/" + kbh, new { active = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await faxeAdmin.PostAsJsonAsync("/api/organisations/koebenhavn/users", new { email = "y@kk.dk", fullName = "Y", role = "respondent" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await faxeAdmin.GetAsync("/api/organisations/koebenhavn/users")).StatusCode);
        Assert.True(await app.WithDb(d => d.Users.Where(u => u.Id == kbh).Select(u => u.IsActive).SingleAsync()));

        // The API: invite (201), the list, a field error by name.
        var created = await faxeAdmin.PostAsJsonAsync("/api/organisations/faxe/users", new { email = "cecilie@faxe.dk", fullName = "Cecilie", role = "respondent" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("invited", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        var refused = await faxeAdmin.PostAsJsonAsync("/api/organisations/faxe/users", new { email = "cecilie@faxe.dk", fullName = "Cecilie", role = "respondent" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("email", out _));
        var users = await faxeAdmin.GetFromJsonAsync<JsonElement>("/api/organisations/faxe/users");
        Assert.Equal(3, users.EnumerateArray().Count(u => u.GetProperty("userName").GetString()!.EndsWith("@faxe.dk")));
        Assert.Equal(3, (await smtp.WaitFor(3)).Count);

        // The secretariat sees Faxe's users but does not change them; the local administrator does not change herself.
        var bo = await app.WithDb(d => d.Users.Where(u => u.UserName == "bo@faxe.dk").Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await sek.GetAsync("/brugere/" + bo)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sek.PatchAsJsonAsync("/api/users/" + bo, new { role = "lokaladmin" })).StatusCode);
        var anneId = await app.WithDb(d => d.Users.Where(u => u.UserName == "anne.kontakt@faxe.dk").Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await faxeAdmin.PatchAsJsonAsync("/api/users/" + anneId, new { active = false })).StatusCode);
        var promoted = await faxeAdmin.PatchAsJsonAsync("/api/users/" + bo, new { role = "lokaladmin" });
        Assert.Equal("lokaladmin", (await promoted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await faxeAdmin.PatchAsJsonAsync("/api/users/" + bo, new { role = "sekretariat" })).StatusCode);

        // An invitation link expires after 7 days.
        app.Clock.Now += TimeSpan.FromDays(8);
        var late = await app.Client().GetAsync(LinkPath((await smtp.WaitFor(3))[1]));
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        Assert.Contains("Invitationen er udløbet", Html.Text(await late.Content.ReadAsStringAsync()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_forgotten_password_is_reset_by_an_e_mailed_link_and_every_session_ends(Db db)
    {
        await using var smtp = new TestSmtp();
        await using var app = TestApp.Start(db, settings: smtp.Settings());
        await app.CreateUser("r-faxe", Roles.Respondent, "faxe");
        await app.WithDb(async d => { var u = await d.Users.SingleAsync(x => x.UserName == "r-faxe"); u.Email = "r@faxe.dk"; u.NormalizedEmail = "R@FAXE.DK"; return await d.SaveChangesAsync(); });
        var before = await app.LoggedIn("r-faxe");

        var anonymous = app.Client();
        async Task<string> Ask(string given)
        {
            var response = await anonymous.PostAsync("/glemt-adgangskode", await TestApp.Form(anonymous, "/glemt-adgangskode", new() { ["email"] = given }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Html.Text(await response.Content.ReadAsStringAsync());
        }
        var unknown = await Ask("ingen@nowhere.dk");
        Assert.Equal(unknown, await Ask("R@faxe.dk")); // the same answer whether there is an account or not
        var mail = Assert.Single(await smtp.WaitFor(1));
        Assert.Equal("Nulstil din adgangskode til Samraad", mail.Subject);
        Assert.Contains("r-faxe", mail.TextBody);
        var link = LinkPath(mail);
        Assert.True((await anonymous.GetAsync(link)).StatusCode == HttpStatusCode.OK, mail.TextBody);

        Assert.Contains("Adgangskoden skal være mindst 12 tegn", Html.Text(await (await ChoosePassword(anonymous, link, "kort")).Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await ChoosePassword(anonymous, link, NewPassword)).StatusCode);
        app.Clock.Now += TimeSpan.FromSeconds(1);
        Assert.StartsWith("/log-ind", (await before.GetAsync("/konto")).Headers.Location!.OriginalString); // the old session has ended
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.LoggedIn("r-faxe"));
        var after = await app.LoggedIn("r-faxe", NewPassword);
        var usedAgain = await anonymous.PostAsync(link, await TestApp.Form(anonymous, "/glemt-adgangskode", new() { ["new"] = NewPassword + "b", ["repeat"] = NewPassword + "b" }));
        Assert.Equal(HttpStatusCode.Conflict, usedAgain.StatusCode); // a link works once
        Assert.Contains("Linket er allerede brugt", Html.Text(await usedAgain.Content.ReadAsStringAsync()));

        // At most three links an hour (the first was one of them); the API answers 202 either way.
        for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/account/password-reset", new { emailOrUserName = "r-faxe" })).StatusCode);
        await Task.Delay(1500);
        Assert.Equal(3, (await smtp.WaitFor(4, seconds: 3)).Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsJsonAsync("/api/account/password-reset", new { emailOrUserName = "" })).StatusCode);
        // A reset link lives one hour.
        app.Clock.Now += TimeSpan.FromHours(2);
        Assert.Contains("Linket er udløbet", Html.Text(await (await anonymous.GetAsync(LinkPath(smtp.Received.Last()))).Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/konto")).StatusCode);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_deactivated_user_is_signed_out_at_once_and_cannot_sign_in_until_reactivated(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("d-admin", Roles.Admin, null);
        await app.CreateUser("d-faxe", Roles.Respondent, "faxe");
        var admin = await app.LoggedIn("d-admin");
        var user = await app.LoggedIn("d-faxe");
        var id = await app.WithDb(d => d.Users.Where(u => u.UserName == "d-faxe").Select(u => u.Id).SingleAsync());

        var page = Html.Text(await admin.GetStringAsync("/brugere/" + id));
        Assert.Contains("Logget ind", page); // the sign-in log
        Assert.Contains("Adgangskode", page);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/brugere/{id}/deaktiver", await TestApp.Form(admin, "/brugere/" + id, []))).StatusCode);
        app.Clock.Now += TimeSpan.FromSeconds(1);
        Assert.StartsWith("/log-ind", (await user.GetAsync("/")).Headers.Location!.OriginalString);

        async Task<string> SignIn(string password)
        {
            var c = app.Client();
            var r = await c.PostAsync("/log-ind", await TestApp.Form(c, "/log-ind", new() { ["username"] = "d-faxe", ["password"] = password }));
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            return Html.Text(await r.Content.ReadAsStringAsync());
        }
        Assert.Contains("Kontoen er deaktiveret", await SignIn(TestApp.Password));
        Assert.Contains("Brugernavn eller adgangskode er forkert", await SignIn("forkert-forkert")); // a stranger learns nothing
        Assert.Contains("Deaktiveret", Html.Text(await admin.GetStringAsync("/brugere/" + id)));
        Assert.Contains("Kontoen er deaktiveret", Html.Text(await admin.GetStringAsync("/brugere/" + id)));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/brugere/{id}/genaktiver", await TestApp.Form(admin, "/brugere/" + id, []))).StatusCode);
        await app.LoggedIn("d-faxe");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Mail_waits_while_the_SMTP_server_is_down_and_a_refused_address_is_marked_failed(Db db)
    {
        await using var smtp = new TestSmtp();
        await smtp.Stop();
        await using var app = TestApp.Start(db, settings: smtp.Settings());
        await app.CreateUser("m-sek", Roles.Secretariat, "kkr-sjaelland");
        var sek = await app.LoggedIn("m-sek");
        // The user's action is not held up by the mail server being down.
        Assert.Equal(HttpStatusCode.Redirect, (await Invite(sek, "faxe", "ventende@faxe.dk", "Ventende", Roles.Respondent)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Invite(sek, "greve", "afvist@greve.dk", "Afvist", Roles.Respondent)).StatusCode);

        async Task<OutboxMessage> Message(string to, Func<OutboxMessage, bool> until)
        {
            for (var i = 0; i < 200; i++)
            {
                var m = await app.WithDb(d => d.Outbox.AsNoTracking().SingleAsync(x => x.ToAddress == to));
                if (until(m)) return m;
                await Task.Delay(50);
            }
            throw new TimeoutException(to);
        }
        var waiting = await Message("ventende@faxe.dk", m => m.Attempts >= 1);
        await Message("afvist@greve.dk", m => m.Attempts >= 1); // both tried while the server was down (else the retry waits for the clock)
        Assert.Equal(DeliveryState.Queued, waiting.State);
        Assert.Contains("SMTP-serveren kunne ikke nås", waiting.LastError);
        Assert.Equal(app.Clock.Now.UtcDateTime + TimeSpan.FromMinutes(1), waiting.NextAttemptAt);

        smtp.Start();
        app.Clock.Now += TimeSpan.FromMinutes(2);
        var sent = await Message("ventende@faxe.dk", m => m.State == DeliveryState.Sent);
        Assert.Equal(2, sent.Attempts);
        var refused = await Message("afvist@greve.dk", m => m.State == DeliveryState.Failed);
        Assert.Contains("550", refused.LastError);
        await Task.Delay(1000);
        Assert.Single(smtp.Received, m => m.To.Mailboxes.Single().Address == "ventende@faxe.dk"); // once
        Assert.DoesNotContain(smtp.Received, m => m.To.Mailboxes.Single().Address == "afvist@greve.dk");
    }

    [Theory, OnSqlite]
    public async Task Without_an_SMTP_server_mail_is_written_as_eml_files_in_the_data_directory(Db db)
    {
        await using var app = TestApp.Start(db, settings: new Dictionary<string, string> { ["Samraad:Mail:PollSeconds"] = "0.2" });
        await app.CreateUser("e-sek", Roles.Secretariat, "kkr-sjaelland");
        var sek = await app.LoggedIn("e-sek");
        Assert.Equal(HttpStatusCode.Redirect, (await Invite(sek, "faxe", "fil@faxe.dk", "Fil <script>", Roles.Respondent)).StatusCode);
        var dir = Path.Combine(app.DataDir, "mail");
        for (var i = 0; i < 100 && !(Directory.Exists(dir) && Directory.GetFiles(dir, "*.eml").Length > 0); i++) await Task.Delay(50);
        var file = Assert.Single(Directory.GetFiles(dir, "*.eml"));
        if (!OperatingSystem.IsWindows()) // it holds a one-time link
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir));
        }
        var mail = await MimeMessage.LoadAsync(file);
        Assert.Equal("fil@faxe.dk", mail.To.Mailboxes.Single().Address);
        Assert.Contains("Kære Fil <script>", mail.TextBody);
        Assert.Contains("Kære Fil &lt;script&gt;", mail.HtmlBody); // encoded in the HTML body
        Assert.DoesNotContain("<script>", mail.HtmlBody);
    }
}
