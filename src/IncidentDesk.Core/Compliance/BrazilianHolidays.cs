namespace IncidentDesk.Core.Compliance;

/// <summary>Which day of the Brazilian calendar a <see cref="Holiday"/> is; the UI words it from resources.</summary>
public enum HolidayName
{
    NewYear,
    CarnivalMonday,
    CarnivalTuesday,
    GoodFriday,
    Tiradentes,
    Labour,
    CorpusChristi,
    Independence,
    OurLadyAparecida,
    PublicServants,
    AllSouls,
    Republic,
    BlackConsciousness,
    ChristmasEve,
    Christmas,
    NewYearsEve,
}

public enum HolidayKind
{
    /// <summary>A national holiday set by law: never a business day.</summary>
    National,

    /// <summary>A federal optional day ("ponto facultativo") on which federal offices close all day.</summary>
    OptionalFullDay,

    /// <summary>An optional afternoon (24 and 31 Dec): a business day, but offices close early.</summary>
    OptionalAfternoon,
}

public sealed record Holiday(DateOnly Date, HolidayName Name, HolidayKind Kind);

/// <summary>
/// The national holidays and federal optional days that decide LGPD business days (R1 art. 8; Lei 9.784/1999 art. 66).
/// Written here rather than taken from a package: the served PublicHoliday 3.17.0 counts Carnival as a national holiday
/// (it is an optional day) and predates 20 November becoming national (Lei 14.759/2023, from 2024) — either error
/// would move a legal deadline.
/// </summary>
public static class BrazilianHolidays
{
    /// <summary>Year from which 20 November (Dia Nacional de Zumbi e da Consciência Negra) is a national holiday.</summary>
    public const int BlackConsciousnessFrom = 2024;

    /// <summary>Gregorian Easter Sunday (the anonymous algorithm, integer division throughout).</summary>
    public static DateOnly Easter(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The days that are never business days besides weekends (Lei 662/1949, 6.802/1980, 10.607/2002, 14.759/2023).</summary>
    public static IReadOnlyList<Holiday> National(int year)
    {
        var easter = Easter(year);
        List<Holiday> days =
        [
            new(new DateOnly(year, 1, 1), HolidayName.NewYear, HolidayKind.National),
            new(easter.AddDays(-2), HolidayName.GoodFriday, HolidayKind.National),
            new(new DateOnly(year, 4, 21), HolidayName.Tiradentes, HolidayKind.National),
            new(new DateOnly(year, 5, 1), HolidayName.Labour, HolidayKind.National),
            new(new DateOnly(year, 9, 7), HolidayName.Independence, HolidayKind.National),
            new(new DateOnly(year, 10, 12), HolidayName.OurLadyAparecida, HolidayKind.National),
            new(new DateOnly(year, 11, 2), HolidayName.AllSouls, HolidayKind.National),
            new(new DateOnly(year, 11, 15), HolidayName.Republic, HolidayKind.National),
        ];
        if (year >= BlackConsciousnessFrom)
        {
            days.Add(new(new DateOnly(year, 11, 20), HolidayName.BlackConsciousness, HolidayKind.National));
        }

        days.Add(new(new DateOnly(year, 12, 25), HolidayName.Christmas, HolidayKind.National));
        return days;
    }

    /// <summary>
    /// The federal optional days ("pontos facultativos"), as set each year by the federal government's ordinance.
    /// Ash Wednesday (offices open at 14h) is deliberately absent: it counts as a normal business day.
    /// </summary>
    public static IReadOnlyList<Holiday> FederalOptional(int year)
    {
        var easter = Easter(year);
        return
        [
            new(easter.AddDays(-48), HolidayName.CarnivalMonday, HolidayKind.OptionalFullDay),
            new(easter.AddDays(-47), HolidayName.CarnivalTuesday, HolidayKind.OptionalFullDay),
            new(easter.AddDays(60), HolidayName.CorpusChristi, HolidayKind.OptionalFullDay),
            new(new DateOnly(year, 10, 28), HolidayName.PublicServants, HolidayKind.OptionalFullDay),
            new(new DateOnly(year, 12, 24), HolidayName.ChristmasEve, HolidayKind.OptionalAfternoon),
            new(new DateOnly(year, 12, 31), HolidayName.NewYearsEve, HolidayKind.OptionalAfternoon),
        ];
    }
}
