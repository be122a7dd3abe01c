namespace Samraad.Features.Collections;

/// <summary>
/// The dated proof of a submission, with a snapshot of the answers as submitted. Summaries count the latest
/// receipt of each respondent, so a reopened response keeps counting with what it last submitted.
/// </summary>
public class Receipt
{
    public int Id { get; set; }
    /// <summary>The reference number shown to the respondent ("KV-2024-000017").</summary>
    public string Number { get; set; } = "";
    public int ResponseId { get; set; }
    public Response? Response { get; set; }
    public int FormVersionId { get; set; }
    public FormVersion? FormVersion { get; set; }
    public DateTime SubmittedAtUtc { get; set; }
    public string SubmittedByUserName { get; set; } = "";
    public string SubmittedByName { get; set; } = "";
    public string OrganisationName { get; set; } = "";
    public List<ReceiptAnswer> Answers { get; set; } = new();

    public static string FormatNumber(int id, DateTime submittedAtUtc) => $"KV-{submittedAtUtc.Year}-{id:D6}";
}

/// <summary>One answer as it was submitted.</summary>
public class ReceiptAnswer
{
    public int Id { get; set; }
    public int ReceiptId { get; set; }
    public string FieldKey { get; set; } = "";
    public string? Value { get; set; }
    public string? MissingCode { get; set; }
}
