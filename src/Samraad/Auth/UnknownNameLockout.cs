using System.Threading.RateLimiting;

namespace Samraad.Auth;

/// <summary>
/// Failed log-ins for user names that do not exist, counted like Identity counts them for real accounts (the fifth
/// failure locks for 15 minutes): without this, "Kontoen er spærret" would appear only for names that exist, and a
/// stranger could find the accounts by guessing. Kept by ASP.NET Core's partitioned rate limiter, one fixed window
/// per name: a partition whose window has run out is dropped by the limiter's own clean-up, and a name is at most
/// 256 characters and a client may try 60 a minute, so the memory a flood of invented names can take is bounded.
/// In memory: a restart forgets, as it should for names nobody has.
/// </summary>
public sealed class UnknownNameLockout : IDisposable
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    readonly PartitionedRateLimiter<string> failures;

    public UnknownNameLockout() : this(Duration) { }

    /// <summary>With another window than 15 minutes: the limiter keeps real time, so a test waits a short window out.</summary>
    public UnknownNameLockout(TimeSpan window) => failures = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetFixedWindowLimiter(name.ToLowerInvariant(), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = MaxFailures, Window = window, QueueLimit = 0, AutoReplenishment = true,
        }));

    public bool IsLockedOut(string userName) => failures.GetStatistics(userName)?.CurrentAvailablePermits == 0;

    /// <summary>Counts a failure; true when this name is now locked out (the fifth failure in the window locks).</summary>
    public bool Fail(string userName)
    {
        using var lease = failures.AttemptAcquire(userName);
        return !lease.IsAcquired || IsLockedOut(userName);
    }

    public void Dispose() => failures.Dispose();
}
