using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samraad.Auth;
using Samraad.Data;
using Samraad.Documents;
using Samraad.Features.Collections;
using Samraad.Features.Collections.Summaries;
using Samraad.Features.Meetings.Documents;

namespace Samraad.Features.Meetings;

/// <summary>A source a live attachment can show.</summary>
public sealed record LiveSourceOption(string Key, string Title);

/// <summary>A live attachment rendered now: printable HTML, its plain text (for search) and a fingerprint of the data.</summary>
public sealed record LiveRendering(string Title, string Html, string Text, string DataHash);

/// <summary>
/// The registry of what a live attachment can show: "collection-summary:&lt;slug&gt;" and "collection-matrix:&lt;slug&gt;".
/// Later features add their reports here. Renders contain no clock time, so the same data gives the same fingerprint.
/// </summary>
public sealed partial class LiveAttachments(AppDbContext db, ComputeSummary compute, HtmlDocuments html)
{
    public async Task<List<LiveSourceOption>> Options(UserContext user, CancellationToken ct = default)
    {
        var collections = await db.Collections.OrderBy(c => c.Title).ToListAsync(ct);
        var contracts = await db.Contracts.OrderBy(c => c.Title).ToListAsync(ct);
        var keyFigures = await db.KeyFigureSets.OrderBy(s => s.Title).ToListAsync(ct);
        var surveys = await db.Surveys.OrderBy(s => s.Title).ToListAsync(ct);
        return collections.Where(c => Access.CanAdminister(user, c.OwnerOrganisationId))
            .SelectMany(c => new[]
            {
                new LiveSourceOption($"collection-summary:{c.Slug}", $"Sammendrag: {c.Title}"),
                new LiveSourceOption($"collection-matrix:{c.Slug}", $"Oversigtstabel: {c.Title}"),
            })
            .Concat(contracts.Where(c => Access.CanAdminister(user, c.OwnerOrganisationId))
                .Select(c => new LiveSourceOption($"contract-status:{c.Slug}", $"Statusrapport: {c.Title}")))
            .Concat(keyFigures.Where(s => Access.CanAdminister(user, s.OwnerOrganisationId))
                .Select(s => new LiveSourceOption($"keyfigures:{s.Slug}", $"Nøgletal og indikatorer: {s.Title}")))
            .Concat(surveys.Where(s => Access.CanAdminister(user, s.OwnerOrganisationId))
                .Select(s => new LiveSourceOption($"survey:{s.Slug}", $"Undersøgelse: {s.Title}")))
            .ToList();
    }

    public async Task<LiveRendering?> Render(string source, CancellationToken ct = default)
    {
        var (kind, slug) = source.Split(':', 2) is [var k, var s] ? (k, s) : ("", "");
        if (kind == "contract-status") return await ContractStatus(slug, ct);
        if (kind == "keyfigures") return await KeyFigures(slug, ct);
        if (kind == "survey") return await Survey(slug, ct);
        var ctx = await CollectionContext.Load(db, slug, ct);
        if (ctx is null) return null;
        string title, body;
        if (kind == "collection-summary")
        {
            title = $"Sammendrag: {ctx.Collection.Title}";
            var report = await compute.Handle(ctx, null, ct);
            body = await html.Fragment<LiveSummaryDocument>(new Dictionary<string, object?> { ["R"] = report, ["Title"] = title });
        }
        else if (kind == "collection-matrix")
        {
            title = $"Oversigtstabel: {ctx.Collection.Title}";
            var input = await LoadSummaryInput.Handle(db, ctx, ct);
            var view = Matrix.Build(input, Reconciliation.Check(input, await LoadSummaryInput.PrintedFigures(db, ctx.Collection.Id, ct)), includeText: false);
            body = await html.Fragment<LiveMatrixDocument>(new Dictionary<string, object?> { ["Ctx"] = ctx, ["View"] = view, ["Title"] = title });
        }
        else return null;
        return new LiveRendering(title, HtmlDocuments.Wrap(title, body, html.Css()), PlainText(body), StoredFile.Hash(System.Text.Encoding.UTF8.GetBytes(body)));
    }

    async Task<LiveRendering?> ContractStatus(string slug, CancellationToken ct)
    {
        var contract = await Contracts.ContractContext.Load(db, slug, ct);
        if (contract is null) return null;
        var title = $"Statusrapport: {contract.Contract.Title}";
        var body = await html.Fragment<Contracts.Pages.ContractStatusView>(new Dictionary<string, object?>
            { ["R"] = await contract.Report(db, ct), ["Heading"] = title });
        return new LiveRendering(title, HtmlDocuments.Wrap(title, body, html.Css()), PlainText(body), StoredFile.Hash(System.Text.Encoding.UTF8.GetBytes(body)));
    }

    async Task<LiveRendering?> KeyFigures(string slug, CancellationToken ct)
    {
        var set = await Indicators.KeyFigureContext.Load(db, slug, ct);
        if (set is null) return null;
        var title = $"Nøgletal og indikatorer: {set.Set.Title}";
        var body = await html.Fragment<Indicators.Pages.KeyFigureDocument>(new Dictionary<string, object?> { ["R"] = await set.Report(db, set.Reporters, ct) });
        return new LiveRendering(title, HtmlDocuments.Wrap(title, body, html.Css()), PlainText(body), StoredFile.Hash(System.Text.Encoding.UTF8.GetBytes(body)));
    }

    async Task<LiveRendering?> Survey(string slug, CancellationToken ct)
    {
        var survey = await Surveys.SurveyContext.Load(db, slug, ct);
        if (survey is null) return null;
        var title = $"Undersøgelse: {survey.Survey.Title}";
        var body = await html.Fragment<Surveys.Pages.SurveyDocument>(new Dictionary<string, object?> { ["R"] = await Surveys.ComputeSurveyReport.Handle(db, survey, ct) });
        return new LiveRendering(title, HtmlDocuments.Wrap(title, body, html.Css()), PlainText(body), StoredFile.Hash(System.Text.Encoding.UTF8.GetBytes(body)));
    }

    static string PlainText(string html) =>
        System.Net.WebUtility.HtmlDecode(Spaces().Replace(Tags().Replace(html, " "), " ")).Trim();

    [GeneratedRegex("<[^>]+>")] private static partial Regex Tags();
    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();
}
