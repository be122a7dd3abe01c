namespace Samraad.Tests;

public class AccessTests
{
    static UserContext User(string role, int? org) => new("id", "u", "U", role, org);

    [Fact]
    public void A_respondent_acts_only_for_its_own_organisation()
    {
        var faxe = User(Roles.Respondent, 320);
        Assert.True(Access.CanAnswerFor(faxe, 320));
        Assert.False(Access.CanAnswerFor(faxe, 253));
        Assert.False(Access.CanViewResponse(faxe, ownerOrganisationId: 1, respondentOrganisationId: 253));
        Assert.False(Access.CanReadSummary(faxe, 1));
    }

    [Fact]
    public void Secretariat_staff_administer_only_their_own_organisations_collections()
    {
        var sjaelland = User(Roles.Secretariat, 1);
        Assert.True(Access.CanAdminister(sjaelland, 1));
        Assert.False(Access.CanAdminister(sjaelland, 2));
        Assert.False(Access.CanAnswerFor(sjaelland, 320)); // they read and reopen, they do not answer for a municipality
        Assert.True(Access.CanAdminister(User(Roles.Admin, null), 2));
    }

    [Fact]
    public void Readers_read_their_own_bodys_summaries_but_no_single_response()
    {
        var reader = User(Roles.Reader, 1); // a member of the body whose organisation is 1
        Assert.True(Access.CanReadSummary(reader, 1));
        Assert.False(Access.CanReadSummary(reader, 2)); // another KKR's
        Assert.False(Access.CanViewResponse(reader, 1, 320));
        Assert.False(Access.CanReadSummary(User(Roles.Reader, null), 1)); // a reader of no body reads nothing
    }
}
