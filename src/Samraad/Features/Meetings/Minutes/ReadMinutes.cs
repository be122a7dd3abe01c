using Samraad.Data;

namespace Samraad.Features.Meetings;

/// <summary>The beslutningsprotokol as PDF: public once approved, before that only for the secretariat; closed items only for members.</summary>
public sealed class ReadMinutes(AppDbContext db, BuildMinutesPdf build)
{
    public async Task<Outcome<byte[]>> Handle(string slug, UserContext? user, CancellationToken ct = default)
    {
        var ctx = await MeetingContext.Load(db, slug, ct);
        if (ctx is null) return Outcome<byte[]>.Fail(Problem.NotFound, $"Mødet »{slug}« findes ikke.");
        if (ctx.Meeting.Status != MeetingStatus.MinutesApproved && !ctx.CanAdminister(user))
            return Outcome<byte[]>.Fail(Problem.NotFound, "Beslutningsprotokollen er ikke godkendt endnu.");
        return Outcome<byte[]>.Success(await build.Handle(ctx, includeClosed: ctx.CanSeeClosed(user), ct));
    }
}
