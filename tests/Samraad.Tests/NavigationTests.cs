using Samraad.Features.Home;
using Samraad.Features.Reference;

namespace Samraad.Tests;

/// <summary>The menu offers each role what it can use, and nothing that would answer 403 or stay empty.</summary>
public class NavigationTests
{
    static UserContext As(string role, int? org = 1) => new("id", "u", "U", role, org);

    static List<string> Labels(UserContext user, Navigation.Facts facts) => Navigation.Items(user, facts).Select(i => i.Label).ToList();

    [Fact]
    public void A_municipality_is_offered_its_meetings_the_pool_and_search_but_not_the_secretariats_tools()
    {
        var menu = Labels(As(Roles.Respondent), new(OrganisationKind.Kommune, false, false, false, false));
        Assert.Equal(["Forside", "Møder", "Puljer", "Søg"], menu);
        Assert.Contains("Opgaver", Labels(As(Roles.Respondent), new(OrganisationKind.Kommune, false, false, false, false, OwnsTasks: true)));
        Assert.Contains("Brugere", Labels(As(Roles.LocalAdmin), new(OrganisationKind.Kommune, false, false, false, false)));
    }

    [Fact]
    public void A_council_member_reads_meetings_figures_and_surveys_of_its_body_only()
    {
        Assert.Equal(["Forside", "Møder", "Nøgletal", "Undersøgelser", "Søg"], Labels(As(Roles.Reader), new(OrganisationKind.Kkr, true, false, true, true, HasSurveys: true)));
        Assert.DoesNotContain("Undersøgelser", Labels(As(Roles.Reader), new(OrganisationKind.Kkr, true, false, true, true)));
    }

    [Fact]
    public void The_pools_caseworker_gets_the_pool_and_no_meetings_it_does_not_run()
    {
        var menu = Labels(As(Roles.Secretariat), new(OrganisationKind.Myndighed, false, true, false, false));
        Assert.Equal(["Forside", "Puljer", "Søg", "Referencedata", "Brugere"], menu);
    }

    [Fact]
    public void A_partner_in_a_contract_gets_the_contract_and_not_the_pool()
    {
        var menu = Labels(As(Roles.Respondent), new(OrganisationKind.Partner, false, false, true, false));
        Assert.Equal(["Forside", "Møder", "Kontrakter", "Søg"], menu);
    }

    [Fact]
    public void The_section_of_a_page_is_its_longest_menu_path_and_the_front_page_only_itself()
    {
        var items = Navigation.Items(As(Roles.Admin, null), new(null, false, false, false, false));
        Assert.Equal("Møder", Menu.Current(items, "/moeder/kkr/referat")?.Label);
        Assert.Equal("Forside", Menu.Current(items, "/")?.Label);
        Assert.Null(Menu.Current(items, "/indsamlinger/akut"));
        Assert.Null(Menu.Current(items, "/moederx"));
    }
}
