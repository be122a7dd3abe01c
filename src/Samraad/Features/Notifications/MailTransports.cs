using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Samraad.Features.Notifications;

/// <summary>Hands one message to the world; throws <see cref="MailDeliveryException"/> when it could not.</summary>
public interface IMailTransport
{
    /// <summary>What the log says at start: where mail goes.</summary>
    string Describe();
    Task Send(MimeMessage message, CancellationToken ct);
}

/// <summary>A delivery that failed: <see cref="Permanent"/> when trying again cannot help (the server refused the address).</summary>
public sealed class MailDeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}

/// <summary>
/// The default: each message as an .eml file in DATA-DIR/mail (any mail program opens it). The file is written under
/// a temporary name and renamed, so a half-written message is never there to read.
/// </summary>
public sealed class EmlFileTransport(string directory) : IMailTransport
{
    public string Directory { get; } = directory;

    public string Describe() => $"Ingen SMTP-server er sat op (Samraad:Mail:Smtp:Host): e-mails skrives som .eml-filer i {Directory}";

    public async Task Send(MimeMessage message, CancellationToken ct)
    {
        // Owner-only, as the keys and the first passwords: an invitation's file holds a one-time link.
        Samraad.Data.PrivateFiles.Directory(Directory);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml";
        var temp = Path.Combine(Directory, "." + name + ".tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var file = new FileStream(temp, options)) await message.WriteToAsync(file, ct);
        File.Move(temp, Path.Combine(Directory, name), overwrite: true);
    }
}

/// <summary>Delivery through an SMTP server (MailKit), one connection per message batch is not needed at this volume: one per message.</summary>
public sealed class SmtpTransport(MailOptions.SmtpOptions options) : IMailTransport
{
    public string Describe() => $"E-mails sendes med SMTP via {options.Host}:{options.Port} ({options.Security})";

    public async Task Send(MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = (int)(options.TimeoutSeconds * 1000) };
        try
        {
            var security = options.Security.ToLowerInvariant() switch
            {
                "none" => SecureSocketOptions.None,
                "sslonconnect" => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(options.Host!, options.Port, security, ct);
            if (!string.IsNullOrEmpty(options.UserName)) await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
            await client.SendAsync(message, ct);
            // Accepted is sent: a failure to say goodbye must not make the message go out again.
            try { await client.DisconnectAsync(true, ct); } catch (Exception e) when (e is IOException or SmtpProtocolException or System.Net.Sockets.SocketException or OperationCanceledException) { }
        }
        catch (SmtpCommandException e)
        {
            // 5xx for this recipient: the address does not exist or is refused; another try gives the same answer.
            var permanent = (int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted;
            throw new MailDeliveryException($"SMTP-serveren afviste: {(int)e.StatusCode} {e.Message}", permanent, e);
        }
        catch (Exception e) when (e is SmtpProtocolException or System.Net.Sockets.SocketException or IOException or AuthenticationException
                                      or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new MailDeliveryException($"SMTP-serveren kunne ikke nås: {e.Message}", permanent: false, e);
        }
    }
}
