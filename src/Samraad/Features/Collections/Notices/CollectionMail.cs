using Samraad.Auth;
using Samraad.Features.Notifications;
using Samraad.Features.Reference;

namespace Samraad.Features.Collections.Notices;

/// <summary>
/// The messages a collection sends, queued on the caller's DbContext (saved with the change that causes them):
/// the invitation when it opens, reminders, the receipt, a reopened response, an extended deadline, a request for
/// reopening. Respondents' mail goes to every active user of the organisation who answers for it.
/// </summary>
public sealed class CollectionMail(Outbox outbox)
{
    string ResponseLink(Collection c, Organisation org) => outbox.Link($"/indsamlinger/{c.Slug}/besvarelser/{org.Slug}");

    static MessageRefs Refs(Collection c, Organisation org) => new(CollectionId: c.Id, OrganisationId: org.Id);

    async Task<int> ToRespondent(Collection c, Organisation org, MessageCategory category, string kind, Func<AppUser, MailTemplate> mail, Func<AppUser, string?>? onceKey = null)
    {
        var sent = 0;
        foreach (var user in await outbox.UsersOf([org.Id], Roles.Answers))
            if (outbox.To(user, category, kind, mail(user), Refs(c, org), onceKey?.Invoke(user))) sent++;
        return sent;
    }

    /// <summary>The collection is published: every respondent organisation's users are asked to answer.</summary>
    public async Task<int> Opened(CollectionContext ctx)
    {
        var c = ctx.Collection;
        var sent = 0;
        foreach (var org in ctx.Respondents)
            sent += await ToRespondent(c, org, MessageCategory.Notice, MessageKinds.CollectionOpened, u => new MailTemplate(
                $"Ny indsamling: {c.Title}", $"Kære {u.FullName}",
                [$"{c.Owner?.Name ?? "Sekretariatet"} beder {org.DisplayName} om at besvare »{c.Title}«.",
                 $"Indsamlingen åbner {DanishTime.Format(c.OpensAtUtc)}, og fristen er {DanishTime.Format(ctx.DeadlineFor(org.Id))}."],
                "Gå til besvarelsen", ResponseLink(c, org), MailTemplate.ChoiceFooter));
        return sent;
    }

    /// <summary>
    /// A reminder to an organisation that has not submitted. <paramref name="daysBefore"/> set: the scheduled one,
    /// at most once per organisation, user, day and deadline; null: *Send påmindelse nu*.
    /// </summary>
    public Task<int> Reminder(CollectionContext ctx, Organisation org, DateTime nowUtc, int? daysBefore)
    {
        var c = ctx.Collection;
        var deadline = ctx.DeadlineFor(org.Id);
        // Calendar days in Danish time: the 1-day reminder at 9:00 says "i morgen" for a deadline at 23:59 the next day.
        var days = (DanishTime.ToLocal(deadline).Date - DanishTime.ToLocal(nowUtc).Date).Days;
        var when = days switch { <= 0 => "i dag", 1 => "i morgen", _ => $"om {days} dage" };
        return ToRespondent(c, org, MessageCategory.Reminder, MessageKinds.Reminder, u => new MailTemplate(
                $"Påmindelse: {c.Title} – frist {DanishTime.Date(deadline)}", $"Kære {u.FullName}",
                [$"{org.DisplayName} har endnu ikke indsendt sin besvarelse af »{c.Title}«. Fristen er {DanishTime.Format(deadline)} ({when}).",
                 "Har I allerede indsendt, kan I se bort fra denne påmindelse."],
                "Gå til besvarelsen", ResponseLink(c, org), MailTemplate.ChoiceFooter),
            daysBefore is int n ? u => $"reminder:{c.Id}:{org.Id}:{n}:{deadline:yyyyMMddHHmm}:{u.Id}" : null);
    }

