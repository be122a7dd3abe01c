using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Samraad.IntegrationTests;

/// <summary>
/// Single sign-on against a real OpenID Connect provider on loopback (<see cref="TestIdentityProvider"/>): an identity
/// matched to an invited account by e-mail or by a unique id linked when the invitation is accepted; no account, an
/// unverified address, a forged state, a code from another browser, a bad signature and a wrong nonce all refused in
/// Danish with nobody signed in.
/// </summary>
public class SingleSignOnTests
{
    const string Callback = "http://localhost/log-ind/sso/{0}/callback";

    static async Task<(TestApp App, TestIdentityProvider Idp)> Start(Db db)
    {
        var idp = await TestIdentityProvider.Start(string.Format(Callback, "faxe-ad"), string.Format(Callback, "mitid"));
        var settings = idp.Settings("faxe-ad", "Faxe Kommunes AD", organisations: "faxe").Concat(idp.Settings("mitid", "MitID Erhverv (test)", matchClaim: "sub"))
            .ToDictionary(x => x.Key, x => x.Value);
        settings["Samraad:Mail:Send"] = "false"; // the invitation's link stays readable in the outbox
        var app = TestApp.Start(db, settings: settings);
        await app.CreateUser("sso-anne", Roles.Respondent, "faxe", "anne@faxe.dk");
        return (app, idp);
    }

    static readonly HttpClient Browser = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

    /// <summary>The browser's way through: the app sends it to the provider, the provider back to the callback.</summary>
    static async Task<Uri> ToCallback(HttpClient app, string start, string? invitation = null)
    {
        // Accepting an invitation is the invitation page's form: a POST with the antiforgery token.
        var challenge = invitation is null ? await app.GetAsync(start)
            : await app.PostAsync(start, await TestApp.Form(app, "/log-ind", new() { ["invitation"] = invitation }));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!;
        Assert.Contains("code_challenge_method=S256", location.Query);
        var answer = await Browser.GetAsync(location);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer.Headers.Location!;
    }

    /// <summary>Delivers the provider's answer to the app and follows it to the page it ends on.</summary>
    static async Task<HttpResponseMessage> Finish(HttpClient app, Uri callback)
    {
        var handled = await app.GetAsync(callback.PathAndQuery);
        return handled.StatusCode == HttpStatusCode.Redirect ? await app.GetAsync(handled.Headers.Location!.OriginalString) : handled;
    }

    static async Task<bool> SignedIn(HttpClient app) => (await app.GetAsync("/konto")).StatusCode == HttpStatusCode.OK;

