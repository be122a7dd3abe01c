using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Samraad.Bench.Load;

/// <summary>What a run does; every number bounded (see <see cref="Parse"/>).</summary>
public sealed record LoadOptions(int Respondents = 300, int Secretariats = 4, int Seconds = 60, int SaturateSeconds = 15, int SaturateClients = 16,
    long MaxRequests = 500_000, int Nodes = 1, bool Packet = true, string? Timeline = null)
{
    /// <summary>The verb's options, or a Danish reason.</summary>
    public static (LoadOptions? Options, string? Error) Parse(Func<string, string?> option, bool postgres)
    {
        static bool Int(string? s, int min, int max, ref int value)
        {
            if (s is null) return true;
            if (!int.TryParse(s, out var n) || n < min || n > max) return false;
            value = n;
            return true;
        }
        int respondents = 300, secretariats = 4, seconds = 60, saturate = 15, clients = 16, nodes = postgres ? 2 : 1, max = 500_000;
        if (!Int(option("--respondents"), 1, 1000, ref respondents)) return (null, "--respondents skal være 1–1000.");
        if (!Int(option("--secretariats"), 0, 20, ref secretariats)) return (null, "--secretariats skal være 0–20.");
        if (!Int(option("--seconds"), 10, 600, ref seconds)) return (null, "--seconds skal være 10–600.");
        if (!Int(option("--saturate-seconds"), 0, 60, ref saturate)) return (null, "--saturate-seconds skal være 0–60.");
        if (!Int(option("--saturate-clients"), 1, 64, ref clients)) return (null, "--saturate-clients skal være 1–64.");
        if (!Int(option("--max-requests"), 100, 5_000_000, ref max)) return (null, "--max-requests skal være 100–5.000.000.");
        if (!Int(option("--nodes"), 1, 4, ref nodes)) return (null, "--nodes skal være 1–4.");
        if (!postgres && nodes > 1) return (null, "SQLite er én node (søgeindeks og nøgler ligger i processen): brug PostgreSQL til flere noder.");
        if (Math.Min(clients, respondents) < clients && saturate > 0) clients = respondents;
        return (new LoadOptions(respondents, secretariats, seconds, saturate, clients, max, nodes, option("--packet") != "false", option("--timeline")), null);
    }
}

/// <summary>
/// `samraad bench load`: a deadline day on this machine. It adds the rush's data to the configured database
/// (<see cref="LoadData"/>), starts the nodes (`samraad serve`, on loopback) and Debian's nginx with TLS in front,
/// and then: (1) the ceiling, <see cref="BaselineEndpoint"/> as fast as the stack answers, then draft saves as fast;
/// (2) the rush: respondents of the 98 municipalities sign in, open their form, save a draft every 2–4 s and submit
/// in the last fifth of the run, while the secretariat reads summaries and matrices and a packet is built. Afterwards
/// every acknowledged save is read back (a lost write is one whose number is not there). Each node's resident memory
/// is sampled twice a second. The simulated users run in this process on the same two cores as the nodes.
/// </summary>
public sealed class LoadBenchmark(IServiceProvider services)
{
    /// <summary>One simulated user's client and what the server acknowledged to it.</summary>
    sealed class Session(LoadUser user, HttpClient client)
    {
        public LoadUser User => user;
        public HttpClient Client => client;
        public int? Revision;
        public int Attempted, Acknowledged, AcknowledgedCount;
        public bool SubmitAcknowledged, SignedIn;
        public string Response => $"/api/collections/{user.Collection}/responses/{user.Organisation}";
    }

