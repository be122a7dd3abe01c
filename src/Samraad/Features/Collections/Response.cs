using Samraad.Features.Collections.Forms;
using Samraad.Features.Reference;

namespace Samraad.Features.Collections;

public enum ResponseStatus { Draft, Submitted }

/// <summary>
/// One organisation's answers to a collection (for one period). Guards its own workflow:
/// drafts change freely, submission locks, only a reopen (with a reason) unlocks.
/// </summary>
public class Response
{
    public int Id { get; set; }
    public int CollectionId { get; set; }
    public Collection? Collection { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    /// <summary>"" for one-off collections; "2024", "2024-H1" … when a collection repeats per period.</summary>
    public string Period { get; set; } = "";
    /// <summary>The form version the answers were last made on.</summary>
    public int FormVersionId { get; set; }
    public ResponseStatus Status { get; set; }
    /// <summary>Grows with every change; a form posted from an older revision is refused rather than overwriting.</summary>
    public int Revision { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int? LatestReceiptId { get; set; }
    public Receipt? LatestReceipt { get; set; }
    public List<Answer> Answers { get; set; } = new();
    /// <summary>The respondent asked the secretariat to reopen the submitted response (when, who, why); cleared on reopen.</summary>
    public DateTime? ReopenRequestedAtUtc { get; set; }
    public string? ReopenRequestedBy { get; set; }
    public string? ReopenRequestReason { get; set; }

    public bool IsReopened => Status == ResponseStatus.Draft && LatestReceiptId is not null;

    public IReadOnlyDictionary<string, AnswerValue> AnswerMap() =>
        Answers.ToDictionary(a => a.FieldKey, a => new AnswerValue(a.Value, a.MissingCode));

    /// <summary>Applies a validated draft; returns one audit entry per changed answer. Refused once submitted.</summary>
    public List<AuditEntry> ApplyDraft(IReadOnlyDictionary<string, AnswerValue?> changes, int formVersionId, Actor by, DateTime nowUtc)
    {
        if (Status == ResponseStatus.Submitted)
            throw new InvalidOperationException("Besvarelsen er indsendt og låst.");
        var audit = new List<AuditEntry>();
        foreach (var (key, value) in changes)
        {
            var existing = Answers.FirstOrDefault(a => a.FieldKey == key);
            var old = existing is null ? null : new AnswerValue(existing.Value, existing.MissingCode);
            if (old == value || (old is null && value is null)) continue;
            if (value is null) Answers.Remove(existing!);
            else if (existing is null) Answers.Add(new Answer { FieldKey = key, Value = value.Value, MissingCode = value.Missing });
            else { existing.Value = value.Value; existing.MissingCode = value.Missing; }
            audit.Add(AuditEntry.For(this, by, nowUtc, AuditAction.AnswerChanged, key, AuditEntry.Text(old), AuditEntry.Text(value)));
        }
        FormVersionId = formVersionId;
        if (audit.Count > 0) { Revision++; UpdatedAtUtc = nowUtc; }
        return audit;
    }

    /// <summary>Validates the whole form and locks the response; the receipt snapshots what was submitted.</summary>
    public (Receipt? Receipt, List<FieldError> Errors) Submit(FormSpec form, Actor by, string organisationName, DateTime nowUtc)
    {
        if (Status == ResponseStatus.Submitted) return (null, [new FieldError("", "Besvarelsen er allerede indsendt.")]);
        var errors = FormAnswers.ValidateForSubmit(form, AnswerMap(), DateOnly.FromDateTime(DanishTime.ToLocal(nowUtc)));
        return errors.Count > 0 ? (null, errors) : (Lock(by, organisationName, nowUtc), []);
    }

    /// <summary>
    /// Locks the response and snapshots the answers into a receipt. Without the form check: only
    /// <see cref="Submit"/> and the import of answers a document printed call it.
    /// </summary>
    internal Receipt Lock(Actor by, string organisationName, DateTime nowUtc)
    {
        var receipt = new Receipt
        {
            Response = this,
            FormVersionId = FormVersionId,
            SubmittedAtUtc = nowUtc,
            SubmittedByUserName = by.UserName,
            SubmittedByName = by.Name,
            OrganisationName = organisationName,
            Number = Guid.NewGuid().ToString("N"), // replaced by the id-based number once saved
            Answers = Answers.Select(a => new ReceiptAnswer { FieldKey = a.FieldKey, Value = a.Value, MissingCode = a.MissingCode }).ToList(),
        };
        Status = ResponseStatus.Submitted;
        Revision++;
        UpdatedAtUtc = nowUtc;
        return receipt;
    }

    /// <summary>Unlocks a submitted response so the respondent can correct it. The reason is kept in the audit log.</summary>
    public AuditEntry Reopen(string reason, Actor by, DateTime nowUtc)
    {
        if (Status != ResponseStatus.Submitted) throw new InvalidOperationException("Kun en indsendt besvarelse kan genåbnes.");
        Status = ResponseStatus.Draft;
        Revision++;
        UpdatedAtUtc = nowUtc;
        ReopenRequestedAtUtc = null; ReopenRequestedBy = null; ReopenRequestReason = null;
        return AuditEntry.For(this, by, nowUtc, AuditAction.Reopened, note: reason);
    }

    /// <summary>
    /// The respondent asks for a submitted response to be reopened. Only the secretariat can reopen; a request is open
    /// until then (a second one is refused, so the secretariat is told once). Does not unlock anything.
    /// </summary>
    public AuditEntry RequestReopening(string reason, Actor by, DateTime nowUtc)
    {
        if (Status != ResponseStatus.Submitted) throw new InvalidOperationException("Kun en indsendt besvarelse kan genåbnes.");
        if (ReopenRequestedAtUtc is not null) throw new InvalidOperationException("Der er allerede anmodet om genåbning.");
        ReopenRequestedAtUtc = nowUtc; ReopenRequestedBy = by.Name; ReopenRequestReason = reason;
        Revision++;
        return AuditEntry.For(this, by, nowUtc, AuditAction.ReopenRequested, note: reason);
    }
}

/// <summary>Who did something: the account name and the person's name, for audit and receipts.</summary>
public sealed record Actor(string UserName, string Name);

/// <summary>The current (draft or submitted) value of one answer key.</summary>
public class Answer
{
    public int Id { get; set; }
    public int ResponseId { get; set; }
    public string FieldKey { get; set; } = "";
    public string? Value { get; set; }
    public string? MissingCode { get; set; }
}
