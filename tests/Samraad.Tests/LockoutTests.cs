using Samraad.Auth;

namespace Samraad.Tests;

public class LockoutTests
{
    [Fact]
    public async Task An_unknown_name_is_locked_at_the_fifth_failure_and_free_again_after_the_window()
    {
        using var lockout = new UnknownNameLockout(TimeSpan.FromMilliseconds(400));
        for (var i = 1; i < UnknownNameLockout.MaxFailures; i++) Assert.False(lockout.Fail("findes-ikke"), $"failure {i}");
        Assert.True(lockout.Fail("FINDES-IKKE")); // the fifth, whatever the case
        Assert.True(lockout.IsLockedOut("findes-ikke"));
        Assert.False(lockout.IsLockedOut("en-anden"));
        await Task.Delay(1000);
        Assert.False(lockout.IsLockedOut("findes-ikke"));
        Assert.False(lockout.Fail("findes-ikke"));
    }
}
