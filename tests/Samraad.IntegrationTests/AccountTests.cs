using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Samraad.IntegrationTests;

/// <summary>Min konto: a user changes their own password; a wrong one is refused by the field; every other session ends.</summary>
public class AccountTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_changed_password_ends_every_other_session_and_the_old_one_no_longer_works(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("k-faxe", Roles.Respondent, "faxe");
        var here = await app.LoggedIn("k-faxe");
        var elsewhere = await app.LoggedIn("k-faxe");
        Assert.Contains("Faxe Kommune", Html.Text(await here.GetStringAsync("/konto")));

        async Task<string> Refused(Dictionary<string, string> fields)
        {
            var response = await here.PostAsync("/konto/adgangskode", await TestApp.Form(here, "/konto", fields));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return Html.Text(await response.Content.ReadAsStringAsync());
        }
        const string next = "Ny-Adgangskode-2026";
        Assert.Contains("Den nuværende adgangskode er forkert", await Refused(new() { ["current"] = "forkert-forkert", ["new"] = next, ["repeat"] = next }));
        Assert.Contains("Adgangskoden skal være mindst 12 tegn", await Refused(new() { ["current"] = TestApp.Password, ["new"] = "Kort1", ["repeat"] = "Kort1" }));
        Assert.Contains("Skriv den samme nye adgangskode to gange", await Refused(new() { ["current"] = TestApp.Password, ["new"] = next, ["repeat"] = next + "x" }));
        Assert.Contains("have et stort bogstav", await Refused(new() { ["current"] = TestApp.Password, ["new"] = "kun-smaa-bogstaver-1", ["repeat"] = "kun-smaa-bogstaver-1" }));

        var changed = await here.PostAsync("/konto/adgangskode", await TestApp.Form(here, "/konto", new() { ["current"] = TestApp.Password, ["new"] = next, ["repeat"] = next }));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Din adgangskode er skiftet", Html.Text(await here.GetStringAsync(changed.Headers.Location!.OriginalString)));
        app.Clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/konto")).StatusCode); // this browser stays signed in
        app.Clock.Now += TimeSpan.FromSeconds(1); // the stamp is checked on every request after the one that issued the cookie
        var signedOut = await elsewhere.GetAsync("/konto");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/log-ind", signedOut.Headers.Location!.OriginalString);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.LoggedIn("k-faxe"));
        var again = await app.LoggedIn("k-faxe", next);

        // The API: errors by its own field names; a change answers 204.
        var wrong = await again.PostAsJsonAsync("/api/account/password", new { currentPassword = "forkert-forkert", newPassword = "Endnu-En-Ny-2027" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("currentPassword", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await again.PostAsJsonAsync("/api/account/password", new { currentPassword = next, newPassword = "Endnu-En-Ny-2027" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().PostAsJsonAsync("/api/account/password", new { currentPassword = "x", newPassword = "y" })).StatusCode);
    }
}
