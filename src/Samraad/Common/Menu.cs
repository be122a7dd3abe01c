namespace Samraad.Common;

/// <summary>One entry of the main menu.</summary>
public sealed record MenuItem(string Label, string Href);

/// <summary>What the page frame shows of the user: the menu it is offered, and the organisation it acts for.</summary>
public sealed record Menu(IReadOnlyList<MenuItem> Items, string? Organisation)
{
    /// <summary>The item a page belongs to: the longest menu path that starts the page's path (the front page only itself).</summary>
    public static MenuItem? Current(IReadOnlyList<MenuItem> items, string path) =>
        items.Where(i => i.Href == "/" ? path == "/" : path == i.Href || path.StartsWith(i.Href + "/", StringComparison.Ordinal)).MaxBy(i => i.Href.Length);
}

/// <summary>Makes the menu for a user (Features/Home decides who is offered what); the frame only draws it.</summary>
public interface IMenu
{
    Task<Menu> For(UserContext? user, CancellationToken ct = default);
}
