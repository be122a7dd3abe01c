using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Reference;

namespace Samraad.Features.Home;

/// <summary>
/// The main menu by role: an item appears only when the user can use what it leads to, so nobody is offered a
/// page that answers 403 or an empty list it could never fill (a municipality is not offered the contracts, the
/// key figures or the users of others). One query per page: the instance lives for one request and keeps its answer,
/// so the front page and the frame that both need the organisation's name share it.
/// </summary>
public sealed class Navigation(AppDbContext db) : IMenu
{
    (UserContext? User, Menu Menu)? last;

    /// <summary>What the user's organisation takes part in; one query per page.</summary>
    public sealed record Facts(OrganisationKind? Kind, bool RunsMeetings, bool OwnsPool, bool InContract, bool HasFigures, bool OwnsTasks = false, bool HasSurveys = false);

    public async Task<Menu> For(UserContext? user, CancellationToken ct = default)
    {
        if (last is { } known && Equals(known.User, user)) return known.Menu;
        var menu = await Make(user, ct);
        last = (user, menu);
        return menu;
    }

    async Task<Menu> Make(UserContext? user, CancellationToken ct)
    {
        if (user is null) return new([new("Offentlige møder", "/offentlig"), new("Søg", "/soeg")], null);
        if (user.Role == Roles.PendingTwoFactor) return new([new("Opsæt to-faktor", "/konto/to-faktor")], null);
        var org = user.OrganisationId;
        var found = org is null ? null : await db.Organisations.Where(o => o.Id == org)
            .Select(o => new { o.Name, Facts = new Facts(o.Kind,
                db.Bodies.Any(b => b.OrganisationId == org),
                db.Pools.Any(p => p.OwnerOrganisationId == org),
                db.Contracts.Any(c => c.OwnerOrganisationId == org || c.HubOrganisationId == org),
                db.KeyFigureSets.Any(k => k.OwnerOrganisationId == org) || db.KeyFigureReporters.Any(r => r.OrganisationId == org),
                db.Tasks.Any(t => t.OwnerOrganisationId == org && t.State == Meetings.TaskState.Open),
                db.Surveys.Any(v => v.OwnerOrganisationId == org)) })
            .FirstOrDefaultAsync(ct);
        return new(Items(user, found?.Facts ?? new Facts(null, false, false, false, false)), found?.Name);
    }

    /// <summary>The rule itself, without the database: who is offered which part of Samraad.</summary>
    public static IReadOnlyList<MenuItem> Items(UserContext user, Facts facts)
    {
        var admin = user.IsAdmin;
        var runs = user.Role == Roles.Secretariat && facts.RunsMeetings;
        var items = new List<MenuItem> { new("Forside", "/") };
        // Meetings: those who run them, the body's members, and respondents, who read the published agendas.
        if (admin || runs || user.Role == Roles.Reader && facts.RunsMeetings || user.Answers) items.Add(new("Møder", "/moeder"));
        // The pool: its caseworkers, and the municipalities that apply to it.
        if (admin || user.Role == Roles.Secretariat && facts.OwnsPool || user.Answers && facts.Kind == OrganisationKind.Kommune) items.Add(new("Puljer", "/puljer"));
        if (admin || facts.InContract && user.Role != Roles.Reader) items.Add(new("Kontrakter", "/kontrakter"));
        // Key figures and surveys: the owner's secretariat and members, and those who report figures.
        if (admin || facts.HasFigures) items.Add(new("Nøgletal", "/noegletal"));
        if (admin || facts.HasSurveys && !user.Answers) items.Add(new("Undersøgelser", "/undersoegelser"));
        // Follow-up tasks: those who run the meetings, and organisations that were given a task to close.
        if (admin || runs || user.Answers && facts.OwnsTasks) items.Add(new("Opgaver", "/opgaver"));
        items.Add(new("Søg", "/soeg"));
        if (admin || user.Role == Roles.Secretariat) items.Add(new("Referencedata", "/referencedata"));
        if (admin || user.Role is Roles.Secretariat or Roles.LocalAdmin) items.Add(new("Brugere", "/brugere"));
        if (admin) items.Add(new("Pakker", "/pakker"));
        return items;
    }
}
