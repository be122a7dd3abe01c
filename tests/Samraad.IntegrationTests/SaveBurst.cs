using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Samraad.IntegrationTests;

/// <summary>
/// Four respondents saving drafts as fast as a served app answers ("gem 1", "gem 2", …), each save numbered: what
/// was acknowledged and what was attempted, per organisation, to compare with what is stored afterwards.
/// </summary>
public sealed class SaveBurst : IAsyncDisposable
{
    public const string Collection = "alle-felttyper";
    public static readonly string[] Orgs = ["faxe", "greve", "koege", "roskilde"];

    public ConcurrentDictionary<string, int> Acknowledged { get; } = new();
    public ConcurrentDictionary<string, int> Attempted { get; } = new();
    readonly CancellationTokenSource stop = new();
    readonly List<Task> bursts;

    SaveBurst(Dictionary<string, HttpClient> clients) => bursts = Orgs.Select(org => Task.Run(() => Burst(org, clients[org]))).ToList();

    /// <summary>A copy of the seeded database with the four respondents and the window open by the real clock (a child process keeps real time), stopped and kept.</summary>
    public static async Task<TestApp> Data(Db db)
    {
        var data = TestApp.Start(db);
        foreach (var org in Orgs) await data.CreateUser($"{org}-bruger", Roles.Respondent, org);
        await data.WithDb(async d =>
        {
            var c = await d.Collections.SingleAsync(x => x.Slug == Collection);
            (c.OpensAtUtc, c.DeadlineUtc) = (DateTime.UtcNow.AddYears(-1), DateTime.UtcNow.AddYears(1));
            return await d.SaveChangesAsync();
        });
        data.KeepData = true;
        await data.DisposeAsync();
        return data;
    }

    /// <summary>Signs the four in on <paramref name="served"/> and starts their saves.</summary>
    public static async Task<SaveBurst> Start(ServedApp served)
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var org in Orgs) clients[org] = await served.LoggedIn($"{org}-bruger");
        return new SaveBurst(clients);
    }

    async Task Burst(string org, HttpClient client)
    {
        int? revision = null;
        for (var i = 1; !stop.IsCancellationRequested; i++)
        {
            Attempted[org] = i;
            try
            {
                var put = await client.PutAsJsonAsync($"/api/collections/{Collection}/responses/{org}", new { answers = new { tekst = $"gem {i}" }, revision });
                if (put.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{org} save {i}: {(int)put.StatusCode}");
                revision = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32();
                Acknowledged[org] = i;
            }
            catch (HttpRequestException) { return; } // the server is gone
            catch (TaskCanceledException) { return; }
        }
    }

    /// <summary>Waits until every respondent has had at least <paramref name="saves"/> acknowledged (at most a minute).</summary>
    public async Task Until(int saves)
    {
        for (var waited = Stopwatch.StartNew(); Orgs.Any(o => Acknowledged.GetValueOrDefault(o) < saves) && waited.Elapsed < TimeSpan.FromSeconds(60);) await Task.Delay(20);
    }

    /// <summary>Stops the saves (or, after a kill, collects them) and rethrows any that failed otherwise.</summary>
    public async Task Stop()
    {
        await stop.CancelAsync();
        await Task.WhenAll(bursts);
    }

    public async ValueTask DisposeAsync()
    {
        await Stop();
        stop.Dispose();
    }

    /// <summary>The number of the save stored in a response as the API returns it ("gem 17" → 17).</summary>
    public static int Stored(JsonElement response) =>
        int.Parse(response.GetProperty("answers").GetProperty("tekst").GetProperty("value").GetString()!["gem ".Length..]);
}
