using Samraad.Features.Reference;

namespace Samraad.Features.Collections;

/// <summary>One stored version of a form definition. Responses point at the version they were made on.</summary>
public class FormVersion
{
    public int Id { get; set; }
    public string FormKey { get; set; } = "";
    public int Version { get; set; }
    public string Json { get; set; } = "";
    /// <summary>SHA-256 of the JSON: a pack reloaded unchanged does not create a new version.</summary>
    public string Sha256 { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The SHA-256 a version stores: of the text with its line endings as "\n", so a pack checked out on Windows is the same form.</summary>
    public static string HashOf(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"))));
}

/// <summary>
/// Where a collection is in its life: a draft only its secretariat sees; open (published: respondents see it and may
/// answer inside the window); closed (nobody answers, whatever the window says); archived (read-only, off the front
/// pages, still searchable and exportable).
/// </summary>
public enum CollectionStatus { Draft, Open, Closed, Archived }

/// <summary>A request for structured answers from a set of respondent organisations within a window.</summary>
public class Collection
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>Where the collection comes from, e.g. the seed item it reproduces.</summary>
    public string? Source { get; set; }
    public int OwnerOrganisationId { get; set; }
    public Organisation? Owner { get; set; }
    /// <summary>The form version new and edited responses use.</summary>
    public int FormVersionId { get; set; }
    public FormVersion? FormVersion { get; set; }
    public DateTime OpensAtUtc { get; set; }
    public DateTime DeadlineUtc { get; set; }
    /// <summary>Pack-defined overview tables (JSON), e.g. the seed's "Pixi" summary.</summary>
    public string? SummaryTablesJson { get; set; }
    public List<CollectionRespondent> Respondents { get; set; } = new();
    /// <summary>Set when the collection repeats per period (every year 2021–2023, every half-year …): a response is then
    /// keyed by (collection, respondent, period). Null for a one-off collection, whose responses have period "".</summary>
    public PeriodKind? PeriodKind { get; set; }
    public string? FirstPeriod { get; set; }
    public string? LastPeriod { get; set; }

    public CollectionStatus Status { get; set; } = CollectionStatus.Open;
    /// <summary>The collection this one was copied from (last year's edition), to set their summaries side by side.</summary>
    public int? CopiedFromId { get; set; }
    public Collection? CopiedFrom { get; set; }

    /// <summary>The pack folder this collection was imported from (null when made in the browser) and the pack's fingerprint then.</summary>
    public string? PackFolder { get; set; }
    public string? PackSha256 { get; set; }
    /// <summary>
    /// The pack on disk changed after it was imported: its fingerprint and what differs, in Danish, one change per
    /// line, waiting for the secretariat to apply it or keep what it has. Never applied, never ignored, silently.
    /// </summary>
    public string? PendingPackSha256 { get; set; }
    public string? PendingPackChanges { get; set; }

    /// <summary>Days before the deadline on which those who have not submitted are reminded, at 9:00 Danish time ("7,1"; "" for none).</summary>
    public string ReminderDays { get; set; } = Notifications.ReminderSchedule.DefaultDays;

    public bool IsPeriodic => PeriodKind is not null;
    public List<string> Periods() => PeriodKind is { } kind ? Samraad.Periods.Range(kind, FirstPeriod!, LastPeriod!) : [""];
    public string PeriodLabel(string period) => PeriodKind is { } kind && period != "" ? Samraad.Periods.Label(kind, period) : "";

    /// <summary>
    /// Respondents may change answers only while the collection is open and inside the window: opens ≤ now ≤ deadline,
    /// where the deadline is the respondent's own when the secretariat extended it.
    /// </summary>
    public bool IsOpen(DateTime nowUtc, DateTime? deadlineUtc = null) => ClosedReason(nowUtc, deadlineUtc) is null;

    /// <summary>Why a respondent cannot change answers now, in Danish; null when it can.</summary>
    public string? ClosedReason(DateTime nowUtc, DateTime? deadlineUtc = null)
    {
        var deadline = deadlineUtc ?? DeadlineUtc;
        return Status switch
        {
            CollectionStatus.Draft => "Indsamlingen er ikke offentliggjort endnu.",
            CollectionStatus.Closed => "Sekretariatet har lukket indsamlingen. Du kan læse besvarelsen, men ikke ændre den. Kontakt sekretariatet, hvis der skal rettes noget.",
            CollectionStatus.Archived => "Indsamlingen er arkiveret. Du kan læse besvarelsen, men ikke ændre den.",
            _ when nowUtc < OpensAtUtc => $"Indsamlingen åbner {DanishTime.Format(OpensAtUtc)}. Indtil da kan du læse skemaet, men ikke svare.",
            _ when nowUtc > deadline => $"Fristen udløb {DanishTime.Format(deadline)}. Du kan læse besvarelsen, men ikke ændre den. Kontakt sekretariatet, hvis der skal rettes noget.",
            _ => null,
        };
    }

    /// <summary>The status in words, as the status tag shows it: a published collection past its deadline is "Lukket".</summary>
    public string StatusLabel(DateTime nowUtc) => Status switch
    {
        CollectionStatus.Draft => "Kladde",
        CollectionStatus.Archived => "Arkiveret",
        CollectionStatus.Closed => "Lukket",
        _ when nowUtc < OpensAtUtc => "Offentliggjort, åbner senere",
        _ when nowUtc > DeadlineUtc => "Lukket (fristen er udløbet)",
        _ => "Åben",
    };
}

/// <summary>
/// An organisation asked to answer a collection. A respondent removed by mistake is kept, marked: its answers stay
/// (shown as from a removed respondent) and it leaves the summary's base; adding it again clears the mark.
/// </summary>
public class CollectionRespondent
{
    public int CollectionId { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    /// <summary>This respondent's own deadline, when the secretariat gave it more time than the collection's.</summary>
    public DateTime? ExtendedDeadlineUtc { get; set; }
    public string? ExtensionReason { get; set; }
    public DateTime? RemovedAtUtc { get; set; }
    public string? RemovedBy { get; set; }

    public bool IsActive => RemovedAtUtc is null;
}

/// <summary>A figure a document printed, kept only to compare with computed figures (see Summaries/Reconciliation).</summary>
public class PrintedFigureRow
{
    public int Id { get; set; }
    public int CollectionId { get; set; }
    public int SortOrder { get; set; }
    public string Source { get; set; } = "";
    public string FieldKey { get; set; } = "";
    public string Printed { get; set; } = "";
    /// <summary>For counts: the answer keys counted, separated by "|".</summary>
    public string? Answers { get; set; }
    public int? Count { get; set; }
    public int? Of { get; set; }
    /// <summary>For cells: the respondent's slug and the printed value.</summary>
    public string? RespondentSlug { get; set; }
    public string? Value { get; set; }
    /// <summary>For figures over all respondents: sum, gennemsnit, median or andel (see <see cref="Summaries.PrintedMeasure"/>).</summary>
    public string? Measure { get; set; }
    /// <summary>The rounding step the print used (100000 for "29,5 mio. kr.", 1 for "34 %").</summary>
    public decimal? Rounding { get; set; }
}
