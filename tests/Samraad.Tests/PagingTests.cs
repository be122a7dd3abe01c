namespace Samraad.Tests;

public class PagingTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData("3", 3)]
    [InlineData("99", 5)]
    [InlineData("0", 1)]
    [InlineData("-2", 1)]
    [InlineData("2x", 1)]
    [InlineData("99999999999999", 1)]
    public void The_page_asked_for_is_kept_within_the_list(string? side, int page) =>
        Assert.Equal(page, Paging.From(side, 100, 450).Page);

    [Fact]
    public void Counts_and_bounds_of_a_page()
    {
        var p = Paging.From("5", 100, 450);
        Assert.Equal((5, 400, 401, 450), (p.PageCount, p.Skip, p.First, p.Last));
        var empty = Paging.From(null, 100, 0);
        Assert.Equal((1, 0, 0, 0), (empty.PageCount, empty.Skip, empty.First, empty.Last));
    }

    [Fact]
    public void Numbers_show_the_ends_and_the_neighbours_with_gaps()
    {
        Assert.Equal([1, null, 5, 6, 7, null, 12], new Paging(6, 10, 120).Numbers());
        // A gap of one page shows the page.
        Assert.Equal([1, 2, 3, 4, null, 12], new Paging(3, 10, 120).Numbers());
        Assert.Equal([1], new Paging(1, 10, 5).Numbers());
        Assert.Equal([1, 2], new Paging(2, 10, 15).Numbers());
    }
}
