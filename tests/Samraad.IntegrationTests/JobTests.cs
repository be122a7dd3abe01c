using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samraad.Operations.Jobs;

namespace Samraad.IntegrationTests;

/// <summary>
/// The jobs table: *Offentliggør dagsordenen* queues the packet build and returns at once, its status page follows
/// the build, a failed build says why and can be retried, and runners claiming at the same moment take different jobs.
/// </summary>
public class JobTests
{
    const string Meeting = "/moeder/" + MeetingTests.Slug;
    /// <summary>No runner of its own: the test runs jobs when it chooses, one claim at a time.</summary>
    static readonly Dictionary<string, string> Manual = new() { ["Samraad:Jobs:Run"] = "false", ["Samraad:Mail:ReminderSeconds"] = "0" };

    static Task<bool> RunNext(TestApp app) => app.Services.GetRequiredService<JobRunner>().RunNext(CancellationToken.None);
    static Task<Job> TheJob(TestApp app) => app.WithDb(d => d.Jobs.AsNoTracking().SingleAsync());

    static async Task<string> Press(HttpClient sek)
    {
        var pressed = await sek.PostAsync(Meeting + "/offentliggoer", await TestApp.Form(sek, Meeting, new()));
        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        var status = pressed.Headers.Location!.OriginalString;
        Assert.Matches("^/moeder/kkr-sjaelland-2024-04-12/offentliggoerelse/[0-9]+$", status);
        return status;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Publishing_returns_at_once_and_the_status_page_follows_the_build_until_the_packet_is_published(Db db)
    {
        await using var app = TestApp.Start(db, settings: Manual);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var sek = await app.LoggedIn("sek");
        var status = await Press(sek);

        var queued = await sek.GetStringAsync(status);
        Assert.Contains("Pakken bygges om lidt (i kø).", queued);
        Assert.Contains("http-equiv=\"refresh\" content=\"2\"", queued);
        Assert.Contains("<progress", queued);
        var meeting = await sek.GetStringAsync(Meeting);
        Assert.Contains("Pakken bygges nu", meeting);
        Assert.DoesNotContain(">Offentliggør dagsordenen</button>", meeting);
        // Pressed again (a double click, another secretary): the same build, not a second one.
        Assert.Equal(status, await Press(sek));
        Assert.Equal(1, await app.WithDb(d => d.Jobs.CountAsync()));
        Assert.Equal(0, await app.WithDb(d => d.Publications.CountAsync()));
        await HtmlCheckerTests.AssertValid(new Dictionary<string, string> { ["status, i kø"] = queued });

        Assert.True(await RunNext(app));
        var done = await TheJob(app);
        Assert.Equal((JobState.Done, 1, null), (done.State, done.Attempts, done.Key));
        Assert.True(done.ProgressTotal > 100, $"progress in pages: {done.Progress} of {done.ProgressTotal}");
        var after = await sek.GetAsync(status);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(Meeting + "?offentliggjort=1", after.Headers.Location!.OriginalString);
        Assert.Contains("Dagsordenen er offentliggjort som version 1.", await sek.GetStringAsync(Meeting + "?offentliggjort=1"));
        Assert.Equal(1, await app.WithDb(d => d.Publications.CountAsync()));
        Assert.False(await RunNext(app)); // nothing left
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_build_that_fails_shows_the_reason_stores_nothing_and_can_be_pressed_again(Db db)
    {
        await using var app = TestApp.Start(db, settings: new Dictionary<string, string>(Manual) { ["Samraad:Chromium"] = "/findes/ikke/chromium" });
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var sek = await app.LoggedIn("sek");
        var status = await Press(sek);

        Assert.True(await RunNext(app));
        var retrying = await TheJob(app);
        Assert.Equal((JobState.Queued, 1), (retrying.State, retrying.Attempts));
        Assert.Contains("/findes/ikke/chromium", retrying.LastError);
        Assert.Contains("Forsøg 1 af 3 mislykkedes", await sek.GetStringAsync(status));
        Assert.False(await RunNext(app)); // the retry waits its back-off
        for (var attempt = 2; attempt <= 3; attempt++)
        {
            app.Clock.Now += TimeSpan.FromMinutes(5);
            Assert.True(await RunNext(app));
        }
        var failed = await TheJob(app);
        Assert.Equal((JobState.Failed, 3, null), (failed.State, failed.Attempts, failed.Key));
        var page = await sek.GetStringAsync(status);
        Assert.Contains("Pakken kunne ikke bygges", page);
        Assert.Contains("/findes/ikke/chromium", page);
        Assert.Contains(">Prøv igen</button>", page);
        Assert.DoesNotContain("http-equiv=\"refresh\"", page);
        Assert.Equal(0, await app.WithDb(d => d.Publications.CountAsync()));
        Assert.Contains("Kladde", await sek.GetStringAsync(Meeting));
        await HtmlCheckerTests.AssertValid(new Dictionary<string, string> { ["status, fejlet"] = page });

        // *Prøv igen* queues a new build.
        var again = await Press(sek);
        Assert.NotEqual(status, again);
        Assert.Equal(2, await app.WithDb(d => d.Jobs.CountAsync()));
    }

    /// <summary>A job that only records that it ran, and where.</summary>
    sealed class CountingHandler(ConcurrentBag<long> runs) : IJobHandler
    {
        public string Kind => "test-count";
        public async Task Run(JobRun run, CancellationToken ct) { runs.Add(run.Job.Id); await Task.Delay(5, ct); }
    }

    /// <summary>A job that runs until it is stopped.</summary>
    sealed class WaitingHandler : IJobHandler
    {
        public string Kind => "test-wait";
        public Task Run(JobRun run, CancellationToken ct) => Task.Delay(Timeout.Infinite, ct);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_node_stopping_mid_job_puts_it_back_in_the_queue_without_spending_an_attempt(Db db)
    {
        await using var app = TestApp.Start(db, settings: Manual, services: s => s.AddScoped<IJobHandler, WaitingHandler>());
        await app.WithDb(async d => { await app.Services.GetRequiredService<JobQueue>().Add(d, "test-wait", new { }, "test"); return await d.SaveChangesAsync(); });
        using var stop = new CancellationTokenSource();
        var running = app.Services.GetRequiredService<JobRunner>().RunNext(stop.Token);
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); (await TheJob(app)).State != JobState.Running; await Task.Delay(20))
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the job was not claimed");
        await stop.CancelAsync(); // as the host does on shutdown
        Assert.True(await running);
        var job = await TheJob(app);
        Assert.Equal((JobState.Queued, 0, null), (job.State, job.Attempts, job.LeaseToken));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Runners_claiming_at_the_same_moment_run_every_job_exactly_once(Db db)
    {
        var runs = new ConcurrentBag<long>();
        await using var app = TestApp.Start(db, settings: Manual, services: s => s.AddScoped<IJobHandler>(_ => new CountingHandler(runs)));
        var queue = app.Services.GetRequiredService<JobQueue>();
        await app.WithDb(async d =>
        {
            for (var i = 0; i < 60; i++) await queue.Add(d, "test-count", new { i }, "test");
            return await d.SaveChangesAsync();
        });
        // Four runners, as four nodes would, each claiming until nothing is left.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () => { while (await RunNext(app)) { } })));
        Assert.Equal(60, runs.Count);
        Assert.Equal(60, runs.Distinct().Count());
        var jobs = await app.WithDb(d => d.Jobs.AsNoTracking().ToListAsync());
        Assert.All(jobs, j => Assert.Equal((JobState.Done, 1), (j.State, j.Attempts)));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Senders_claiming_the_outbox_at_the_same_moment_send_every_message_once(Db db)
    {
        await using var app = TestApp.Start(db, settings: new Dictionary<string, string> { ["Samraad:Mail:Send"] = "false" });
        var now = app.Clock.Now.UtcDateTime;
        await app.WithDb(async d =>
        {
            for (var i = 0; i < 60; i++)
                d.Outbox.Add(new Features.Notifications.OutboxMessage
                {
                    CreatedAt = now, NextAttemptAt = now, Kind = "reminder", Category = Features.Notifications.MessageCategory.Notice,
                    ToAddress = $"modtager{i}@faxe.dk", ToName = $"Modtager {i}", Subject = $"Besked {i}", TextBody = "Tekst", HtmlBody = "<p>Tekst</p>",
                });
            return await d.SaveChangesAsync();
        });
        // Four senders, as four nodes would, each passing until nothing is due.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                using var scope = app.Services.CreateScope();
                if (await scope.ServiceProvider.GetRequiredService<Features.Notifications.DeliverOutbox>().Handle(batch: 5) == 0) return;
            }
        })));
        var messages = await app.WithDb(d => d.Outbox.AsNoTracking().ToListAsync());
        Assert.All(messages, m => Assert.Equal((Features.Notifications.DeliveryState.Sent, 1), (m.State, m.Attempts)));
        Assert.Equal(60, Directory.GetFiles(Path.Combine(app.DataDir, "mail"), "*.eml").Length); // one file per sending
    }
}
