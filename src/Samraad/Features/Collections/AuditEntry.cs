using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections;

/// <summary>What a log line records: changes to answers, and (the later ones) changes to the collection's definition.</summary>
public enum AuditAction
{
    AnswerChanged, Submitted, Reopened, WindowChanged, Imported, ReopenRequested,
    Created, StatusChanged, DefinitionChanged, RespondentAdded, RespondentRemoved, DeadlineExtended,
}

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
        string? field = null, string? oldValue = null, string? newValue = null, string? note = null)
    {
        var entry = Line(response.CollectionId, response.OrganisationId, by.UserName, by.Name, nowUtc, action, field, oldValue, newValue, note);
        entry.Response = response;
        return entry;
    }

    /// <summary>A change to the collection's definition (status, respondents, deadlines): who, when, what, old and new.</summary>
    public static AuditEntry OfDefinition(Collection collection, UserContext by, DateTime nowUtc, AuditAction action,
        string? what = null, string? oldValue = null, string? newValue = null, string? note = null, int? organisationId = null) =>
        Line(collection.Id, organisationId, by.UserName, by.Name, nowUtc, action, what, oldValue, newValue, note);

    static AuditEntry Line(int collectionId, int? organisationId, string userName, string userDisplayName, DateTime nowUtc, AuditAction action,
        string? field, string? oldValue, string? newValue, string? note) => new()
    {
        CollectionId = collectionId, OrganisationId = organisationId, AtUtc = nowUtc, UserName = userName, UserDisplayName = userDisplayName,
        Action = action, FieldKey = field, OldValue = oldValue, NewValue = newValue, Note = note,
    };

    /// <summary>The stored text of an answer in the log: the canonical value, or "[kode]" for a missing code.</summary>
    public static string? Text(AnswerValue? value) =>
        value is null ? null : value.Missing is not null ? $"[{value.Missing}]" : value.Value;

    public static string ActionLabel(AuditAction action) => action switch
    {
        AuditAction.AnswerChanged => "Svar ændret",
        AuditAction.Submitted => "Indsendt",
        AuditAction.Reopened => "Genåbnet",
        AuditAction.ReopenRequested => "Anmodet om genåbning",
        AuditAction.WindowChanged => "Frist ændret",
        AuditAction.Imported => "Indlæst",
        AuditAction.Created => "Oprettet",
        AuditAction.StatusChanged => "Status ændret",
        AuditAction.DefinitionChanged => "Definition ændret",
        AuditAction.RespondentAdded => "Respondent tilføjet",
        AuditAction.RespondentRemoved => "Respondent fjernet",
        AuditAction.DeadlineExtended => "Frist forlænget",
        _ => action.ToString(),
    };

    /// <summary>A change to the definition, not to an answer: its <see cref="FieldKey"/> names what changed, not a question.</summary>
    public bool IsDefinitionChange => Action >= AuditAction.Created;

    /// <summary>What a definition change changed, in words ("frist:faxe" → "Frist").</summary>
    public string? WhatLabel => FieldKey?.Split(':')[0] switch
    {
        "status" => "Status",
        "respondent" => "Respondent",
        "frist" => "Frist",
        "indsamling" => "Indsamling",
        "titel" => "Titel",
        "beskrivelse" => "Beskrivelse",
        "skema" => "Skema",
        "pakke" => "Pakke",
        var other => other,
    };
}
