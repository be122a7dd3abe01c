namespace Samraad.Features.Meetings;

/// <summary>
/// Who may open a meeting's file: the secretariat always; others a file that was in a published version of the
/// agenda (an attachment added since is nobody else's yet), and a closed item's only as the body's members.
/// </summary>
public static class FileAccess
{
    public static bool CanRead(MeetingContext ctx, int fileId, Publication? packetOf, UserContext? user)
    {
        if (ctx.CanAdminister(user)) return true;
        if (packetOf is not null) return !AgendaSnapshot.FromJson(packetOf.SnapshotJson).Items.Any(i => i.IsClosed) || ctx.CanSeeClosed(user);
        var versions = ctx.Publications.Select(p => AgendaSnapshot.FromJson(p.SnapshotJson)).ToList();
        if (versions.Count == 0) return false;
        // Versions published before snapshots named their files: the current attachment decides, as it did then.
        if (!versions.Any(v => v.HasContent))
            return ctx.Items.FirstOrDefault(i => i.Attachments.Any(a => a.FileId == fileId)) is { } now && (!now.IsClosed || ctx.CanSeeClosed(user));
        var holder = versions.Select(v => v.ItemWithFile(fileId)).OfType<AgendaSnapshot.Item>().ToList();
        return holder.Count > 0 && holder.Any(i => !i.IsClosed || ctx.CanSeeClosed(user));
    }
}
