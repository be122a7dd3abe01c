namespace Samraad.Features.Notifications;

/// <summary>The outbox, the mail it sends (SMTP or .eml files), reminders and *Udsendte beskeder*.</summary>
public sealed class NotificationsFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions());
        services.AddSingleton<IMailTransport>(sp =>
        {
            var mail = sp.GetRequiredService<MailOptions>();
            return string.IsNullOrWhiteSpace(mail.Smtp.Host)
                ? new EmlFileTransport(Path.Combine(sp.GetRequiredService<SamraadOptions>().FullDataDir, "mail"))
                : new SmtpTransport(mail.Smtp);
        });
        services.AddScoped<Outbox>();
        services.AddScoped<DeliverOutbox>();
        services.AddHostedService<OutboxWorker>();
        services.AddHostedService<ReminderWorker>();
        services.AddScoped<Operations.Jobs.IJobHandler, RemindersJob>();
    }
}
