namespace Samraad.Common;

/// <summary>
/// One page of a long list: which page, how many there are, and the page numbers to offer (DKFDS pagination: the
/// first, the last, and the neighbours of the current page; gaps shown as "…").
/// </summary>
public sealed record Paging(int Page, int PageSize, int Total)
{
    /// <summary>The page asked for in the query string ("side"), kept within 1..last; anything else is page 1.</summary>
    public static Paging From(string? side, int pageSize, int total)
    {
        var last = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = int.TryParse(side, System.Globalization.NumberStyles.None, null, out var n) && n >= 1 ? Math.Min(n, last) : 1;
        return new(page, pageSize, total);
    }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int Skip => (Page - 1) * PageSize;
    public int First => Total == 0 ? 0 : Skip + 1;
    public int Last => Math.Min(Total, Skip + PageSize);

    /// <summary>The numbers to link, null for a gap: 1 … 4 5 6 … 12.</summary>
    public IReadOnlyList<int?> Numbers()
    {
        var shown = new SortedSet<int> { 1, PageCount };
        for (var p = Page - 1; p <= Page + 1; p++) if (p >= 1 && p <= PageCount) shown.Add(p);
        var numbers = new List<int?>();
        foreach (var p in shown)
        {
            if (numbers.Count > 0 && numbers[^1] is int before && p - before > 1)
            {
                // A gap of one page is the page itself, not "…".
                if (p - before == 2) numbers.Add(before + 1); else numbers.Add(null);
            }
            numbers.Add(p);
        }
        return numbers;
    }
}
