namespace Samraad.Features.Meetings;

/// <summary>Who may open an attachment: the secretariat always; others only once the agenda is published, and closed items only members.</summary>
public static class FileAccess
{
    public static bool CanRead(MeetingContext ctx, AgendaItem item, UserContext? user) =>
        ctx.CanAdminister(user) || (ctx.Latest is not null && (!item.IsClosed || ctx.CanSeeClosed(user)));
}
