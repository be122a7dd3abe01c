using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Samraad.Bench.Load;

/// <summary>
/// Debian's nginx on loopback as the README's *Drift* section sets it up: TLS terminated here (a self-signed
/// certificate for 127.0.0.1 made for the run), round robin over the nodes, forwarded headers, /metrics not served
/// to the outside. Its own prefix in a temp folder, removed when it stops. Used by the load benchmark and the node tests.
/// </summary>
public sealed class NginxProxy : IDisposable
{
    public const string Binary = "/usr/sbin/nginx";
    readonly Process process;
    readonly string folder;
    public Uri Address { get; }
    public int Pid => process.Id;

    NginxProxy(Process process, string folder, Uri address) { this.process = process; this.folder = folder; Address = address; }

    /// <param name="nodes">The node addresses (http://127.0.0.1:port).</param>
    /// <param name="workers">nginx worker processes (the README's setting is "auto").</param>
    public static async Task<NginxProxy> Start(IEnumerable<Uri> nodes, int workers = 1)
    {
        if (!File.Exists(Binary)) throw new FileNotFoundException($"{Binary} mangler: apt-get install nginx (tools/test.sh gør det)");
        var folder = Directory.CreateTempSubdirectory("samraad-nginx-").FullName;
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
            await File.WriteAllTextAsync(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(Path.Combine(folder, "key.pem"), rsa.ExportPkcs8PrivateKeyPem());
        }
        var port = NodeProcess.FreePort();
        var upstream = string.Join("\n", nodes.Select(n => $"        server 127.0.0.1:{n.Port} max_fails=1 fail_timeout=5s;"));
        // The server block is the README's (Drift → nginx), with loopback ports and this folder's certificate.
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes {{workers}};
            worker_rlimit_nofile 8192;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 4096; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                upstream samraad {
            {{upstream}}
                    keepalive 64;
                }
                server {
                    listen 127.0.0.1:{{port}} ssl;
                    ssl_certificate {{folder}}/cert.pem;
                    ssl_certificate_key {{folder}}/key.pem;
                    client_max_body_size 60m;
                    location ~* ^/metrics { return 404; }
                    location / {
                        proxy_pass http://samraad;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_next_upstream error timeout http_502 http_503;
                        proxy_read_timeout 120s;
                        proxy_max_temp_file_size 0;
                    }
                }
            }
            """);
        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-p", folder, "-e", Path.Combine(folder, "error.log"), "-c", Path.Combine(folder, "nginx.conf") }) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        var nginx = new NginxProxy(process, folder, new Uri($"https://127.0.0.1:{port}"));
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(20); await Task.Delay(100))
        {
            if (process.HasExited) throw new InvalidOperationException($"nginx stopped: {await process.StandardError.ReadToEndAsync()} {await File.ReadAllTextAsync(Path.Combine(folder, "error.log"))}");
            try
            {
                using var probe = nginx.Client(new CookieContainer());
                if ((await probe.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return nginx;
            }
            catch (HttpRequestException) { }
        }
        nginx.Dispose();
        throw new TimeoutException("nginx did not answer within 20 s");
    }

    /// <summary>A browser-like client of the proxy (trusting only its own certificate), with cookies and no automatic redirects.</summary>
    public HttpClient Client(CookieContainer cookies) => new(Handler(cookies)) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The client's handler: one connection pool per user, as browsers have.</summary>
    public static SocketsHttpHandler Handler(CookieContainer cookies) => new()
    {
        UseCookies = true, CookieContainer = cookies, AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.Subject == "CN=127.0.0.1" },
    };

    /// <summary>The resident memory of nginx's master and workers together, in bytes.</summary>
    public long ResidentBytes => NodeProcess.Resident(process.Id) + Workers().Sum(NodeProcess.Resident);

    IEnumerable<int> Workers()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string? parent;
            try { parent = File.ReadLines(Path.Combine(dir, "status")).FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal)); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            if (parent?.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1)?.Trim() == process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) yield return pid;
        }
    }

    public void Dispose()
    {
        if (!process.HasExited) { process.Kill(entireProcessTree: true); process.WaitForExit(); }
        process.Dispose();
        try { Directory.Delete(folder, true); } catch (IOException) { }
    }
}
