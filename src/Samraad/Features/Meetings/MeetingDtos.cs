namespace Samraad.Features.Meetings;

/// <summary>A meeting in the list.</summary>
public sealed record MeetingListItem(string Slug, string Body, string Title, DateTime StartsAtUtc, string Place, string Status, int? PublishedVersion, string? DemoNote);

/// <summary>A meeting with its agenda as the user may see it.</summary>
public sealed record MeetingDto(string Slug, string Body, string Title, DateTime StartsAtUtc, string Place, string Status,
    IReadOnlyList<PublicationDto> Publications, IReadOnlyList<ItemDto> Items, IReadOnlyList<string> Warnings);

/// <summary>A published version of the agenda.</summary>
public sealed record PublicationDto(int Version, DateTime PublishedAtUtc, string PublishedBy, string PacketSha256, int Pages, IReadOnlyList<string> Changes);

/// <summary>An agenda item; closed items carry only their public summary for those who may not see them.</summary>
public sealed record ItemDto(string Number, string Title, string Kind, bool IsClosed, string? PublicSummary, string? CaseText,
    string? Recommendation, string? Decision, string Outcome, IReadOnlyList<AttachmentDto> Attachments, IReadOnlyList<TaskDto> Tasks);

/// <summary>An attachment: uploaded or live, with its frozen file's hash.</summary>
public sealed record AttachmentDto(int Id, string Title, string Kind, string? LiveSource, string? Sha256, int? Pages, DateTime? FrozenAtUtc);

/// <summary>A follow-up task.</summary>
public sealed record TaskDto(int Id, string Text, string? OwnerOrganisation, string? OwnerPerson, DateOnly DueDate, string State, bool Overdue);
