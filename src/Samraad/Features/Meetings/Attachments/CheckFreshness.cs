namespace Samraad.Features.Meetings;

/// <summary>
/// Which frozen live attachments now have newer data ("nyere data findes"): the data fingerprint of a fresh
/// rendering differs from the one frozen at publishing. The published packet itself never changes.
/// </summary>
public sealed class CheckFreshness(LiveAttachments live)
{
    public async Task<HashSet<int>> Handle(MeetingContext ctx, CancellationToken ct = default)
    {
        var newer = new HashSet<int>();
        foreach (var a in ctx.Items.SelectMany(i => i.Attachments).Where(a => a.Kind == AttachmentKind.Live && a.FrozenDataHash is not null))
            if (await live.Render(a.LiveSource!, ct) is { } now && now.DataHash != a.FrozenDataHash)
                newer.Add(a.Id);
        return newer;
    }
}
