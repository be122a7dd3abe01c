using Samraad.Features.Collections.Forms;
using Samraad.Features.Reference;

namespace Samraad.Features.Collections.Pages;

/// <summary>What the response page shows: the stored answers, or what was just posted when it had errors.</summary>
public sealed record ResponsePageModel(
    CollectionContext Ctx,
    Organisation Organisation,
    ResponseStatus? Status,
    int Revision,
    string? ReceiptNumber,
    DateTime? SubmittedAtUtc,
    IReadOnlyDictionary<string, AnswerValue> Stored,
    IReadOnlyDictionary<string, RawAnswer> Values,
    IReadOnlyList<FieldError> Errors,
    string? Problem,
    string? Notice,
    string? ClosedReason,
    bool IsRespondent,
    bool CanEdit,
    bool CanAdminister,
    PendingReopenRequest? ReopenRequest = null,
    string? PostedReason = null)
{
    public string Url => $"/indsamlinger/{Ctx.Collection.Slug}/besvarelser/{Organisation.Slug}";
    /// <summary>A link to this response's page (or a sub-page: "/vis"), in the same period.</summary>
    public string Link(string suffix = "") => Url + suffix + Ctx.PeriodQuery;

    /// <summary>Stored answers as the text a user would type, for filling the inputs.</summary>
    public static Dictionary<string, RawAnswer> InputsFrom(FormSpec form, IReadOnlyDictionary<string, AnswerValue> stored) =>
        stored.ToDictionary(a => a.Key, a => new RawAnswer(
            form.FindLeaf(a.Key) is { } leaf ? FieldValues.InputText(leaf.Spec, a.Value.Value) : a.Value.Value, a.Value.Missing));
}

/// <summary>An open *Anmod om genåbning*: when, by whom, why.</summary>
public sealed record PendingReopenRequest(DateTime AtUtc, string By, string Reason)
{
    public static PendingReopenRequest? Of(Response? r) =>
        r?.ReopenRequestedAtUtc is DateTime at ? new(at, r.ReopenRequestedBy ?? "", r.ReopenRequestReason ?? "") : null;
}
