using Samraad.Data;
using Samraad.Documents;
using Samraad.Documents.Pdf;
using Samraad.Features.Notifications;
using Samraad.Features.Pools.Pages;

namespace Samraad.Features.Pools;

/// <summary>
/// Issues the decisions: runs the allocation with the saved assessments, and writes one letter (tilsagn, delvist
/// tilsagn or afslag) per application as HTML and PDF. Once, after the deadline, when nothing awaits assessment. Each
/// applicant's users are told by e-mail, saved with the decisions.
/// </summary>
public sealed class IssueDecisions(AppDbContext db, HtmlDocuments html, ChromiumPdf chromium, TimeProvider clock, Outbox outbox)
{
    public async Task<Outcome<int>> Handle(PoolContext ctx, UserContext user, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<int>.Fail(Problem.Forbidden, "Kun puljens sagsbehandlere kan udsende afgørelser.");
        if (ctx.Pool.DecisionsIssuedAtUtc is DateTime at) return Outcome<int>.Fail(Problem.Conflict, $"Afgørelserne blev udsendt {DanishTime.Format(at)}.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (ctx.Collection.Collection.IsOpen(now) || now < ctx.Collection.Collection.DeadlineUtc)
            return Outcome<int>.Fail(Problem.Conflict, $"Ansøgningsfristen ({DanishTime.Format(ctx.Collection.Collection.DeadlineUtc)}) er ikke udløbet; afgørelser udsendes efter fristen.");
        var reviews = await ctx.Reviews(db, ct);
        var waiting = reviews.Where(r => r.AwaitsAssessment).ToList();
        if (waiting.Count > 0)
            return Outcome<int>.Fail(Problem.Invalid, "Afgørelserne er ikke udsendt.",
                waiting.Select(r => new FieldError("", $"{r.Application.Municipality}, {r.Project.Name}: kriterium 6 (renovering) afventer din vurdering.")).ToList());

        var result = PoolContext.Allocate(reviews, ctx.Pool.BudgetThousands);
        var count = 0;
        foreach (var group in result.Rows.GroupBy(r => r.Application.OrganisationId))
        {
            var app = group.First().Application;
            var rows = group.OrderBy(r => r.Project.Index).ToList();
            var parameters = new Dictionary<string, object?> { ["Spec"] = ctx.Spec, ["Application"] = app, ["Rows"] = rows, ["IssuedAtUtc"] = now };
            var fragment = await html.Fragment<LetterView>(parameters);
            var pdf = PdfAssembler.Assemble([new PdfPart(await chromium.Print(HtmlDocuments.Wrap("Afgørelse", fragment, html.Css()), ct), "Afgørelse")],
                $"{ctx.Pool.Title} · afgørelse til {app.Municipality}", $"Afgørelse – {app.Municipality}");
            db.PoolDecisions.Add(new PoolDecision
            {
                PoolId = ctx.Pool.Id, OrganisationId = app.OrganisationId, Outcome = LetterView.Outcome(rows),
                Granted2025Ore = rows.Sum(r => r.Granted2025) * 100_000, Granted2026Ore = rows.Sum(r => r.Granted2026) * 100_000,
                Reasons = string.Join("\n", rows.SelectMany(r => r.Reasons.Select(x => $"{r.Project.Name}: {x}"))),
                ReceiptNumber = app.ReceiptNumber, LetterHtml = fragment, IssuedAtUtc = now, IssuedBy = $"{user.Name} ({user.UserName})",
                LetterFile = StoredFile.Pdf($"afgoerelse-{app.Slug}.pdf", pdf, PdfFiles.PageCount(pdf), texts: null, now),
            });
            await Tell(ctx, app, LetterView.Outcome(rows));
            count++;
        }
        ctx.Pool.DecisionsIssuedAtUtc = now;
        ctx.Pool.DecisionsIssuedBy = $"{user.Name} ({user.UserName})";
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Success(count);
    }

    /// <summary>The decision letter is issued: the applicant's users get the outcome and a link to the letter.</summary>
    async Task Tell(PoolContext ctx, PoolApplication app, PoolOutcome outcome)
    {
        foreach (var user in await outbox.UsersOf([app.OrganisationId], Roles.Answers))
            outbox.To(user, MessageCategory.Notice, MessageKinds.PoolDecision, new MailTemplate(
                $"Afgørelse: {ctx.Pool.Title}", $"Kære {user.FullName}",
                [$"Der er truffet afgørelse om {app.Municipality}s ansøgning til »{ctx.Pool.Title}«: {LetterView.HeadingOf(outcome)}.",
                 "Afgørelsesbrevet med begrundelse for hvert projekt kan læses og hentes som PDF via linket."],
                "Læs afgørelsen", outbox.Link($"/puljer/{ctx.Pool.Slug}/afgoerelser/{app.Slug}"), MailTemplate.ChoiceFooter),
                new MessageRefs(CollectionId: ctx.Collection.Collection.Id, OrganisationId: app.OrganisationId));
    }
}