    [Theory, OnSqlite, OnPostgres]
    public async Task A_provider_identity_signs_in_the_invited_account_it_matches_and_nothing_else(Db db)
    {
        var (app, idp) = await Start(db);
        await using var _ = app;
        await using var __ = idp;

        // The log-in page offers the providers; the verified address finds Anne's account; the page goes on to /konto.
        var client = app.Client();
        Assert.Contains("Log ind med Faxe Kommunes AD", Html.Text(await client.GetStringAsync("/log-ind")));
        idp.NextUser = ("ad-1", "Anne@Faxe.dk", true);
        var done = await Finish(client, await ToCallback(client, "/log-ind/sso/faxe-ad?returnUrl=%2Fkonto"));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var html = await done.Content.ReadAsStringAsync();
        Assert.Contains("Du er logget ind", Html.Text(html));
        Assert.Contains("content=\"0; url=/konto\"", html);
        var account = Html.Text(await client.GetStringAsync("/konto"));
        Assert.Contains("Test sso-anne", account);
        Assert.Contains("Faxe Kommunes AD", account); // the sign-in log names the method

        // Nobody is created: an address without an account is refused, as are an unverified address (false, or no
        // email_verified at all) and an account outside Faxe, which Faxe's provider cannot vouch for however the address reads.
        await app.CreateUser("sso-kkr", Roles.Secretariat, "kkr-sjaelland", "sekretariat@kkr.dk");
        foreach (var (user, message) in new[]
                 {
                     (("ad-2", (string?)"ukendt@faxe.dk", (bool?)true), "Der er ingen konto i Samraad til ukendt@faxe.dk"),
                     (("ad-1", (string?)"anne@faxe.dk", (bool?)false), "har ikke bekræftet e-mailadressen anne@faxe.dk"),
                     (("ad-3", (string?)"anne@faxe.dk", (bool?)null), "har ikke bekræftet e-mailadressen"),
                     (("ad-4", (string?)"sekretariat@kkr.dk", (bool?)true), "Faxe Kommunes AD kan ikke bruges til at logge ind på denne konto"),
                 })
        {
            var other = app.Client();
            idp.NextUser = user;
            var refused = await Finish(other, await ToCallback(other, "/log-ind/sso/faxe-ad"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(message, Html.Text(await refused.Content.ReadAsStringAsync()));
            Assert.False(await SignedIn(other));
        }
        Assert.Equal(0, await app.WithDb(d => d.Users.CountAsync(u => u.Email == "ukendt@faxe.dk")));
        Assert.False(await app.WithDb(d => d.UserLogins.AnyAsync(l => l.ProviderKey == "ad-4")));
        idp.NextUser = ("ad-1", "anne@faxe.dk", true);
        var swap = app.Client();
        var handled = await swap.GetAsync((await ToCallback(swap, "/log-ind/sso/faxe-ad")).PathAndQuery);
        var presented = await swap.GetAsync(handled.Headers.Location!.OriginalString.Replace("/faxe-ad/", "/mitid/"));
        Assert.Equal(HttpStatusCode.BadRequest, presented.StatusCode);
        Assert.False(await SignedIn(swap));
        // The pages single sign-on shows pass the Nu HTML checker (where it is installed: tools/test.sh does).
        if (File.Exists(Path.Combine(TestApp.RepoRoot, HtmlCheckerTests.Vnu)))
        {
            idp.NextUser = ("ad-1", "anne@faxe.dk", true);
            var pages = new Dictionary<string, string> { ["log ind"] = await app.Client().GetStringAsync("/log-ind") };
            var fresh = app.Client();
            pages["logget ind"] = await (await Finish(fresh, await ToCallback(fresh, "/log-ind/sso/faxe-ad?returnUrl=%2Fkonto"))).Content.ReadAsStringAsync();
            pages["afvist"] = await presented.Content.ReadAsStringAsync();
            await HtmlCheckerTests.AssertValid(pages);
        }
        // Anne was told, once, that her account was linked to the provider.
        Assert.Equal(1, await app.WithDb(d => d.Outbox.CountAsync(m => m.Kind == "sign-in-linked" && m.ToAddress == "anne@faxe.dk")));

        // A deactivated account cannot sign in through the provider either.
        await app.WithDb(d => d.Users.Where(u => u.UserName == "sso-anne").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        idp.NextUser = ("ad-1", "anne@faxe.dk", true);
        var off = app.Client();
        var deactivated = await Finish(off, await ToCallback(off, "/log-ind/sso/faxe-ad"));
        Assert.Contains("Kontoen er deaktiveret", Html.Text(await deactivated.Content.ReadAsStringAsync()));
        Assert.False(await SignedIn(off));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_forged_state_a_code_from_another_browser_a_bad_signature_and_a_wrong_nonce_sign_nobody_in(Db db)
    {
        var (app, idp) = await Start(db);
        await using var _ = app;
        await using var __ = idp;
        idp.NextUser = ("ad-1", "anne@faxe.dk", true);

        async Task Refused(HttpClient client, Uri callback)
        {
            var page = await Finish(client, callback);
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
            Assert.Contains("Log ind med Faxe Kommunes AD", Html.Text(await page.Content.ReadAsStringAsync()));
            Assert.False(await SignedIn(client));
        }

        // The state changed on the way (it is protected and tied to this browser's correlation cookie).
        var a = app.Client();
        var forged = await ToCallback(a, "/log-ind/sso/faxe-ad");
        await Refused(a, new Uri(Regex.Replace(forged.ToString(), "state=([^&]+)", m => "state=" + m.Groups[1].Value[..^4] + "AAAA")));

        // A code issued to another browser, with this browser's state: PKCE's verifier does not fit, nor the nonce.
        var b = app.Client();
        var mine = await ToCallback(a, "/log-ind/sso/faxe-ad");
        var theirs = await ToCallback(b, "/log-ind/sso/faxe-ad");
        var code = Regex.Match(theirs.Query, "code=([^&]+)").Groups[1].Value;
        await Refused(a, new Uri(Regex.Replace(mine.ToString(), "code=([^&]+)", "code=" + code)));

        // The id_token's signature is not the provider's.
        idp.CorruptSignature = true;
        await Refused(a, await ToCallback(a, "/log-ind/sso/faxe-ad"));
        idp.CorruptSignature = false;

        // A validly signed id_token whose nonce is not the one this browser sent.
        idp.ForgeNonce = true;
        await Refused(a, await ToCallback(a, "/log-ind/sso/faxe-ad"));
        idp.ForgeNonce = false;

        // The same provider, honest again: Anne signs in (the refusals were the checks, not a broken setup).
        Assert.Equal(HttpStatusCode.OK, (await Finish(a, await ToCallback(a, "/log-ind/sso/faxe-ad"))).StatusCode);
        Assert.True(await SignedIn(a));
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync("/log-ind/sso/ukendt")).StatusCode);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_invitee_accepts_through_a_provider_matched_by_unique_id_and_signs_in_with_it_from_then_on(Db db)
    {
        var (app, idp) = await Start(db);
        await using var _ = app;
        await using var __ = idp;
        await app.CreateUser("sso-sek", Roles.Secretariat, "kkr-sjaelland");
        var sek = await app.LoggedIn("sso-sek");
        Assert.Equal(HttpStatusCode.Created, (await sek.PostAsJsonAsync("/api/organisations/faxe/users", new { email = "bo@faxe.dk", fullName = "Bo Berg", role = "respondent" })).StatusCode);
        var text = await app.WithDb(d => d.Outbox.Where(m => m.ToAddress == "bo@faxe.dk").Select(m => m.TextBody).SingleAsync());
        var token = Regex.Match(text, @"/invitation/([A-Za-z0-9_-]+)").Groups[1].Value;

        // Before accepting, the unique id is linked to nothing: refused, and nothing is linked by trying.
        idp.NextUser = ("rid-42", null, false);
        var early = app.Client();
        var unlinked = await Finish(early, await ToCallback(early, "/log-ind/sso/mitid"));
        Assert.Contains("er ikke knyttet til en konto i Samraad", Html.Text(await unlinked.Content.ReadAsStringAsync()));

        // The invitation page offers the provider; accepting through it links the id and signs Bo in.
        var bo = app.Client();
        var invitationPage = await bo.GetStringAsync("/invitation/" + token);
        Assert.Contains("Acceptér med MitID Erhverv (test)", Html.Text(invitationPage));
        if (File.Exists(Path.Combine(TestApp.RepoRoot, HtmlCheckerTests.Vnu))) await HtmlCheckerTests.AssertValid(new Dictionary<string, string> { ["invitation"] = invitationPage });
        Assert.Equal(HttpStatusCode.OK, (await Finish(bo, await ToCallback(bo, "/log-ind/sso/mitid", token))).StatusCode);
        Assert.True(await SignedIn(bo));
        var state = await sek.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/organisations/faxe/users");
        Assert.Equal("active", state.EnumerateArray().Single(u => u.GetProperty("email").GetString() == "bo@faxe.dk").GetProperty("state").GetString());

        // From then on the id signs Bo in; the used invitation cannot link another identity.
        var later = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await Finish(later, await ToCallback(later, "/log-ind/sso/mitid"))).StatusCode);
        Assert.True(await SignedIn(later));
        idp.NextUser = ("rid-99", null, false);
        var thief = app.Client();
        var reused = await Finish(thief, await ToCallback(thief, "/log-ind/sso/mitid", token));
        Assert.Contains("Linket er allerede brugt", Html.Text(await reused.Content.ReadAsStringAsync()));
        Assert.False(await SignedIn(thief));
    }
}
