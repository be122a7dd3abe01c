using Samraad.Features.Collections;
using Samraad.Features.Collections.Forms;

namespace Samraad.Tests;

public class ResponseWorkflowTests
{
    static readonly FormSpec Form = TestForms.AllTypes();
    static readonly Actor Faxe = new("faxe", "Faxe Kommune");
    static readonly DateTime T0 = new(2024, 3, 1, 10, 0, 0, DateTimeKind.Utc);

    static Response Draft(params (string Key, string Value)[] answers)
    {
        var r = new Response { Status = ResponseStatus.Draft };
        r.ApplyDraft(answers.ToDictionary(a => a.Key, a => (AnswerValue?)new AnswerValue(a.Value)), 1, Faxe, T0);
        return r;
    }

    [Fact]
    public void Each_changed_answer_is_audited_with_old_and_new_value()
    {
        var r = Draft(("antal", "5"), ("grad", "hoej"));
        var audit = r.ApplyDraft(new Dictionary<string, AnswerValue?> { ["antal"] = new("6"), ["grad"] = new("hoej"), ["andel"] = null }, 1, Faxe, T0);
        var entry = Assert.Single(audit);
        Assert.Equal(("antal", "5", "6", AuditAction.AnswerChanged), (entry.FieldKey, entry.OldValue, entry.NewValue, entry.Action));
    }

    [Fact]
    public void Clearing_an_answer_is_audited_and_removes_it()
    {
        var r = Draft(("antal", "5"));
        var entry = Assert.Single(r.ApplyDraft(new Dictionary<string, AnswerValue?> { ["antal"] = null }, 1, Faxe, T0));
        Assert.Null(entry.NewValue);
        Assert.Empty(r.Answers);
    }

    [Fact]
    public void Submitting_locks_the_response_and_snapshots_the_answers()
    {
        var r = Draft(("ja-nej", "ja"), ("grad", "slet"));
        var (receipt, errors) = r.Submit(Form, Faxe, "Faxe Kommune", T0);
        Assert.Empty(errors);
        Assert.Equal(ResponseStatus.Submitted, r.Status);
        Assert.Equal(["grad", "ja-nej"], receipt!.Answers.Select(a => a.FieldKey).Order());
        Assert.Equal(("faxe", "Faxe Kommune", T0), (receipt.SubmittedByUserName, receipt.OrganisationName, receipt.SubmittedAtUtc));
        Assert.Throws<InvalidOperationException>(() => r.ApplyDraft(new Dictionary<string, AnswerValue?> { ["antal"] = new("1") }, 1, Faxe, T0));
    }

    [Fact]
    public void An_incomplete_response_cannot_be_submitted()
    {
        var r = Draft(("ja-nej", "ja"));
        var (receipt, errors) = r.Submit(Form, Faxe, "Faxe Kommune", T0);
        Assert.Null(receipt);
        Assert.Equal("grad", Assert.Single(errors).Key);
        Assert.Equal(ResponseStatus.Draft, r.Status);
    }

    [Fact]
    public void Reopening_unlocks_and_keeps_the_reason()
    {
        var r = Draft(("ja-nej", "ja"), ("grad", "slet"));
        r.Submit(Form, Faxe, "Faxe Kommune", T0);
        var entry = r.Reopen("Fejl i tallet", new Actor("sekretariat", "Sekretariatet"), T0.AddDays(1));
        Assert.Equal((AuditAction.Reopened, "Fejl i tallet"), (entry.Action, entry.Note));
        Assert.Equal(ResponseStatus.Draft, r.Status);
        Assert.Throws<InvalidOperationException>(() => r.Reopen("igen", Faxe, T0));
    }

    [Fact]
    public void Every_change_moves_the_revision_on()
    {
        var r = Draft(("antal", "1"));
        var before = r.Revision;
        r.ApplyDraft(new Dictionary<string, AnswerValue?> { ["antal"] = new("1") }, 1, Faxe, T0);
        Assert.Equal(before, r.Revision); // nothing changed
        r.ApplyDraft(new Dictionary<string, AnswerValue?> { ["antal"] = new("2") }, 1, Faxe, T0);
        Assert.Equal(before + 1, r.Revision);
    }
}
