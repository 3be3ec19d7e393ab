using NodaTime;

namespace Invoicing.Dunning;

/// <summary>
/// The eleven French public holidays (Code du travail L3133-1): 1 January, Easter Monday, 1 May, 8 May, Ascension,
/// Whit Monday, 14 July, 15 August, 1 November, 11 November, 25 December. Easter by the Gregorian computus.
/// </summary>
public static class FrenchPublicHolidays
{
    /// <summary>Easter Sunday of a Gregorian year (anonymous Gregorian algorithm).</summary>
    /// <param name="year">1583 to 9999.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1583..9999.</exception>
    public static LocalDate EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }

    /// <summary>The public holidays of a year, in date order.</summary>
    public static IReadOnlyList<LocalDate> Of(int year)
    {
        var easter = EasterSunday(year);
        return
        [
            new LocalDate(year, 1, 1),
            easter.PlusDays(1),
            new LocalDate(year, 5, 1),
            new LocalDate(year, 5, 8),
            easter.PlusDays(39),
            easter.PlusDays(50),
            new LocalDate(year, 7, 14),
            new LocalDate(year, 8, 15),
            new LocalDate(year, 11, 1),
            new LocalDate(year, 11, 11),
            new LocalDate(year, 12, 25),
        ];
    }

    /// <summary>Whether <paramref name="date"/> is a French public holiday.</summary>
    public static bool IsHoliday(LocalDate date)
    {
        switch (date.Month, date.Day)
        {
            case (1, 1) or (5, 1) or (5, 8) or (7, 14) or (8, 15) or (11, 1) or (11, 11) or (12, 25):
                return true;
            case ( < 3, _) or ( > 6, _):
                return false;
        }

        if (date.Year is < 1583 or > 9999)
        {
            return false;
        }

        var sinceEaster = date.ToEpochDay() - EasterSunday(date.Year).ToEpochDay();
        return sinceEaster is 1 or 39 or 50;
    }
}
