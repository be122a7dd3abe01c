using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Meetings;

/// <summary>
/// The agenda packet as PDF: the latest published one as stored (what members read never changes); before the first
/// publication a draft made now from current data, for those who administer the meeting.
/// </summary>
public sealed class ReadPacket(AppDbContext db, PacketAttachments attachments, BuildPacket build)
{
    public async Task<Outcome<byte[]>> Handle(string slug, UserContext user, CancellationToken ct = default)
    {
        var ctx = await MeetingContext.Load(db, slug, ct);
        if (ctx is null) return Outcome<byte[]>.Fail(Problem.NotFound, $"Mødet »{slug}« findes ikke.");
        if (ctx.Latest is { } latest) return Outcome<byte[]>.Success((await db.Files.FirstAsync(f => f.Id == latest.PacketFileId, ct)).Content);
        if (!ctx.CanAdminister(user)) return Outcome<byte[]>.Fail(Problem.NotFound, "Dagsordenen er ikke offentliggjort.");
        return Outcome<byte[]>.Success((await build.Handle(ctx.Meeting, await attachments.Handle(ctx, useFrozen: false, ct), null, null, ct)).Pdf);
    }
}
