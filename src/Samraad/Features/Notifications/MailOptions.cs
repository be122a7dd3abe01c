namespace Samraad.Features.Notifications;

/// <summary>
/// How mail leaves Samraad (configuration section Samraad:Mail). With no SMTP host every message is written as an
/// .eml file to DATA-DIR/mail, so the first start needs no mail server.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Samraad:Mail";
    /// <summary>The sender: "Samraad &lt;noreply@kkr.example.dk&gt;".</summary>
    public string From { get; set; } = "Samraad <noreply@samraad.invalid>";
    public SmtpOptions Smtp { get; set; } = new();
    /// <summary>How often each node looks for queued messages (seconds).</summary>
    public double PollSeconds { get; set; } = 2;
    /// <summary>False stops the background sender (a node that only serves pages, or a test that sends by hand).</summary>
    public bool Send { get; set; } = true;
    /// <summary>Attempts before a message is given up (failed, shown to the secretariat).</summary>
    public int MaxAttempts { get; set; } = 10;

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 587;
        /// <summary>"StartTls" (default), "SslOnConnect", "None" (a relay on loopback only).</summary>
        public string Security { get; set; } = "StartTls";
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public double TimeoutSeconds { get; set; } = 30;
    }
}
