using Samraad.Data;

namespace Samraad.Features.Meetings;

/// <summary>Something that keeps a view of meetings up to date (the search index); told after every saved change.</summary>
public interface IMeetingListener
{
    Task MeetingChanged(AppDbContext db, string meetingSlug, CancellationToken ct);
}

/// <summary>Tells every listener that a meeting changed. Meetings does not know who listens: search depends on meetings, not back.</summary>
public sealed class MeetingChanges(IEnumerable<IMeetingListener> listeners)
{
    public async Task Notify(AppDbContext db, string meetingSlug, CancellationToken ct = default)
    {
        foreach (var listener in listeners) await listener.MeetingChanged(db, meetingSlug, ct);
    }
}
