using Microsoft.Playwright;

namespace Samraad.Documents.Pdf;

/// <summary>Raised when HTML cannot be printed because Debian's Chromium is not installed.</summary>
public sealed class ChromiumMissingException(string path)
    : Exception($"Chromium findes ikke på {path}. Installér den med »apt-get install chromium« (eller sæt Samraad:Chromium).");

/// <summary>
/// Prints HTML to PDF in headless Chromium (Debian's /usr/bin/chromium, never a downloaded browser). One browser
/// per process, started on first use; each document gets its own context with JavaScript off and no network.
/// </summary>
public sealed class ChromiumPdf(IConfiguration config, ILogger<ChromiumPdf> log) : IAsyncDisposable
{
    readonly SemaphoreSlim start = new(1, 1);
    readonly SemaphoreSlim pages = new(2, 2); // two cores: two documents at a time
    IPlaywright? playwright;
    IBrowser? browser;

    string ExecutablePath => config["Samraad:Chromium"] ?? "/usr/bin/chromium";

    public async Task<byte[]> Print(string html, CancellationToken ct = default)
    {
        var b = await Browser();
        await pages.WaitAsync(ct);
        try
        {
            await using var context = await b.NewContextAsync(new() { JavaScriptEnabled = false, Offline = true });
            var page = await context.NewPageAsync();
            await page.SetContentAsync(html, new() { WaitUntil = WaitUntilState.Load });
            return await page.PdfAsync(new() { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        }
        finally { pages.Release(); }
    }

    async Task<IBrowser> Browser()
    {
        if (browser is { IsConnected: true }) return browser;
        await start.WaitAsync();
        try
        {
            if (browser is { IsConnected: true }) return browser;
            if (!File.Exists(ExecutablePath)) throw new ChromiumMissingException(ExecutablePath);
            playwright ??= await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
            });
            log.LogInformation("Chromium startet til PDF: {Path}", ExecutablePath);
            return browser;
        }
        finally { start.Release(); }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }
}