    /// <summary>The receipt, to the user who pressed *Indsend* (always sent: it is the proof).</summary>
    public void Receipt(CollectionContext ctx, Organisation org, AppUser submitter, Receipt receipt) =>
        outbox.To(submitter, MessageCategory.Receipt, MessageKinds.Receipt, new MailTemplate(
            $"Kvittering {receipt.Number}: {ctx.Collection.Title}", $"Kære {submitter.FullName}",
            [$"Tak. {org.DisplayName}s besvarelse af »{ctx.Collection.Title}« er indsendt {DanishTime.Format(receipt.SubmittedAtUtc)} af {receipt.SubmittedByName}.",
             $"Kvitteringsnummer: {receipt.Number}. Kvitteringen med alle svar kan ses og udskrives via linket."],
            "Se kvitteringen", outbox.Link($"/kvitteringer/{receipt.Number}"), MailTemplate.AutomaticFooter), Refs(ctx.Collection, org));

    /// <summary>The secretariat reopened the organisation's response: why, and until when it can be corrected.</summary>
    public Task<int> Reopened(CollectionContext ctx, Organisation org, string reason) =>
        ToRespondent(ctx.Collection, org, MessageCategory.Notice, MessageKinds.Reopened, u => new MailTemplate(
            $"Besvarelsen er genåbnet: {ctx.Collection.Title}", $"Kære {u.FullName}",
            [$"Sekretariatet har genåbnet {org.DisplayName}s besvarelse af »{ctx.Collection.Title}«, så den kan rettes.", $"Begrundelse: {reason}",
             $"Ret besvarelsen, og indsend den igen inden {DanishTime.Format(ctx.DeadlineFor(org.Id))}."],
            "Gå til besvarelsen", ResponseLink(ctx.Collection, org), MailTemplate.ChoiceFooter));

    /// <summary>The organisation's own deadline was extended (or set back to the common one).</summary>
    public Task<int> Extended(CollectionContext ctx, Organisation org, DateTime? untilUtc, string? reason) =>
        ToRespondent(ctx.Collection, org, MessageCategory.Notice, MessageKinds.Extended, u => new MailTemplate(
            untilUtc is null ? $"Fristen er ændret: {ctx.Collection.Title}" : $"Fristen er forlænget: {ctx.Collection.Title}", $"Kære {u.FullName}",
            untilUtc is DateTime until
                ? [$"Sekretariatet har forlænget {org.DisplayName}s frist for »{ctx.Collection.Title}« til {DanishTime.Format(until)}.", $"Begrundelse: {reason}"]
                : [$"{org.DisplayName}s forlængede frist for »{ctx.Collection.Title}« er fjernet. Den fælles frist gælder: {DanishTime.Format(ctx.Collection.DeadlineUtc)}."],
            "Gå til besvarelsen", ResponseLink(ctx.Collection, org), MailTemplate.ChoiceFooter));

    /// <summary>A respondent asks for its submitted response to be reopened: to the secretariat's users, with the reason.</summary>
    public async Task<int> ReopenRequested(CollectionContext ctx, Organisation org, string byName, string reason)
    {
        var c = ctx.Collection;
        var sent = 0;
        foreach (var user in await outbox.UsersOf([c.OwnerOrganisationId], r => r == Roles.Secretariat))
            if (outbox.To(user, MessageCategory.Notice, MessageKinds.ReopenRequest, new MailTemplate(
                    $"Anmodning om genåbning: {org.DisplayName} – {c.Title}", $"Kære {user.FullName}",
                    [$"{byName} fra {org.DisplayName} beder om at få genåbnet besvarelsen af »{c.Title}«.", $"Begrundelse: {reason}",
                     "Genåbn besvarelsen på dens side, hvis den skal rettes; respondenten får så besked."],
                    "Se besvarelsen", ResponseLink(c, org) + "#genaabn", MailTemplate.ChoiceFooter), Refs(c, org))) sent++;
        return sent;
    }
}
