using System.Collections.Concurrent;

namespace Samraad.Auth;

/// <summary>
/// Failed log-ins for user names that do not exist, counted like Identity counts them for real accounts (5 tries,
/// then 15 minutes): without this, "Kontoen er spærret" would appear only for names that exist, and a stranger could
/// find the accounts by guessing. In memory: a restart forgets, as it should for names nobody has.
/// </summary>
public sealed class UnknownNameLockout(TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);
    readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset? Until)> names = new(StringComparer.OrdinalIgnoreCase);

    public bool IsLockedOut(string userName) =>
        names.TryGetValue(userName, out var s) && s.Until is { } until && until > clock.GetUtcNow();

    /// <summary>Counts a failure; true when this name is now locked out.</summary>
    public bool Fail(string userName)
    {
        var now = clock.GetUtcNow();
        var state = names.AddOrUpdate(userName, _ => (1, null), (_, s) =>
            s.Until is { } until && until <= now ? (1, null) : (s.Failures + 1, s.Until));
        if (state.Failures >= MaxFailures && state.Until is null)
            names[userName] = state = (state.Failures, now + Duration);
        if (names.Count > 100_000) names.Clear(); // a flood of invented names must not grow memory without end
        return state.Until is not null;
    }
}
