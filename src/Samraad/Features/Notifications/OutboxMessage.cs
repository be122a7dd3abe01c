using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samraad.Data;

namespace Samraad.Features.Notifications;

/// <summary>
/// Which mail a user may turn off: reminders and notices are the user's choice (*Min konto*); receipts and security
/// mail (invitations, password reset, sign-in) are always sent.
/// </summary>
public enum MessageCategory { Security, Receipt, Reminder, Notice }

public enum DeliveryState { Queued, Sent, Failed }

/// <summary>
/// One e-mail to one address, written in the same transaction as the event that causes it: a crash can neither lose
/// it nor send it for an event that was rolled back. <see cref="DeliverOutbox"/> claims and sends it.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>What caused it, as a code ("invitation", "reminder", "receipt" …); <see cref="MessageKinds"/> names them in Danish.</summary>
    public string Kind { get; set; } = "";
    public MessageCategory Category { get; set; }
    public string? UserId { get; set; }
    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    /// <summary>The page the message links to (absolute).</summary>
    public string? Link { get; set; }
    public int? CollectionId { get; set; }
    public int? MeetingId { get; set; }
    public int? OrganisationId { get; set; }
    /// <summary>
    /// Set for a message that must exist at most once (a scheduled reminder): a unique index, so two nodes scheduling
    /// the same reminder at the same moment write one row.
    /// </summary>
    public string? OnceKey { get; set; }

    public DeliveryState State { get; set; } = DeliveryState.Queued;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    /// <summary>A node that claimed the message owns it until then; a node that died loses it when the lease runs out.</summary>
    public DateTime? ClaimedUntil { get; set; }
    public string? ClaimedBy { get; set; }
    public string? LastError { get; set; }
    public DateTime? SentAt { get; set; }

    public string StateLabel => State switch
    {
        DeliveryState.Sent => "Sendt",
        DeliveryState.Failed => "Kunne ikke sendes",
        _ => Attempts == 0 ? "I kø" : $"I kø (forsøgt {Attempts} gange)",
    };
}

sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("Outbox");
        e.Property(m => m.Kind).HasMaxLength(40);
        e.Property(m => m.Category).HasConversion<string>().HasMaxLength(20);
        e.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
        e.Property(m => m.ToAddress).HasMaxLength(320);
        e.Property(m => m.ToName).HasMaxLength(200);
        e.Property(m => m.Subject).HasMaxLength(300);
        e.Property(m => m.Link).HasMaxLength(2000);
        e.Property(m => m.OnceKey).HasMaxLength(300);
        e.Property(m => m.ClaimedBy).HasMaxLength(200);
        e.Property(m => m.LastError).HasMaxLength(1000);
        e.Property(m => m.UserId).HasMaxLength(450);
        e.HasIndex(m => m.OnceKey).IsUnique();
        e.HasIndex(m => new { m.State, m.NextAttemptAt });
        e.HasIndex(m => m.CollectionId);
        e.HasIndex(m => m.MeetingId);
        e.HasIndex(m => m.UserId);
    }
}

/// <summary>A message as *Udsendte beskeder* shows it. State: Queued, Sent or Failed.</summary>
public sealed record MessageDto(long Id, DateTime QueuedAtUtc, string Kind, string To, string ToName, string? Organisation, string Subject,
    string State, int Attempts, string? LastError, DateTime? SentAtUtc)
{
    /// <summary>The newest messages of a selection (a collection's, a meeting's), at most 2,000: a page stays a page.</summary>
    public static Task<List<OutboxMessage>> Latest(IQueryable<OutboxMessage> messages) =>
        messages.AsNoTracking().OrderByDescending(m => m.Id).Take(2000).ToListAsync();

    /// <summary>The messages as the API returns them, each with its organisation's slug.</summary>
    public static async Task<List<MessageDto>> List(AppDbContext db, IReadOnlyList<OutboxMessage> messages)
    {
        var ids = messages.Select(m => m.OrganisationId).OfType<int>().Distinct().ToList();
        var orgs = await db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Slug);
        return messages.Select(m => new MessageDto(m.Id, m.CreatedAt, m.Kind, m.ToAddress, m.ToName,
            m.OrganisationId is int o ? orgs.GetValueOrDefault(o) : null, m.Subject, m.State.ToString(), m.Attempts, m.LastError, m.SentAt)).ToList();
    }
}
