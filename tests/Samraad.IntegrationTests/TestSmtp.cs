using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Samraad.IntegrationTests;

/// <summary>
/// A real SMTP server on loopback (the SmtpServer package) for the app to deliver to: every accepted message is kept
/// and read back as MIME. Addresses starting "afvist@" are refused with 550, as a real server refuses an unknown
/// mailbox; <see cref="Stop"/> takes it down (connection refused), <see cref="Start"/> brings it back on the same port.
/// </summary>
public sealed class TestSmtp : IAsyncDisposable
{
    public int Port { get; }
    public ConcurrentQueue<MimeMessage> Received { get; } = new();
    SmtpServer.SmtpServer? server;
    CancellationTokenSource? stop;
    Task? running;

    public TestSmtp()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Start();
    }

    /// <summary>The app's configuration for delivering here.</summary>
    public Dictionary<string, string> Settings(Dictionary<string, string>? more = null)
    {
        var s = new Dictionary<string, string>
        {
            ["Samraad:Mail:Smtp:Host"] = "127.0.0.1", ["Samraad:Mail:Smtp:Port"] = Port.ToString(), ["Samraad:Mail:Smtp:Security"] = "None",
            ["Samraad:Mail:Smtp:TimeoutSeconds"] = "5", ["Samraad:Mail:PollSeconds"] = "0.2", ["Samraad:Mail:From"] = "KKR Sjælland <kkr@samraad.test>",
        };
        foreach (var (k, v) in more ?? []) s[k] = v;
        return s;
    }

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("samraad-test").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter());
        server = new SmtpServer.SmtpServer(options, services);
        stop = new CancellationTokenSource();
        running = server.StartAsync(stop.Token);
        // Back only once it listens: a message tried in between would be refused and wait for its retry.
        for (var i = 0; i < 200; i++)
        {
            try { using var probe = new TcpClient(); probe.Connect(IPAddress.Loopback, Port); return; }
            catch (SocketException) { Thread.Sleep(25); }
        }
    }

    public async Task Stop()
    {
        stop?.Cancel();
        try { if (running is not null) await running; } catch (OperationCanceledException) { }
        server = null;
    }

    /// <summary>Waits (up to <paramref name="seconds"/>) until <paramref name="count"/> messages have arrived in all.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitFor(int count, double seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (Received.Count < count && DateTime.UtcNow < until) await Task.Delay(50);
        return Received.ToList();
    }

    public async ValueTask DisposeAsync() => await Stop();

    sealed class Store(TestSmtp owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            owner.Received.Enqueue(await MimeMessage.LoadAsync(stream, ct));
            return SmtpResponse.Ok;
        }
    }

    sealed class Filter : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken ct) =>
            Task.FromResult(!to.User.StartsWith("afvist", StringComparison.Ordinal));
    }
}
