using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Samraad.IntegrationTests;

public class SecurityTests
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        var client = app.Client();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsync("/log-ind", await TestApp.Form(client, "/log-ind", new() { ["username"] = "faxe-bruger", ["password"] = "forkert-forkert" }));
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        var right = await client.PostAsync("/log-ind", await TestApp.Form(client, "/log-ind", new() { ["username"] = "faxe-bruger", ["password"] = TestApp.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("Kontoen er spærret i 15 minutter", await right.Content.ReadAsStringAsync());
        var api = await app.Client().PostAsJsonAsync("/api/session", new { userName = "faxe-bruger", password = TestApp.Password });
        Assert.Equal((HttpStatusCode)429, api.StatusCode);
    }

    [Fact]
    public async Task A_name_that_does_not_exist_is_locked_the_same_way_so_lockout_does_not_reveal_accounts()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        async Task<List<string>> Tries(string name)
        {
            var client = app.Client();
            var messages = new List<string>();
            for (var i = 0; i < 6; i++)
            {
                var r = await client.PostAsync("/log-ind", await TestApp.Form(client, "/log-ind", new() { ["username"] = name, ["password"] = "forkert-forkert" }));
                Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
                messages.Add(await r.Content.ReadAsStringAsync() is var body && body.Contains("Kontoen er spærret") ? "spærret" : "forkert");
            }
            return messages;
        }
        var real = await Tries("faxe-bruger");
        Assert.Equal(real, await Tries("findes-ikke"));
        Assert.Equal("spærret", real[^1]);
        var api = await app.Client().PostAsJsonAsync("/api/session", new { userName = "findes-ikke", password = "forkert-forkert" });
        Assert.Equal((HttpStatusCode)429, api.StatusCode);
        // That it passes after the window: Samraad.Tests.LockoutTests (the rate limiter keeps real time, not the test clock).
    }

    [Fact]
    public async Task Passwords_are_stored_hashed()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        var hash = await app.WithDb(d => Task.FromResult(d.Users.Single(u => u.UserName == "faxe-bruger").PasswordHash!));
        Assert.DoesNotContain(TestApp.Password, hash);
        Assert.True(Convert.FromBase64String(hash).Length > 32);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        var client = await app.LoggedIn("faxe-bruger");
        var post = await client.PostAsync("/indsamlinger/akutfunktioner-2024/besvarelser/faxe",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["iv.udfoeres"] = "nej", ["action"] = "save" }));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("Formularen kunne ikke modtages", await post.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/\tevil")]
    [InlineData("/\t/evil.example/")]        // what ?returnUrl=/%09/evil.example/ decodes to: a browser drops the tab
    [InlineData("/\\evil.example")]
    [InlineData("/x\ny")]                    // a newline cannot go into a header (it gave a 500)
    [InlineData("/x\u3000y")]                // nor a non-ASCII space
    [InlineData("https://evil.example/")]
    public async Task The_login_page_never_redirects_off_site(string returnUrl)
    {
        await using var app = TestApp.Start(Db.Sqlite);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        var client = app.Client();
        var response = await client.PostAsync("/log-ind", await TestApp.Form(client, "/log-ind",
            new() { ["username"] = "faxe-bruger", ["password"] = TestApp.Password, ["returnUrl"] = returnUrl }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.ToString());
        var page = await app.Client().GetAsync("/log-ind?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("name=\"returnUrl\" value=\"/\"", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_log_in_redirect_stays_on_this_site_whatever_the_Host_header_says()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        var request = new HttpRequestMessage(HttpMethod.Get, "/indsamlinger/akutfunktioner-2024");
        request.Headers.Host = "evil.example";
        var response = await app.Client().SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.Location!.IsAbsoluteUri, response.Headers.Location.ToString());
        Assert.StartsWith("/log-ind?", response.Headers.Location.OriginalString);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Logging_out_ends_every_session_of_the_account(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        var laptop = await app.LoggedIn("faxe-bruger");
        var phone = await app.LoggedIn("faxe-bruger");
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/collections")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await laptop.DeleteAsync("/api/session")).StatusCode);
        app.Clock.Now += TimeSpan.FromSeconds(1); // the stamp is checked on every request after the one that issued the cookie
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/collections")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.LoggedIn("faxe-bruger")).GetAsync("/api/collections")).StatusCode);
    }

    [Fact]
    public async Task A_flood_of_log_in_attempts_from_one_address_is_stopped_with_429()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        var client = app.Client();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < Samraad.Auth.AuthFeature.LoginsPerMinute + 5; i++)
            codes.Add((await client.PostAsJsonAsync("/api/session", new { userName = $"gaet-{i}", password = "forkert" })).StatusCode);
        Assert.All(codes.Take(Samraad.Auth.AuthFeature.LoginsPerMinute), c => Assert.Equal(HttpStatusCode.BadRequest, c));
        Assert.All(codes.Skip(Samraad.Auth.AuthFeature.LoginsPerMinute), c => Assert.Equal(HttpStatusCode.TooManyRequests, c));
        var refused = await client.PostAsJsonAsync("/api/session", new { userName = "x", password = "y" });
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Contains("For mange forsøg", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Behind_a_proxy_on_this_machine_cookies_are_Secure_for_HTTPS_and_the_client_is_the_forwarded_one()
    {
        await using var app = TestApp.Start(Db.Sqlite, kestrel: true);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Services
            .GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First()) };
        async Task<HttpResponseMessage> LogIn(string? proto, string? client = null, string user = "faxe-bruger")
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/session") { Content = JsonContent.Create(new { userName = user, password = TestApp.Password }) };
            if (proto is not null) request.Headers.Add("X-Forwarded-Proto", proto);
            if (client is not null) request.Headers.Add("X-Forwarded-For", client);
            return await http.SendAsync(request);
        }
        var viaHttps = await LogIn("https");
        Assert.Equal(HttpStatusCode.NoContent, viaHttps.StatusCode);
        Assert.Contains("secure", string.Join(";", viaHttps.Headers.GetValues("Set-Cookie")).ToLowerInvariant());
        var plain = await LogIn(null);
        Assert.DoesNotContain("secure", string.Join(";", plain.Headers.GetValues("Set-Cookie")).ToLowerInvariant());
        // The log-in limit counts the forwarded client, not the proxy: many users behind one proxy are not one user.
        for (var i = 0; i < Samraad.Auth.AuthFeature.LoginsPerMinute + 5; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await LogIn("https", $"10.0.{i / 200}.{i % 200 + 1}", $"findes-ikke-{i}")).StatusCode);
    }

    [Fact]
    public async Task A_huge_user_name_is_refused_before_anything_is_looked_up()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        var long300 = await app.Client().PostAsJsonAsync("/api/session", new { userName = new string('a', 300), password = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, long300.StatusCode);
        var problem = await long300.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Brugernavnet må højst være 256 tegn", problem.GetProperty("errors").GetProperty("username")[0].GetString());
        // The body limit is the server's (Kestrel's), as in production: a megabyte of name is not even read.
        await using var served = TestApp.Start(Db.Sqlite, kestrel: true);
        using var http = new HttpClient { BaseAddress = new Uri(served.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First()) };
        var megabyte = await http.PostAsJsonAsync("/api/session", new { userName = new string('a', 1_000_000), password = "x" });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, megabyte.StatusCode);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Answers_are_encoded_in_pages_and_defused_in_csv(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var faxe = await app.LoggedIn("faxe-bruger");
        const string Evil = "<script>alert(1)</script>";
        const string Formula = "=HYPERLINK(\"http://evil.example\",\"klik\")";
        var put = await faxe.PutAsJsonAsync("/api/collections/alle-felttyper/responses/faxe",
            new { answers = new Dictionary<string, object> { ["tekst"] = "<b>x</b>", ["ja-nej"] = "ja", ["grad"] = "hoej", ["projekter/1/navn"] = Evil, ["projekter/2/navn"] = Formula } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await faxe.PostAsync("/api/collections/alle-felttyper/responses/faxe/submit", null)).StatusCode);

        var sek = await app.LoggedIn("sek");
        foreach (var page in new[] { "/indsamlinger/alle-felttyper/matrix?tekst=1", "/indsamlinger/alle-felttyper/besvarelser/faxe" })
        {
            var html = await sek.GetStringAsync(page);
            Assert.DoesNotContain(Evil, html);
            Assert.DoesNotContain("<b>x</b>", html);
            Assert.Contains("&lt;script&gt;", html);
        }
        var csv = Encoding.UTF8.GetString(await sek.GetByteArrayAsync("/indsamlinger/alle-felttyper/eksport.csv"));
        Assert.Contains("'=HYPERLINK", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        Assert.DoesNotContain(",\"=HYPERLINK", csv);
    }
}
