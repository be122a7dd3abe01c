using Samraad.Features.Collections;
using Samraad.Features.Collections.Authoring;
using Samraad.Features.Collections.Forms;

namespace Samraad.Tests;

public class LifecycleTests
{
    [Theory]
    [InlineData(CollectionStatus.Draft, StatusAction.Publish, CollectionStatus.Open)]
    [InlineData(CollectionStatus.Open, StatusAction.Close, CollectionStatus.Closed)]
    [InlineData(CollectionStatus.Closed, StatusAction.Reopen, CollectionStatus.Open)]
    [InlineData(CollectionStatus.Archived, StatusAction.Reopen, CollectionStatus.Open)]
    [InlineData(CollectionStatus.Open, StatusAction.Archive, CollectionStatus.Archived)]
    [InlineData(CollectionStatus.Closed, StatusAction.Archive, CollectionStatus.Archived)]
    public void Allowed_steps(CollectionStatus from, StatusAction action, CollectionStatus to) => Assert.Equal(to, Lifecycle.Next(from, action));

    [Theory]
    [InlineData(CollectionStatus.Draft, StatusAction.Close)]
    [InlineData(CollectionStatus.Draft, StatusAction.Archive)]
    [InlineData(CollectionStatus.Draft, StatusAction.Reopen)]
    [InlineData(CollectionStatus.Open, StatusAction.Publish)]
    [InlineData(CollectionStatus.Open, StatusAction.Reopen)]
    [InlineData(CollectionStatus.Archived, StatusAction.Close)]
    public void Refused_steps(CollectionStatus from, StatusAction action) => Assert.Null(Lifecycle.Next(from, action));

    static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Opening_needs_respondents_a_future_deadline_and_questions_in_every_section()
    {
        var blank = FormSpecReader.Parse("""{"key":"tom","version":1,"title":"Tom","sections":[{"key":"a","title":"Afsnit A","fields":[]}]}""");
        var problems = Lifecycle.ProblemsBeforeOpening(blank, respondents: 0, deadlineUtc: Now.AddDays(-1), nowUtc: Now);
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Der er ingen respondenter"));
        Assert.Contains(problems, p => p.Contains("er overskredet"));
        Assert.Contains("Skemaet har ingen spørgsmål.", problems);
        Assert.Contains("Afsnittet »Afsnit A« har ingen spørgsmål.", problems);
        Assert.Empty(Lifecycle.ProblemsBeforeOpening(TestForms.AllTypes(), respondents: 3, deadlineUtc: Now.AddDays(14), nowUtc: Now));
    }

    [Fact]
    public void A_respondents_own_deadline_keeps_it_open_but_a_closed_collection_is_closed_for_all()
    {
        var c = new Collection { OpensAtUtc = Now.AddDays(-10), DeadlineUtc = Now.AddDays(-1), Status = CollectionStatus.Open };
        Assert.False(c.IsOpen(Now));
        Assert.True(c.IsOpen(Now, deadlineUtc: Now.AddDays(3)));
        Assert.Equal("Lukket (fristen er udløbet)", c.StatusLabel(Now));
        c.Status = CollectionStatus.Closed;
        Assert.False(c.IsOpen(Now, deadlineUtc: Now.AddDays(3)));
        Assert.StartsWith("Sekretariatet har lukket indsamlingen", c.ClosedReason(Now));
        c.Status = CollectionStatus.Draft;
        Assert.Equal("Indsamlingen er ikke offentliggjort endnu.", c.ClosedReason(Now));
    }
}
