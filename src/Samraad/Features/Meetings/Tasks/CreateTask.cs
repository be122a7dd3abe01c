using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Meetings;

/// <summary>A decision that asks for action becomes a follow-up task with an owner and a due date; the owner's staff are told.</summary>
public sealed class CreateTask(AppDbContext db, TimeProvider clock, Notices.MeetingMail mail)
{
    public async Task<Outcome<FollowUpTask>> Handle(MeetingContext ctx, AgendaItem item, UserContext user,
        string? text, string? ownerOrganisation, string? ownerPerson, string? dueDate, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<FollowUpTask>.Fail(Problem.Forbidden, "Kun sekretariatet kan oprette opfølgningsopgaver.");
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(text)) errors.Add(new FieldError("taskText", "Skriv hvad der skal gøres"));
        else if (text.Length > 2000) errors.Add(new FieldError("taskText", "Opgaven må højst være 2.000 tegn"));
        var org = string.IsNullOrEmpty(ownerOrganisation) ? null : await db.Organisations.FirstOrDefaultAsync(o => o.Slug == ownerOrganisation, ct);
        if (!string.IsNullOrEmpty(ownerOrganisation) && org is null) errors.Add(new FieldError("taskOwner", "Vælg en ansvarlig organisation fra listen"));
        if (org is null && string.IsNullOrWhiteSpace(ownerPerson)) errors.Add(new FieldError("taskOwner", "Angiv en ansvarlig organisation eller person"));
        var due = DanishTime.ParseDate(dueDate);
        if (due is null) errors.Add(new FieldError("taskDue", "Skriv fristen som en dato, fx 30-06-2024"));
        if (errors.Count > 0) return Outcome<FollowUpTask>.Fail(Problem.Invalid, "Opgaven er ikke oprettet.", errors);
        var task = new FollowUpTask
        {
            AgendaItemId = item.Id, Text = text!.Trim(), OwnerOrganisationId = org?.Id, OwnerOrganisation = org, OwnerPerson = ownerPerson?.Trim(),
            DueDate = due!.Value, State = TaskState.Open, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Tasks.Add(task);
        await mail.Task(task, item, ctx.Meeting, daysBefore: null);
        await db.SaveChangesAsync(ct);
        return Outcome<FollowUpTask>.Success(task);
    }
}
