using Microsoft.EntityFrameworkCore;
using Samraad.Auth;
using Samraad.Data;

namespace Samraad.Features.Notifications;

/// <summary>
/// Queues messages on the caller's DbContext: they are saved by the caller's SaveChanges, in its transaction, with
/// the change that causes them. Nothing is sent here (<see cref="DeliverOutbox"/> does that).
/// </summary>
public sealed class Outbox(AppDbContext db, TimeProvider clock, SamraadOptions options, ILogger<Outbox> log)
{
    /// <summary>An absolute link to a page of this installation (Samraad:PublicUrl), never built from the request's Host header.</summary>
    public string Link(string path) => options.PublicBaseUrl + path;

    /// <summary>
    /// Queues <paramref name="mail"/> to a user, if the user can be mailed (an address, active) and has not turned the
    /// category off. Returns whether it was queued.
    /// </summary>
    public bool To(AppUser user, MessageCategory category, string kind, MailTemplate mail, MessageRefs refs = default, string? onceKey = null)
    {
        if (string.IsNullOrWhiteSpace(user.Email) || !user.IsActive) return false;
        if (category == MessageCategory.Reminder && !user.WantsReminders) return false;
        if (category == MessageCategory.Notice && !user.WantsNotices) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new OutboxMessage
        {
            CreatedAt = now, NextAttemptAt = now, Kind = kind, Category = category, UserId = user.Id,
            ToAddress = user.Email!, ToName = user.FullName, Subject = mail.Subject, TextBody = mail.Text(), HtmlBody = mail.Html(),
            Link = mail.Link, CollectionId = refs.CollectionId, MeetingId = refs.MeetingId, OrganisationId = refs.OrganisationId ?? user.OrganisationId,
            OnceKey = onceKey,
        });
        return true;
    }

    /// <summary>
    /// Saves the queued messages that carry a once-key, leaving out those this node or another queued already (the
    /// unique key decides a race between nodes: the loser's rows go). Returns how many were saved.
    /// </summary>
    public async Task<int> SaveOnce(CancellationToken ct = default)
    {
        var added = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).ToList();
        var keys = added.Select(e => e.Entity.OnceKey).OfType<string>().ToList();
        var done = keys.Count == 0 ? [] : await db.Outbox.Where(m => m.OnceKey != null && keys.Contains(m.OnceKey)).Select(m => m.OnceKey!).ToListAsync(ct);
        foreach (var entry in added.Where(e => done.Contains(e.Entity.OnceKey!))) entry.State = EntityState.Detached;
        var count = added.Count - added.Count(e => e.State == EntityState.Detached);
        if (count == 0) return 0;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e)
        {
            log.LogInformation("En anden node lagde de samme beskeder i kø ({Error})", e.InnerException?.Message);
            foreach (var entry in added) entry.State = EntityState.Detached;
            return 0;
        }
        return count;
    }

    /// <summary>The users who are told about an organisation's affairs: active, signed up (not only invited), with an address.</summary>
    public async Task<List<AppUser>> UsersOf(IEnumerable<int> organisationIds, Func<string, bool>? role = null, CancellationToken ct = default)
    {
        var ids = organisationIds.ToList();
        var users = await db.Users.Where(u => u.OrganisationId != null && ids.Contains(u.OrganisationId.Value) && u.IsActive && u.Email != null && (u.PasswordHash != null || u.EmailConfirmed))
            .OrderBy(u => u.FullName).ToListAsync(ct);
        return role is null ? users : users.Where(u => role(u.Role)).ToList();
    }
}

/// <summary>What a message is about, so *Udsendte beskeder* can list it under its collection, meeting and organisation.</summary>
public readonly record struct MessageRefs(int? CollectionId = null, int? MeetingId = null, int? OrganisationId = null);
