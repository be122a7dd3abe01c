using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections;

public enum AuditAction { AnswerChanged, Submitted, Reopened, WindowChanged, Imported }

/// <summary>An append-only line of the audit log: who did what to which answer, with old and new value.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public int CollectionId { get; set; }
    public int? ResponseId { get; set; }
    public Response? Response { get; set; }
    public int? OrganisationId { get; set; }
    public DateTime AtUtc { get; set; }
    public string UserName { get; set; } = "";
    public string UserDisplayName { get; set; } = "";
    public AuditAction Action { get; set; }
    public string? FieldKey { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public string? Note { get; set; }

    public static AuditEntry For(Response response, Actor by, DateTime nowUtc, AuditAction action,
        string? field = null, string? oldValue = null, string? newValue = null, string? note = null) => new()
    {
        CollectionId = response.CollectionId,
        Response = response,
        OrganisationId = response.OrganisationId,
        AtUtc = nowUtc,
        UserName = by.UserName,
        UserDisplayName = by.Name,
        Action = action,
        FieldKey = field,
        OldValue = oldValue,
        NewValue = newValue,
        Note = note,
    };

    /// <summary>The stored text of an answer in the log: the canonical value, or "[kode]" for a missing code.</summary>
    public static string? Text(AnswerValue? value) =>
        value is null ? null : value.Missing is not null ? $"[{value.Missing}]" : value.Value;

    public static string ActionLabel(AuditAction action) => action switch
    {
        AuditAction.AnswerChanged => "Svar ændret",
        AuditAction.Submitted => "Indsendt",
        AuditAction.Reopened => "Genåbnet",
        AuditAction.WindowChanged => "Frist ændret",
        AuditAction.Imported => "Indlæst",
        _ => action.ToString(),
    };
}
