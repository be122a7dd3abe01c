using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Samraad.IntegrationTests;

/// <summary>
/// Debian's nginx on loopback as the README's *Drift* section sets it up: TLS terminated here, round robin over the
/// nodes, forwarded headers, /metrics not served to the outside. Its own prefix in a temp folder; stopped on dispose.
/// </summary>
public sealed class TestNginx : IDisposable
{
    public const string Binary = "/usr/sbin/nginx";
    readonly Process process;
    readonly string folder;
    public Uri Address { get; }

    TestNginx(Process process, string folder, Uri address) { this.process = process; this.folder = folder; Address = address; }

    public static async Task<TestNginx> Start(params ServedApp[] nodes)
    {
        Assert.True(File.Exists(Binary), $"{Binary} is missing: apt-get install nginx (tools/test.sh does)");
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
        var port = ServedApp.FreePort();
        var upstream = string.Join("\n", nodes.Select(n => $"        server 127.0.0.1:{n.Address.Port} max_fails=1 fail_timeout=5s;"));
        // The server block is the README's (Drift → nginx), with loopback ports and this folder's certificate.
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                upstream samraad {
            {{upstream}}
                    keepalive 16;
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
        var nginx = new TestNginx(process, folder, new Uri($"https://127.0.0.1:{port}"));
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(20); await Task.Delay(100))
        {
            if (process.HasExited) throw new InvalidOperationException($"nginx stopped: {await process.StandardError.ReadToEndAsync()} {File.ReadAllText(Path.Combine(folder, "error.log"))}");
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

    /// <summary>A browser-like client of the proxy (trusting its test certificate), with cookies.</summary>
    public HttpClient Client(CookieContainer cookies) => new(new HttpClientHandler
    {
        UseCookies = true, CookieContainer = cookies, AllowAutoRedirect = false,
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Subject == "CN=127.0.0.1",
    }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    public void Dispose()
    {
        if (!process.HasExited) { process.Kill(entireProcessTree: true); process.WaitForExit(); }
        process.Dispose();
        try { Directory.Delete(folder, true); } catch (IOException) { }
    }
}