    public async Task<int> Handle(LoadOptions o, TextWriter log, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<SamraadOptions>();
        var config = services.GetRequiredService<IConfiguration>();
        var runLength = TimeSpan.FromSeconds(o.Seconds);
        LoadPlan plan;
        using (var scope = services.CreateScope())
            plan = await ActivatorUtilities.CreateInstance<LoadData>(scope.ServiceProvider)
                .Create(o.Respondents, o.Secretariats, DateTime.UtcNow.Add(runLength).AddSeconds(2 * o.SaturateSeconds).AddMinutes(10), ct);
        var stack = options.IsPostgres ? $"PostgreSQL, {o.Nodes} {(o.Nodes == 1 ? "node" : "noder")}" : "SQLite, 1 node";
        await log.WriteLineAsync($"Belastningstest: {o.Respondents} besvarere i {plan.Collections.Count} indsamling(er) × 98 kommuner, {o.Secretariats} sekretariatsbrugere, " +
            $"{o.Seconds} s; {stack} bag nginx (TLS) på loopback. Brugerne simuleres i denne proces på samme maskine.");

        var pool = options.IsPostgres ? await PoolPerNode(o.Nodes, ct) : null;
        var nodes = new List<NodeProcess>();
        var ownDirs = new List<string>();
        NginxProxy? nginx = null;
        using var memory = new CancellationTokenSource();
        try
        {
            for (var n = 0; n < o.Nodes; n++)
            {
                // SQLite: the one node serves this data directory; PostgreSQL: nothing local, so each node an empty folder of its own.
                var dir = options.IsPostgres ? Directory.CreateTempSubdirectory("samraad-load-node-").FullName : options.FullDataDir;
                if (options.IsPostgres) ownDirs.Add(dir);
                nodes.Add(await NodeProcess.Serve(NodeArguments(options, config, dir, pool)));
            }
            nginx = await NginxProxy.Start(nodes.Select(n => n.Address));
            var peaks = new long[nodes.Count + 1];
            var sampler = Sample(nodes, nginx, peaks, memory.Token);

            using var stopAll = CancellationTokenSource.CreateLinkedTokenSource(ct);
            stopAll.CancelAfter(runLength + TimeSpan.FromSeconds(2 * o.SaturateSeconds) + TimeSpan.FromMinutes(5)); // the hard bound on the whole run
            var sessions = plan.Respondents.Select(u => new Session(u, nginx.Client(new CookieContainer()))).ToList();

            // (1) The ceiling and the saves against it, each for SaturateSeconds with the same number of clients.
            var saturation = new Recorder(o.MaxRequests);
            double baselineRate = 0, saveRate = 0;
            if (o.SaturateSeconds > 0)
            {
                var until = TimeSpan.FromSeconds(o.SaturateSeconds);
                baselineRate = await Saturate(o.SaturateClients, async i =>
                {
                    using var client = nginx.Client(new CookieContainer());
                    var clock = Stopwatch.StartNew();
                    var n = 0;
                    while (clock.Elapsed < until && !stopAll.IsCancellationRequested
                           && await saturation.Send("basislinje (1 læsning + 1 skrivning)", () => client.PostAsync($"{BaselineEndpoint.Path}/{i + 1}", null, stopAll.Token), 200) is { } answer)
                        if (answer.StatusCode == HttpStatusCode.OK) n++; // only answers that did the work count
                    return n;
                });
                var savers = sessions.Take(o.SaturateClients).ToList();
                foreach (var s in savers) await SignIn(s, plan.Password, saturation, stopAll.Token);
                saveRate = await Saturate(savers.Count, async i =>
                {
                    var clock = Stopwatch.StartNew();
                    var before = savers[i].AcknowledgedCount;
                    while (clock.Elapsed < until && !stopAll.IsCancellationRequested && await Save(savers[i], saturation, stopAll.Token)) { }
                    return savers[i].AcknowledgedCount - before; // acknowledged saves only
                });
            }

            // (2) The rush.
            var rush = new Recorder(o.MaxRequests);
            var clockRun = Stopwatch.StartNew();
            // Sign-ins spread over the first third: each is a deliberate 100,000-round PBKDF2 (tens of ms of CPU), and
            // a morning's 300 users do not all arrive within the same few seconds.
            var ramp = TimeSpan.FromSeconds(o.Seconds / 3.0);
            var tasks = sessions.Select((s, i) => Task.Run(() => Respond(s, i, plan.Password, ramp, runLength, clockRun, rush, stopAll.Token))).ToList();
            tasks.AddRange(plan.Secretariats.Select((u, i) => Task.Run(() => Read(u, i, plan, nginx, runLength, clockRun, rush, stopAll.Token))));
            var packet = o.Packet && plan.Publisher is not null
                ? Task.Run(() => Publish(plan, nginx, runLength / 2, clockRun, rush, stopAll.Token))
                : Task.FromResult<TimeSpan?>(null);
            await Task.WhenAll(tasks);
            var rushTime = clockRun.Elapsed;
            var built = await packet;

            // Every acknowledged save read back.
            var (lost, checkedSaves) = await Verify(sessions, rush, stopAll.Token);
            await memory.CancelAsync();
            await sampler;
            await Report(log, o, rush, saturation, rushTime, baselineRate, saveRate, built, lost, checkedSaves, peaks, nodes.Count, plan);
            if (o.Timeline is { } timeline)
            {
                await rush.WriteTimeline(timeline);
                await log.WriteLineAsync($"Fristdagens forespørgsler, én pr. linje: {timeline}");
            }
            foreach (var s in sessions) s.Client.Dispose();
            if (rush.Errors + saturation.Errors > 0)
                foreach (var (n, i) in nodes.Select((n, i) => (n, i)))
                    await log.WriteLineAsync($"\nNode {i + 1}s log (de sidste linjer):\n{n.Output}");
            return lost == 0 && rush.Errors == 0 && saturation.Errors == 0 ? 0 : 1;
        }
        finally
        {
            if (!memory.IsCancellationRequested) await memory.CancelAsync();
            nginx?.Dispose();
            foreach (var n in nodes) await n.Stop(TimeSpan.FromSeconds(10));
            foreach (var n in nodes) n.Dispose();
            foreach (var d in ownDirs) try { Directory.Delete(d, recursive: true); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>
    /// Connections per node when the connection string does not say: the server's max_connections shared by the nodes,
    /// less a reserve (this process, psql). Npgsql's default of 100 per node lets two nodes under load ask for more
    /// than PostgreSQL's default 100 allows, and the surplus fails with "too many clients" (README, Drift).
    /// </summary>
    async Task<int?> PoolPerNode(int nodes, CancellationToken ct)
    {
        var options = services.GetRequiredService<SamraadOptions>();
        // The keys the string sets (NpgsqlConnectionStringBuilder.ContainsKey answers for every key it knows).
        var set = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = options.Db }.Keys.Cast<string>();
        if (set.Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaximumPoolSize", StringComparison.OrdinalIgnoreCase)
                         || k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxPoolSize", StringComparison.OrdinalIgnoreCase))) return null;
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
        var max = int.Parse(await db.Database.SqlQueryRaw<string>("SELECT current_setting('max_connections') AS \"Value\"").FirstAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return Math.Max(5, (max - 10) / nodes);
    }

    /// <summary>`serve` on the configured database, with the baseline mapped, sign-ins not limited per address (every simulated user comes from 127.0.0.1) and warnings only in the log.</summary>
    static IEnumerable<string> NodeArguments(SamraadOptions options, IConfiguration config, string dataDir, int? pool)
    {
        yield return "--data-dir"; yield return dataDir;
        yield return "--packs"; yield return options.ResolvedPacksDir;
        if (options.IsPostgres)
        {
            yield return "--db-provider"; yield return "postgres"; yield return "--db";
            yield return pool is int n ? new Npgsql.NpgsqlConnectionStringBuilder(options.Db) { MaxPoolSize = n }.ConnectionString : options.Db!;
        }
        foreach (var (key, value) in new Dictionary<string, string?>
                 {
                     ["Samraad:InitialAccounts"] = "false", ["Samraad:Bench:Baseline"] = "true", ["Samraad:LoginsPerMinute"] = "1000000",
                     ["Logging:LogLevel:Default"] = "Warning", ["Samraad:Chromium"] = config["Samraad:Chromium"], ["Samraad:PublicUrl"] = options.PublicUrl,
                 })
            if (value is not null) { yield return "--" + key; yield return value; }
    }

    static async Task Sample(List<NodeProcess> nodes, NginxProxy nginx, long[] peaks, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            for (var i = 0; i < nodes.Count; i++) peaks[i] = Math.Max(peaks[i], nodes[i].ResidentBytes);
            peaks[nodes.Count] = Math.Max(peaks[nodes.Count], nginx.ResidentBytes);
            try { await Task.Delay(500, ct); } catch (OperationCanceledException) { return; }
        }
    }

    /// <summary><paramref name="clients"/> loops at once (each returns how many answers it had); the answers per second.</summary>
    static async Task<double> Saturate(int clients, Func<int, Task<int>> loop)
    {
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => loop(i))));
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }

