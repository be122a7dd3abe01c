using Microsoft.Playwright;

namespace Samraad.Documents.Pdf;

/// <summary>Raised when HTML cannot be printed because Debian's Chromium is not installed.</summary>
public sealed class ChromiumMissingException(string path)
    : Exception($"Chromium findes ikke på {path}. Installér den med »apt-get install chromium« (eller sæt Samraad:Chromium).");

/// <summary>
/// Prints HTML to PDF in headless Chromium (Debian's /usr/bin/chromium, never a downloaded browser). One browser
/// per process, started on first use and ended with the process — shared by every host in it (a test run starts
/// hundreds). Documents print in one context with JavaScript off and no network, on reused pages: a new context
/// costs ~300 ms and a new page ~100 ms, which made a packet's ten documents take five seconds instead of one.
/// With scripts off and the content replaced whole, nothing of one document survives into the next.
/// </summary>
public sealed class ChromiumPdf(IConfiguration config, ILogger<ChromiumPdf> log)
{
    static readonly SemaphoreSlim start = new(1, 1);
    static readonly SemaphoreSlim pages = new(2, 2); // two cores: two documents at a time
    static IPlaywright? playwright;
    static IBrowser? browser;
    static IBrowserContext? context;
    static readonly System.Collections.Concurrent.ConcurrentBag<IPage> idle = [];

    string ExecutablePath => config["Samraad:Chromium"] ?? "/usr/bin/chromium";

    /// <summary>
    /// How much the printing gives way to the web requests (nice 0–19, default 10). Printing a packet takes both cores
    /// for seconds; at the same priority every draft save of a deadline rush waited behind it, for up to 3 s
    /// (`bench load`). At nice 10 the kernel gives a request about ten times the printer's share, so the packet prints
    /// on what the users leave and takes longer only when they need the machine.
    /// </summary>
    int Niceness => int.TryParse(config["Samraad:ChromiumNice"], out var n) ? Math.Clamp(n, 0, 19) : 10;

    /// <summary>
    /// Prints the HTML to an A4 PDF, tagged for screen readers (headings, lists, tables as structure; the language and
    /// title from the document's lang and title). With <paramref name="footer"/> Chromium writes it and "Side X af Y"
    /// at the foot of each page, for a document that is not merged afterwards and so keeps its tags.
    /// </summary>
    public async Task<byte[]> Print(string html, CancellationToken ct = default, string? footer = null)
    {
        var documents = await Documents();
        await pages.WaitAsync(ct);
        IPage? page = null;
        try
        {
            page = idle.TryTake(out var reused) && !reused.IsClosed ? reused : await documents.NewPageAsync();
            await page.SetContentAsync(html, new() { WaitUntil = WaitUntilState.Load });
            var pdf = await page.PdfAsync(new()
            {
                Format = "A4", PrintBackground = true, PreferCSSPageSize = true, Tagged = true, Outline = footer is not null,
                DisplayHeaderFooter = footer is not null, HeaderTemplate = "<span></span>",
                FooterTemplate = footer is null ? null : "<div style=\"font: 8pt 'DejaVu Sans', sans-serif; width: 100%; margin: 0 15mm; display: flex; justify-content: space-between\">"
                    + $"<span>{System.Net.WebUtility.HtmlEncode(footer)}</span><span>Side <span class=\"pageNumber\"></span> af <span class=\"totalPages\"></span></span></div>",
                Margin = footer is null ? null : new() { Top = "15mm", Bottom = "18mm", Left = "15mm", Right = "15mm" },
            });
            idle.Add(page);
            page = null;
            return pdf;
        }
        finally
        {
            if (page is not null) await page.CloseAsync(); // a page that failed is not reused
            pages.Release();
        }
    }

    async Task<IBrowserContext> Documents()
    {
        // Checked every time: a host configured with a path where no Chromium is gets told so, shared browser or not.
        if (!File.Exists(ExecutablePath)) throw new ChromiumMissingException(ExecutablePath);
        if (browser is { IsConnected: true } && context is { } running) return running;
        await start.WaitAsync();
        try
        {
            if (browser is { IsConnected: true } && context is { } existing) return existing;
            if (playwright is null)
            {
                // Playwright's driver (Node.js) starts Chromium, so both run at the driver's priority. The wrapper is
                // needed only to start it (exec replaces it) and is gone afterwards.
                // Under the static lock and only once per process: no other instance sees the variable set.
                var wrapper = Niceness > 0 && !OperatingSystem.IsWindows() ? LowPriorityDriver(Niceness) : null;
                try { playwright = await Playwright.CreateAsync(); }
                catch (Exception e) when (wrapper is not null && e is not OutOfMemoryException)
                {
                    // A temporary directory mounted noexec, say: printing at normal priority beats no printing.
                    log.LogWarning(e, "Playwright kunne ikke startes med lav prioritet; starter med normal prioritet");
                    Environment.SetEnvironmentVariable(DriverVariable, null);
                    playwright = await Playwright.CreateAsync();
                }
                finally
                {
                    if (wrapper is not null) { Directory.Delete(wrapper, recursive: true); Environment.SetEnvironmentVariable(DriverVariable, null); }
                }
            }
            browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
            });
            context = await browser.NewContextAsync(new() { JavaScriptEnabled = false, Offline = true });
            log.LogInformation("Chromium startet til PDF: {Path}", ExecutablePath);
            return context;
        }
        finally { start.Release(); }
    }

    /// <summary>
    /// Points Playwright (PLAYWRIGHT_NODEJS_PATH, unless the operator set it) at a script that runs its bundled
    /// Node.js under nice; the script lies in a directory of its own that only this user can open
    /// (CreateTempSubdirectory: 0700). Returns that directory, or null when there is nothing to wrap.
    /// </summary>
    const string DriverVariable = "PLAYWRIGHT_NODEJS_PATH";

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    static string? LowPriorityDriver(int niceness)
    {
        var platform = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        var node = Path.Combine(AppContext.BaseDirectory, ".playwright", "node", platform, "node");
        if (Environment.GetEnvironmentVariable(DriverVariable) is { Length: > 0 } || !File.Exists("/usr/bin/nice") || !File.Exists(node)) return null;
        var directory = Directory.CreateTempSubdirectory("samraad-pdf-").FullName;
        var script = Path.Combine(directory, "node");
        File.WriteAllText(script, $"#!/bin/sh\nexec /usr/bin/nice -n {niceness} '{node.Replace("'", "'\\''", StringComparison.Ordinal)}' \"$@\"\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Environment.SetEnvironmentVariable(DriverVariable, script);
        return directory;
    }
}
