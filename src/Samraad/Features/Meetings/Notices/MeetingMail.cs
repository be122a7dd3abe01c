using Samraad.Auth;
using Samraad.Features.Notifications;

namespace Samraad.Features.Meetings.Notices;

/// <summary>
/// The messages a meeting sends, queued on the caller's DbContext (saved with the change that causes them): the
/// agenda published (again), the minutes approved, to the body's members — the readers of the body's organisation,
/// the accounts council members sign in with — and a follow-up task assigned or due, to the owning organisation's staff.
/// </summary>
public sealed class MeetingMail(Outbox outbox)
{
    static string When(Meeting m) => $"{DanishTime.Format(m.StartsAtUtc)}{(string.IsNullOrWhiteSpace(m.Place) ? "" : $", {m.Place}")}";

    async Task<int> ToMembers(Meeting m, string kind, Func<AppUser, MailTemplate> mail)
    {
        var sent = 0;
        foreach (var user in await outbox.UsersOf([m.Body!.OrganisationId], r => r == Roles.Reader))
            if (outbox.To(user, MessageCategory.Notice, kind, mail(user), new MessageRefs(MeetingId: m.Id))) sent++;
        return sent;
    }

    /// <summary>*Offentliggør dagsordenen*: the members get the packet notice (with what changed when it is a new version).</summary>
    public Task<int> AgendaPublished(Meeting m, Publication p, IReadOnlyList<string> changes) =>
        ToMembers(m, MessageKinds.AgendaPublished, u => new MailTemplate(
            p.Version == 1 ? $"Dagsorden: {m.Title}" : $"Ny version af dagsordenen: {m.Title}", $"Kære {u.FullName}",
            [p.Version == 1
                ? $"Dagsordenen til {m.Body!.Name}s møde {When(m)} er offentliggjort med {p.PacketFile?.Pages ?? 0} sider i dagsordenspakken."
                : $"Dagsordenen til {m.Body!.Name}s møde {When(m)} er offentliggjort igen (version {p.Version}).",
             .. changes.Count == 0 ? Array.Empty<string>() : ["Ændringer siden sidste version:\n" + string.Join("\n", changes.Take(20).Select(c => "– " + c))]],
            "Se dagsordenen og hent pakken", outbox.Link($"/moeder/{m.Slug}"), MailTemplate.ChoiceFooter));

    /// <summary>The minutes were approved: the members can read the decisions.</summary>
    public Task<int> MinutesApproved(Meeting m) =>
        ToMembers(m, MessageKinds.MinutesApproved, u => new MailTemplate(
            $"Referatet er godkendt: {m.Title}", $"Kære {u.FullName}",
            [$"Referatet af {m.Body!.Name}s møde {When(m)} er godkendt. Beslutningsprotokollen med alle beslutninger kan hentes som PDF."],
            "Hent beslutningsprotokollen", outbox.Link($"/moeder/{m.Slug}/referat.pdf"), MailTemplate.ChoiceFooter));

    /// <summary>
    /// A task for an organisation, to the staff who may close it (secretariat, respondents, local administrators).
    /// <paramref name="daysBefore"/> null: it was just assigned; set: the reminder that many days before the due date, once per user.
    /// </summary>
    public async Task<int> Task(FollowUpTask task, AgendaItem item, Meeting m, int? daysBefore)
    {
        if (task.OwnerOrganisationId is not int owner) return 0; // a task for a named person outside Samraad: nobody to mail
        var sent = 0;
        var due = DanishTime.Date(task.DueDate);
        foreach (var user in await outbox.UsersOf([owner], r => r is Roles.Secretariat or Roles.Respondent or Roles.LocalAdmin))
        {
            var mail = daysBefore switch
            {
                null => new MailTemplate($"Ny opgave fra {m.Body!.Name}: frist {due}", $"Kære {user.FullName}",
                    [$"{m.Body.Name} har på mødet {When(m)} (punkt {item.Number}, {item.Title}) givet {task.OwnerOrganisation?.DisplayName ?? "jer"} en opgave:", task.Text,
                     $"Frist: {due}." + (string.IsNullOrWhiteSpace(task.OwnerPerson) ? "" : $" Ansvarlig: {task.OwnerPerson}.")],
                    "Se opgaverne", outbox.Link("/opgaver"), MailTemplate.ChoiceFooter),
                _ => new MailTemplate($"Påmindelse: opgave fra {m.Body!.Name} – frist {due}", $"Kære {user.FullName}",
                    [$"Opgaven fra {m.Body.Name}s møde {When(m)} (punkt {item.Number}) er ikke løst, og fristen er {due}{(daysBefore == 0 ? " (i dag)" : "")}:", task.Text,
                     "Marker opgaven som løst på siden Opgaver, når den er det."],
                    "Se opgaverne", outbox.Link("/opgaver"), MailTemplate.ChoiceFooter),
            };
            var category = daysBefore is null ? MessageCategory.Notice : MessageCategory.Reminder;
            if (outbox.To(user, category, daysBefore is null ? MessageKinds.TaskAssigned : MessageKinds.TaskDue, mail,
                    new MessageRefs(MeetingId: m.Id, OrganisationId: owner), daysBefore is int n ? $"task:{task.Id}:{n}:{task.DueDate:yyyyMMdd}:{user.Id}" : null))
                sent++;
        }
        return sent;
    }
}
