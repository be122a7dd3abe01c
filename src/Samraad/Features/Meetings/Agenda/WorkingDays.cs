namespace Samraad.Features.Meetings;

/// <summary>
/// Danish working days (hverdage): Monday–Friday except public holidays. Store bededag counts as a holiday up to
/// 2023 only (abolished from 2024 by lov nr. 159 af 28. februar 2023). Christmas Eve, New Year's Eve and
/// Grundlovsdag are not public holidays.
/// </summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays(day.Year).Contains(day);

    /// <summary>The latest day that is still <paramref name="days"/> working days before <paramref name="date"/>.</summary>
    public static DateOnly Before(DateOnly date, int days)
    {
        var d = date;
        while (days > 0)
        {
            d = d.AddDays(-1);
            if (IsWorkingDay(d)) days--;
        }
        return d;
    }

    public static IReadOnlySet<DateOnly> Holidays(int year)
    {
        var easter = EasterSunday(year);
        var days = new HashSet<DateOnly>
        {
            new(year, 1, 1), easter.AddDays(-3), easter.AddDays(-2), easter, easter.AddDays(1),
            easter.AddDays(39), easter.AddDays(49), easter.AddDays(50), new(year, 12, 25), new(year, 12, 26),
        };
        if (year <= 2023) days.Add(easter.AddDays(26)); // store bededag
        return days;
    }

    /// <summary>Gregorian Easter Sunday (the anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451, month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
