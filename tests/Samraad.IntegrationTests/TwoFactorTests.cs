using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Samraad.IntegrationTests;

/// <summary>
/// Two-factor sign-in through the pages and the API: set up from the key the page shows (the code computed here by
/// RFC 6238, as an authenticator app does), sign in with a code or a one-time recovery code, a wrong code counts
/// towards the lockout, and a role that requires two-factor acts for nothing until it is set up.
/// </summary>
public class TwoFactorTests
{
    /// <summary>RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits) of a base32 key, for the time step <paramref name="offset"/> steps from now.</summary>
    public static string Totp(string base32, int offset = 0)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(base32.Replace(" ", "").TrimEnd('=').ToUpperInvariant().Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var counter = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 + offset;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian) Array.Reverse(message);
        var hash = HMACSHA1.HashData(key, message);
        var o = hash[^1] & 0x0f;
        var value = ((hash[o] & 0x7f) << 24) | (hash[o + 1] << 16) | (hash[o + 2] << 8) | hash[o + 3];
        return (value % 1_000_000).ToString("D6");
    }

    /// <summary>Two-factor set up on the page: returns the key and the recovery codes shown.</summary>
    static async Task<(string Key, List<string> Codes)> SetUp(HttpClient client)
    {
        var page = await client.GetStringAsync("/konto/to-faktor");
        Assert.Contains("<svg", page);
        Assert.Contains("QR-kode til din godkendelsesapp", page);
        var key = Regex.Match(Html.Text(page), @"Nøgle: ([A-Z2-7 ]+)").Groups[1].Value.Replace(" ", "");
        var wrong = await TestApp.Post(client, "/konto/to-faktor", "/konto/to-faktor", new() { ["action"] = "enable", ["code"] = "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Koden er forkert eller udløbet", Html.Text(await wrong.Content.ReadAsStringAsync()));
        var on = await TestApp.Post(client, "/konto/to-faktor", "/konto/to-faktor", new() { ["action"] = "enable", ["code"] = Totp(key) });
        var html = await on.Content.ReadAsStringAsync();
        Assert.True(on.StatusCode == HttpStatusCode.OK, Html.Text(html));
        Assert.Contains("To-faktor-log ind er slået til", Html.Text(html));
        var codes = Regex.Matches(html, "<code>([^<]+)</code>").Select(m => m.Groups[1].Value).Where(c => c.Contains('-')).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    static async Task<HttpResponseMessage> PasswordStep(HttpClient client, string user) =>
        await TestApp.Post(client, "/log-ind", "/log-ind", new() { ["username"] = user, ["password"] = TestApp.Password, ["returnUrl"] = "/konto" });

    [Theory, OnSqlite, OnPostgres]
    public async Task Two_factor_sign_in_with_an_authenticator_code_or_a_recovery_code_by_page_and_by_API(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("t-faxe", Roles.Respondent, "faxe");
        var here = await app.LoggedIn("t-faxe");
        var elsewhere = await app.LoggedIn("t-faxe");
        // Looking at the page makes a key (a new security stamp) but signs nobody out.
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/konto/to-faktor")).StatusCode);
        app.Clock.Now += TimeSpan.FromSeconds(2);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/konto")).StatusCode);
        var (key, codes) = await SetUp(here);
        app.Clock.Now += TimeSpan.FromSeconds(2);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/konto")).StatusCode);
        Assert.StartsWith("/log-ind", (await elsewhere.GetAsync("/konto")).Headers.Location!.OriginalString); // other sessions end

        // The password alone no longer signs in: the second step asks for the code.
        var browser = app.Client();
        var first = await PasswordStep(browser, "t-faxe");
        Assert.StartsWith("/log-ind/to-faktor", first.Headers.Location!.OriginalString);
        Assert.StartsWith("/log-ind", (await browser.GetAsync("/konto")).Headers.Location!.OriginalString);
        var step = first.Headers.Location!.OriginalString;
        var bad = await TestApp.Post(browser, step, "/log-ind/to-faktor", new() { ["code"] = "123456", ["returnUrl"] = "/konto" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Koden er forkert eller udløbet", Html.Text(await bad.Content.ReadAsStringAsync()));
        var good = await TestApp.Post(browser, step, "/log-ind/to-faktor", new() { ["code"] = Totp(key), ["returnUrl"] = "/konto" });
        Assert.Equal("/konto", good.Headers.Location!.OriginalString);
        var account = Html.Text(await browser.GetStringAsync("/konto"));
        Assert.Contains("Adgangskode og kode fra app", account); // the sign-in log
        Assert.Contains("Forkert kode", account);

        // A recovery code works once.
        var lost = app.Client();
        var stepped = (await PasswordStep(lost, "t-faxe")).Headers.Location!.OriginalString;
        Assert.Equal("/konto", (await TestApp.Post(lost, stepped, "/log-ind/to-faktor", new() { ["code"] = codes[0], ["returnUrl"] = "/konto" })).Headers.Location!.OriginalString);
        var again = app.Client();
        stepped = (await PasswordStep(again, "t-faxe")).Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.BadRequest, (await TestApp.Post(again, stepped, "/log-ind/to-faktor", new() { ["code"] = codes[0], ["returnUrl"] = "/konto" })).StatusCode);

        // The API takes the code in the same body.
        var api = app.Client();
        var missing = await api.PostAsJsonAsync("/api/session", new { userName = "t-faxe", password = TestApp.Password });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("code", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/collections")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync("/api/session", new { userName = "t-faxe", password = TestApp.Password, code = Totp(key) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/collections")).StatusCode);

        // Wrong codes count towards the lockout as wrong passwords do: after five the right code is refused too.
        var guesser = app.Client();
        for (var i = 0; i < 5; i++) await guesser.PostAsJsonAsync("/api/session", new { userName = "t-faxe", password = TestApp.Password, code = "000000" });
        var locked = await guesser.PostAsJsonAsync("/api/session", new { userName = "t-faxe", password = TestApp.Password, code = Totp(key) });
        Assert.Equal((HttpStatusCode)429, locked.StatusCode);
        Assert.True(await app.WithDb(d => d.Users.Where(u => u.UserName == "t-faxe").Select(u => u.LockoutEnd != null).SingleAsync()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_role_that_requires_two_factor_acts_for_nothing_until_it_is_set_up(Db db)
    {
        await using var app = TestApp.Start(db, settings: new Dictionary<string, string> { ["Samraad:RequireTwoFactor"] = "admin,sekretariat" });
        await app.CreateUser("t-sek", Roles.Secretariat, "kkr-sjaelland");
        var client = app.Client();
        var signedIn = await PasswordStep(client, "t-sek");
        Assert.Equal("/konto/to-faktor?kraevet=1", signedIn.Headers.Location!.OriginalString);
        Assert.Contains("Din rolle skal bruge to-faktor-log ind", Html.Text(await client.GetStringAsync("/konto/to-faktor?kraevet=1")));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/indsamlinger/akutfunktioner-2024")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/collections/akutfunktioner-2024/audit")).StatusCode);
        var (key, _) = await SetUp(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/indsamlinger/akutfunktioner-2024")).StatusCode);
        // It cannot be turned off while the role requires it.
        var off = await TestApp.Post(client, "/konto/to-faktor", "/konto/to-faktor", new() { ["action"] = "disable", ["code"] = Totp(key) });
        Assert.Equal(HttpStatusCode.BadRequest, off.StatusCode);
        Assert.Contains("skal bruge to-faktor-log ind", Html.Text(await off.Content.ReadAsStringAsync()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_admin_requires_two_factor_for_a_role_on_a_page_and_it_applies_at_the_next_request(Db db)
    {
        await using var app = TestApp.Start(db, settings: new Dictionary<string, string> { ["Samraad:RequireTwoFactor"] = "admin" });
        await app.CreateUser("t-admin", Roles.Admin, null);
        await app.CreateUser("t-sek", Roles.Secretariat, "kkr-sjaelland");
        var sek = await app.LoggedIn("t-sek");
        Assert.Equal(HttpStatusCode.OK, (await sek.GetAsync("/indsamlinger/akutfunktioner-2024")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sek.GetAsync("/brugere/to-faktor")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sek.PutAsJsonAsync("/api/settings/two-factor", new { requiredRoles = Array.Empty<string>() })).StatusCode);

        // The admin (required by the configuration) sets up two-factor, then ticks Sekretariat.
        var admin = app.Client();
        await PasswordStep(admin, "t-admin");
        await SetUp(admin);
        var page = Html.Text(await admin.GetStringAsync("/brugere/to-faktor"));
        Assert.Contains("Administrator (krævet i konfigurationen)", page);
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.Post(admin, "/brugere/to-faktor", "/brugere/to-faktor", new() { ["roles"] = Roles.Secretariat })).StatusCode);
        var read = await admin.GetFromJsonAsync<JsonElement>("/api/settings/two-factor");
        Assert.Equal([Roles.Secretariat], read.GetProperty("requiredRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal([Roles.Admin], read.GetProperty("configured").EnumerateArray().Select(r => r.GetString()));

        // The secretariat's open session acts for nothing now, until it has set up two-factor.
        app.Clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal(HttpStatusCode.Forbidden, (await sek.GetAsync("/indsamlinger/akutfunktioner-2024")).StatusCode);
        Assert.Contains("Din rolle skal bruge to-faktor-log ind", Html.Text(await sek.GetStringAsync("/konto/to-faktor?kraevet=1")));

        // A role that does not exist is refused by the field; the API answers 400 with the field's error.
        var bad = await admin.PutAsJsonAsync("/api/settings/two-factor", new { requiredRoles = new[] { "chef" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("»chef« er ikke en rolle", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/settings/two-factor", new { requiredRoles = Array.Empty<string>() })).StatusCode);
        app.Clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal(HttpStatusCode.OK, (await sek.GetAsync("/indsamlinger/akutfunktioner-2024")).StatusCode);
    }
}
