using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Samraad.IntegrationTests;

/// <summary>
/// The database is the judge of concurrent changes to a response: of two saves from the same revision exactly one
/// wins, and nothing changes a response after it is submitted. Real parallel requests, many rounds.
/// </summary>
public class ConcurrencyTests
{
    const string Api = "/api/collections/alle-felttyper/responses/faxe";
    const int Rounds = 15;

    static async Task<int> Revision(HttpClient client) => (await client.GetFromJsonAsync<JsonElement>(Api)).GetProperty("revision").GetInt32();

    static async Task<(HttpResponseMessage, HttpResponseMessage)> AtOnce(Func<Task<HttpResponseMessage>> a, Func<Task<HttpResponseMessage>> b)
    {
        var start = new TaskCompletionSource();
        var ta = Task.Run(async () => { await start.Task; return await a(); });
        var tb = Task.Run(async () => { await start.Task; return await b(); });
        start.SetResult();
        return (await ta, await tb);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Of_two_saves_from_the_same_revision_exactly_one_wins_and_the_other_gets_409(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("faxe-a", Roles.Respondent, "faxe");
        await app.CreateUser("faxe-b", Roles.Respondent, "faxe");
        var a = await app.LoggedIn("faxe-a");
        var b = await app.LoggedIn("faxe-b");
        Assert.Equal(HttpStatusCode.OK, (await a.PutAsJsonAsync(Api, new { answers = new { tekst = "start" } })).StatusCode);

        for (var round = 0; round < Rounds; round++)
        {
            var revision = await Revision(a);
            var (ra, rb) = await AtOnce(
                () => a.PutAsJsonAsync(Api, new { answers = new { tekst = $"a{round}" }, revision }),
                () => b.PutAsJsonAsync(Api, new { answers = new { tekst = $"b{round}" }, revision }));
            var codes = new[] { ra.StatusCode, rb.StatusCode };
            Assert.Equal(1, codes.Count(c => c == HttpStatusCode.OK));
            Assert.Equal(1, codes.Count(c => c == HttpStatusCode.Conflict));
            var stored = await a.GetFromJsonAsync<JsonElement>(Api);
            Assert.Equal(revision + 1, stored.GetProperty("revision").GetInt32());
            Assert.Equal(ra.StatusCode == HttpStatusCode.OK ? $"a{round}" : $"b{round}", stored.GetProperty("answers").GetProperty("tekst").GetProperty("value").GetString());
            var loser = await (ra.StatusCode == HttpStatusCode.Conflict ? ra : rb).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(revision + 1, loser.GetProperty("revision").GetInt32()); // the current revision, to fetch and retry
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_save_racing_a_submit_never_changes_a_submitted_response(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("faxe-a", Roles.Respondent, "faxe");
        await app.CreateUser("faxe-b", Roles.Respondent, "faxe");
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var a = await app.LoggedIn("faxe-a");
        var b = await app.LoggedIn("faxe-b");
        var sek = await app.LoggedIn("sek");
        // The required fields of the test form, so that a submit can succeed.
        Assert.Equal(HttpStatusCode.OK, (await a.PutAsJsonAsync(Api, new { answers = new Dictionary<string, object> { ["ja-nej"] = "ja", ["grad"] = "hoej", ["tekst"] = "start" } })).StatusCode);

        var submittedRounds = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var revision = await Revision(a);
            var (save, submit) = await AtOnce(
                () => a.PutAsJsonAsync(Api, new { answers = new { tekst = $"efter{round}" }, revision }),
                () => b.PostAsJsonAsync(Api + "/submit", new { answers = new { }, revision }));
            Assert.False(save.StatusCode == HttpStatusCode.OK && submit.StatusCode == HttpStatusCode.OK, $"round {round}: both were accepted");
            Assert.True(save.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"save: {(int)save.StatusCode}");
            Assert.True(submit.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"submit: {(int)submit.StatusCode}");

            var stored = await a.GetFromJsonAsync<JsonElement>(Api);
            if (stored.GetProperty("status").GetString() == "Submitted")
            {
                submittedRounds++;
                var receipt = await submit.Content.ReadFromJsonAsync<JsonElement>();
                var receiptText = receipt.GetProperty("answers").GetProperty("tekst").GetProperty("value").GetString();
                Assert.Equal(receiptText, stored.GetProperty("answers").GetProperty("tekst").GetProperty("value").GetString());
                var reopen = await sek.PostAsJsonAsync(Api + "/reopen", new { reason = "næste runde" });
                Assert.Equal(HttpStatusCode.NoContent, reopen.StatusCode);
            }
        }
        Assert.True(submittedRounds > 0, "no round submitted: the race was never run");
    }
}