    static async Task SignIn(Session s, string password, Recorder recorder, CancellationToken ct)
    {
        if (s.SignedIn) return;
        var login = await recorder.Send("log ind", () => s.Client.PostAsJsonAsync("/api/session", new { userName = s.User.UserName, password }, ct), 204);
        s.SignedIn = login?.StatusCode == HttpStatusCode.NoContent;
        if (!s.SignedIn) return;
        var read = await recorder.Send("læs besvarelse (API)", () => s.Client.GetAsync(s.Response, ct), 200);
        if (read?.StatusCode == HttpStatusCode.OK) s.Revision = (await read.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("revision").GetInt32();
    }

    const string Saves = "gem kladde", SavesDuringSignIns = "gem kladde, mens andre logger ind";

    /// <summary>One numbered draft ("gem 17"); false when the run should stop saving for this user.</summary>
    static async Task<bool> Save(Session s, Recorder recorder, CancellationToken ct, string kind = Saves)
    {
        if (!s.SignedIn) return false;
        var n = ++s.Attempted;
        var put = await recorder.Send(kind, () => s.Client.PutAsJsonAsync(s.Response, new { answers = new Dictionary<string, string> { ["plan"] = "ja", [LoadData.Field] = $"gem {n}" }, revision = s.Revision }, ct), 200);
        if (put is null) return false;
        if (put.StatusCode != HttpStatusCode.OK)
        {
            // Read the revision again (a save whose answer was lost may have moved it) and go on.
            var read = await recorder.Send("læs besvarelse (API)", () => s.Client.GetAsync(s.Response, ct), 200);
            if (read?.StatusCode == HttpStatusCode.OK) s.Revision = (await read.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("revision").GetInt32();
            return read is not null;
        }
        s.Revision = (await put.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("revision").GetInt32();
        s.Acknowledged = n;
        s.AcknowledgedCount++;
        return true;
    }

    /// <summary>A respondent's deadline day: sign in (spread over the ramp), open the form, save every 2–4 s, submit in the last fifth.</summary>
    static async Task Respond(Session s, int index, string password, TimeSpan ramp, TimeSpan length, Stopwatch clock, Recorder recorder, CancellationToken ct)
    {
        var random = new Random(index);
        try
        {
            await Task.Delay(ramp * random.NextDouble(), ct);
            s.SignedIn = false; // a new visit: sign in again
            await SignIn(s, password, recorder, ct);
            if (!s.SignedIn) return;
            await recorder.Send("åbn skema (HTML)", () => s.Client.GetAsync($"/indsamlinger/{s.User.Collection}/besvarelser/{s.User.Organisation}", ct), 200);
            var submitAt = length * (0.8 + 0.15 * random.NextDouble());
            while (!recorder.Exhausted)
            {
                var think = TimeSpan.FromMilliseconds(random.Next(2000, 4000));
                if (clock.Elapsed + think >= submitAt) break;
                await Task.Delay(think, ct);
                if (!await Save(s, recorder, ct, clock.Elapsed < ramp ? SavesDuringSignIns : Saves)) return;
            }
            // Nobody submits an empty form: one who signed in too late to save on the way (a slow machine) saves once
            // now. Without it the submit was refused for a missing required answer and counted as an error.
            if (s.AcknowledgedCount == 0 && !await Save(s, recorder, ct, clock.Elapsed < ramp ? SavesDuringSignIns : Saves)) return;
            var wait = submitAt - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            var submit = await recorder.Send("indsend", () => s.Client.PostAsJsonAsync(s.Response + "/submit", new { revision = s.Revision }, ct), 200);
            s.SubmitAcknowledged = submit?.StatusCode == HttpStatusCode.OK;
        }
        catch (OperationCanceledException) { recorder.Error("afbrudt", $"{s.User.UserName}: kørslen nåede sin tidsgrænse"); }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException) { recorder.Error("uventet svar", $"{s.User.UserName}: {e.Message}"); }
    }

    /// <summary>A secretariat member following the rush: the summary and the matrix of a collection, then 1–3 s of reading.</summary>
    static async Task Read(LoadUser u, int index, LoadPlan plan, NginxProxy nginx, TimeSpan length, Stopwatch clock, Recorder recorder, CancellationToken ct)
    {
        var random = new Random(10_000 + index);
        using var client = nginx.Client(new CookieContainer());
        try
        {
            if ((await recorder.Send("log ind", () => client.PostAsJsonAsync("/api/session", new { userName = u.UserName, password = plan.Password }, ct), 204))?.StatusCode != HttpStatusCode.NoContent) return;
            while (clock.Elapsed < length && !recorder.Exhausted)
            {
                var slug = plan.Collections[random.Next(plan.Collections.Count)];
                await recorder.Send("sammendrag (HTML)", () => client.GetAsync($"/indsamlinger/{slug}/sammendrag", ct), 200);
                await recorder.Send("matrix (HTML)", () => client.GetAsync($"/indsamlinger/{slug}/matrix", ct), 200);
                await Task.Delay(random.Next(1000, 3000), ct);
            }
        }
        catch (OperationCanceledException) { recorder.Error("afbrudt", $"{u.UserName}: kørslen nåede sin tidsgrænse"); }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException) { recorder.Error("uventet svar", $"{u.UserName}: {e.Message}"); }
    }

    /// <summary>*Offentliggør dagsordenen* halfway through the rush (everyone signed in and saving: the saves measured against the target share the machine with the build), then the status page every 2 s (as its meta refresh) until the packet is published; how long that took.</summary>
    static async Task<TimeSpan?> Publish(LoadPlan plan, NginxProxy nginx, TimeSpan after, Stopwatch clock, Recorder recorder, CancellationToken ct)
    {
        using var client = nginx.Client(new CookieContainer());
        try
        {
            await Task.Delay(after, ct);
            var meeting = $"/moeder/{plan.Meeting}";
            if ((await recorder.Send("log ind", () => client.PostAsJsonAsync("/api/session", new { userName = plan.Publisher!.UserName, password = plan.Password }, ct), 204))?.StatusCode != HttpStatusCode.NoContent) return null;
            var page = await recorder.Send("mødeside (HTML)", () => client.GetAsync(meeting, ct), 200);
            if (page is null) return null;
            var token = Regex.Match(await page.Content.ReadAsStringAsync(ct), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            var started = clock.Elapsed;
            var pressed = await recorder.Send("offentliggør (kø)", () => client.PostAsync(meeting + "/offentliggoer", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), ct), 302);
            if (pressed?.Headers.Location?.OriginalString is not { } status || !status.Contains("/offentliggoerelse/", StringComparison.Ordinal)) return null;
            while (true)
            {
                await Task.Delay(2000, ct);
                var shown = await recorder.Send("pakkens statusside (HTML)", () => client.GetAsync(status, ct), 200, 302);
                if (shown is null) return null;
                if (shown.StatusCode == HttpStatusCode.Redirect) return clock.Elapsed - started;
                if ((await shown.Content.ReadAsStringAsync(ct)).Contains("Pakken kunne ikke bygges", StringComparison.Ordinal))
                {
                    recorder.Error("pakke", "Pakken kunne ikke bygges (se statussiden)");
                    return null;
                }
            }
        }
        catch (OperationCanceledException) { recorder.Error("afbrudt", "pakken blev ikke færdig inden kørslens tidsgrænse"); return null; }
    }

    /// <summary>Reads back each respondent's response: the stored save must be the last acknowledged one or a later attempt whose answer was lost on the way; a submission acknowledged must have a receipt.</summary>
    static async Task<(int Lost, int Checked)> Verify(List<Session> sessions, Recorder recorder, CancellationToken ct)
    {
        var lost = 0;
        var checkedSaves = 0;
        foreach (var s in sessions.Where(s => s.Acknowledged > 0 || s.SubmitAcknowledged))
        {
            checkedSaves += s.AcknowledgedCount + (s.SubmitAcknowledged ? 1 : 0);
            var read = await s.Client.GetAsync(s.Response, ct);
            if (read.StatusCode != HttpStatusCode.OK) { lost++; recorder.Error("kontrol", $"{s.User.UserName}: {(int)read.StatusCode} ved kontrollen"); continue; }
            var response = await read.Content.ReadFromJsonAsync<JsonElement>(ct);
            var stored = response.GetProperty("answers").TryGetProperty(LoadData.Field, out var a) && a.GetProperty("value").GetString() is { } v && v.StartsWith("gem ", StringComparison.Ordinal)
                ? int.Parse(v[4..], System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (stored < s.Acknowledged || stored > s.Attempted) lost++;
            else if (s.SubmitAcknowledged && response.GetProperty("latestReceipt").ValueKind == JsonValueKind.Null) lost++;
        }
        return (lost, checkedSaves);
    }

    static async Task Report(TextWriter log, LoadOptions o, Recorder rush, Recorder saturation, TimeSpan rushTime, double baselineRate, double saveRate,
        TimeSpan? packet, int lost, int checkedSaves, long[] peaks, int nodeCount, LoadPlan plan)
    {
        var ci = System.Globalization.CultureInfo.GetCultureInfo("da-DK");
        string F(double v, string format = "0") => v.ToString(format, ci);
        async Task Table(Recorder r, TimeSpan? over)
        {
            await log.WriteLineAsync($"  {"Slags",-38} {"antal",7} {"fejl",5} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}{(over is null ? "" : "    pr. s")}");
            foreach (var k in r.Kinds())
                await log.WriteLineAsync($"  {k.Name,-38} {k.Count,7} {k.Errors,5} {F(k.P50, "0.0"),8} {F(k.P95, "0.0"),8} {F(k.P99, "0.0"),8}{(over is { } t ? $" {F(k.Count / t.TotalSeconds, "0.0"),8}" : "")}");
        }
        if (o.SaturateSeconds > 0)
        {
            await log.WriteLineAsync($"\nLoftet ({o.SaturateClients} samtidige klienter uden pause, {o.SaturateSeconds} s hver):");
            await Table(saturation, null);
            await log.WriteLineAsync($"  Basislinje {F(baselineRate)}/s, kladdegemning {F(saveRate)}/s: {F(saveRate / Math.Max(baselineRate, 1e-9) * 100)} % af basislinjen.");
        }
        var total = rush.Kinds().Sum(k => k.Count);
        await log.WriteLineAsync($"\nFristdagen ({F(rushTime.TotalSeconds)} s, {o.Respondents} besvarere, {o.Secretariats} sekretariatsbrugere{(packet is null ? "" : ", 1 dagsordenspakke")}):");
        await Table(rush, rushTime);
        await log.WriteLineAsync($"  I alt {total} forespørgsler, {F(total / rushTime.TotalSeconds)}/s, {rush.Errors} fejl.");
        if (packet is { } p) await log.WriteLineAsync($"  Dagsordenspakken var offentliggjort {F(p.TotalSeconds, "0.0")} s efter klikket, under belastningen.");
        else if (o.Packet && plan.Publisher is not null) await log.WriteLineAsync("  Dagsordenspakken blev ikke offentliggjort (se fejlene).");
        await log.WriteLineAsync($"  Tabte skrivninger: {lost} ({checkedSaves} kvitterede gemninger og indsendelser; hver besvarers sidste kvitterede gemning og indsendelse læst tilbage efter kørslen).");
        foreach (var e in rush.FirstErrors.Concat(saturation.FirstErrors).Take(10)) await log.WriteLineAsync($"  Fejl: {e}");
        var mb = peaks.Select(b => b / 1024.0 / 1024.0).ToArray();
        await log.WriteLineAsync($"  Hukommelse (højeste RSS, målt hver 0,5 s): {string.Join(", ", mb.Take(nodeCount).Select((m, i) => $"node {i + 1} {F(m)} MB"))}; nginx {F(mb[nodeCount])} MB.");

        var saves = rush.Kinds().FirstOrDefault(k => k.Name == Saves);
        string Met(bool ok) => ok ? "opfyldt" : "IKKE opfyldt";
        await log.WriteLineAsync("\nMål (issue 15):");
        await log.WriteLineAsync($"  p99 for gem kladde ≤ 150 ms (når alle er logget ind): {F(saves?.P99 ?? 0, "0.0")} ms, {Met(saves is not null && saves.P99 <= 150)}");
        await log.WriteLineAsync($"  0 fejl: {rush.Errors + saturation.Errors}, {Met(rush.Errors + saturation.Errors == 0)}; 0 tabte: {lost}, {Met(lost == 0)}");
        if (o.SaturateSeconds > 0) await log.WriteLineAsync($"  kladdegemning ≥ 50 % af basislinjen: {F(saveRate / Math.Max(baselineRate, 1e-9) * 100)} %, {Met(saveRate >= baselineRate / 2)}");
        await log.WriteLineAsync($"  hver nodes RSS ≤ 400 MB: {string.Join(", ", mb.Take(nodeCount).Select(m => F(m) + " MB"))}, {Met(mb.Take(nodeCount).All(m => m <= 400))}");
        if (o.Respondents < 300) await log.WriteLineAsync($"  (Målene gælder 300 samtidige besvarere; denne kørsel havde {o.Respondents}.)");
    }
}
