using IncidentDesk.Core.Common;

namespace IncidentDesk.Core.Tests.Common;

public sealed class PartialDateTests
{
    private static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    [Fact]
    public void An_exact_Brasilia_time_is_stored_three_hours_later_in_UTC()
    {
        PartialDate date = PartialDate.FromLocal(2026, 3, 7, new TimeOnly(14, 30), TimePrecision.Exact);

        Assert.Equal(Utc(2026, 3, 7, 17, 30), date.Utc);
        Assert.Equal(DateTimeKind.Utc, date.Utc.Kind);
        Assert.Equal(TimePrecision.Exact, date.Precision);
        Assert.Equal(new DateTime(2026, 3, 7, 14, 30, 0), date.Local);
    }

    [Fact]
    public void A_day_is_stored_as_Brasilia_midnight_that_is_03h00_UTC()
    {
        Assert.Equal(Utc(2026, 4, 7, 3), PartialDate.FromLocal(2026, 4, 7, null, TimePrecision.Day).Utc);
    }

    [Fact]
    public void A_month_is_stored_as_Brasilia_midnight_of_the_first()
    {
        Assert.Equal(Utc(2026, 3, 1, 3), PartialDate.FromLocal(2026, 3, null, null, TimePrecision.Month).Utc);
    }

    [Theory]
    [InlineData(2026, 3, 31, 22, 30, 2026, 4, 1, 1, 30)] // last evening of a month is the next month in UTC
    [InlineData(2025, 12, 31, 23, 59, 2026, 1, 1, 2, 59)] // and of a year, the next year
    [InlineData(2026, 1, 1, 0, 0, 2026, 1, 1, 3, 0)]
    [InlineData(2024, 2, 29, 21, 0, 2024, 3, 1, 0, 0)]
    public void Exact_times_cross_UTC_day_month_and_year_boundaries(
        int y, int mo, int d, int h, int mi, int uy, int umo, int ud, int uh, int umi)
    {
        PartialDate date = PartialDate.FromLocal(y, mo, d, new TimeOnly(h, mi), TimePrecision.Exact);

        Assert.Equal(Utc(uy, umo, ud, uh, umi), date.Utc);
    }

    [Theory]
    [InlineData(2026, 0, 1, TimePrecision.Day, PartialDateProblem.InvalidMonth)]
    [InlineData(2026, 13, 1, TimePrecision.Day, PartialDateProblem.InvalidMonth)]
    [InlineData(2026, -1, null, TimePrecision.Month, PartialDateProblem.InvalidMonth)]
    [InlineData(2026, 4, 0, TimePrecision.Day, PartialDateProblem.InvalidDay)]
    [InlineData(2026, 4, 31, TimePrecision.Day, PartialDateProblem.InvalidDay)]
    [InlineData(2026, 1, 32, TimePrecision.Day, PartialDateProblem.InvalidDay)]
    [InlineData(2025, 2, 29, TimePrecision.Day, PartialDateProblem.InvalidDay)] // not a leap year
    [InlineData(2100, 2, 29, TimePrecision.Day, PartialDateProblem.InvalidDay)] // centuries are not, unless ÷400
    [InlineData(2026, 3, null, TimePrecision.Day, PartialDateProblem.InvalidDay)]
    [InlineData(2026, 3, 7, TimePrecision.Month, PartialDateProblem.MoreDetailThanPrecision)]
    [InlineData(1899, 12, 31, TimePrecision.Day, PartialDateProblem.YearOutOfRange)]
    [InlineData(2101, 1, 1, TimePrecision.Day, PartialDateProblem.YearOutOfRange)]
    [InlineData(226, 3, 7, TimePrecision.Day, PartialDateProblem.YearOutOfRange)] // a typo for 2026
    public void Invalid_parts_are_reported_and_refused(int year, int month, int? day, TimePrecision precision, PartialDateProblem problem)
    {
        Assert.Equal(problem, PartialDate.Validate(year, month, day, null, precision));
        Assert.Throws<ArgumentException>(() => PartialDate.FromLocal(year, month, day, null, precision));
    }

    [Fact]
    public void Time_is_required_for_exact_and_refused_for_coarser_precisions()
    {
        var time = new TimeOnly(9, 15);

        Assert.Equal(PartialDateProblem.TimeRequired, PartialDate.Validate(2026, 3, 7, null, TimePrecision.Exact));
        Assert.Equal(PartialDateProblem.InvalidDay, PartialDate.Validate(2026, 3, null, time, TimePrecision.Exact));
        Assert.Equal(PartialDateProblem.MoreDetailThanPrecision, PartialDate.Validate(2026, 3, 7, time, TimePrecision.Day));
        Assert.Equal(PartialDateProblem.MoreDetailThanPrecision, PartialDate.Validate(2026, 3, null, time, TimePrecision.Month));
    }

    [Theory]
    [InlineData(2024, 2, 29)]
    [InlineData(2000, 2, 29)]
    [InlineData(2026, 12, 31)]
    [InlineData(1900, 1, 1)]
    [InlineData(2100, 12, 31)]
    public void Valid_days_are_accepted(int year, int month, int day)
    {
        Assert.Null(PartialDate.Validate(year, month, day, null, TimePrecision.Day));
        Assert.Equal(new DateTime(year, month, day), PartialDate.FromLocal(year, month, day, null, TimePrecision.Day).Local);
    }

    [Fact]
    public void A_month_precision_date_in_the_current_month_is_not_in_the_future()
    {
        PartialDate march = PartialDate.FromLocal(2026, 3, null, null, TimePrecision.Month);

        Assert.False(march.IsInFuture(Utc(2026, 3, 1, 3))); // first instant of March in Brasília
        Assert.False(march.IsInFuture(Utc(2026, 3, 15, 12)));
        Assert.False(march.IsInFuture(Utc(2026, 4, 1, 2, 59, 59))); // 31 March, 23:59:59 in Brasília
        Assert.True(march.IsInFuture(Utc(2026, 3, 1, 2, 59, 59))); // still 28 February in Brasília
    }

    [Fact]
    public void Next_January_is_in_the_future_on_New_Years_Eve_in_Brasilia_even_when_UTC_is_already_January()
    {
        PartialDate january = PartialDate.FromLocal(2027, 1, null, null, TimePrecision.Month);

        Assert.True(january.IsInFuture(Utc(2027, 1, 1, 2, 30))); // 31 Dec 2026, 23:30 in Brasília
        Assert.False(january.IsInFuture(Utc(2027, 1, 1, 3)));
    }

    [Fact]
    public void A_day_precision_date_is_in_the_future_only_from_the_next_Brasilia_day()
    {
        DateTime lateEvening = Utc(2026, 3, 8, 2, 30); // 7 March, 23:30 in Brasília

        Assert.False(PartialDate.FromLocal(2026, 3, 7, null, TimePrecision.Day).IsInFuture(lateEvening));
        Assert.True(PartialDate.FromLocal(2026, 3, 8, null, TimePrecision.Day).IsInFuture(lateEvening));
        Assert.False(PartialDate.FromLocal(2026, 3, 6, null, TimePrecision.Day).IsInFuture(lateEvening));
    }

    [Fact]
    public void An_exact_date_is_in_the_future_only_when_later_than_now()
    {
        PartialDate date = PartialDate.FromLocal(2026, 3, 7, new TimeOnly(14, 30), TimePrecision.Exact);

        Assert.False(date.IsInFuture(Utc(2026, 3, 7, 17, 30)));
        Assert.False(date.IsInFuture(Utc(2026, 3, 7, 17, 31)));
        Assert.True(date.IsInFuture(Utc(2026, 3, 7, 17, 29)));
    }

    [Fact]
    public void IsInFuture_refuses_a_local_clock_reading()
    {
        PartialDate date = PartialDate.FromLocal(2026, 3, null, null, TimePrecision.Month);

        Assert.Throws<ArgumentException>(() => date.IsInFuture(new DateTime(2026, 3, 7, 12, 0, 0, DateTimeKind.Local)));
    }

    [Theory]
    [InlineData(TimePrecision.Exact, 2026, 3, 7, 17, 30, 2026, 3, 7, 17, 30)]
    [InlineData(TimePrecision.Day, 2026, 3, 7, 17, 30, 2026, 3, 7, 3, 0)]
    [InlineData(TimePrecision.Day, 2026, 3, 8, 1, 30, 2026, 3, 7, 3, 0)] // 7 March, 22:30 in Brasília
    [InlineData(TimePrecision.Month, 2026, 3, 20, 10, 0, 2026, 3, 1, 3, 0)]
    [InlineData(TimePrecision.Month, 2026, 4, 1, 1, 0, 2026, 3, 1, 3, 0)] // still 31 March in Brasília
    [InlineData(TimePrecision.Month, 2026, 1, 1, 2, 0, 2025, 12, 1, 3, 0)] // still 2025 in Brasília
    public void FromUtc_moves_a_stored_instant_to_the_start_of_its_Brasilia_period(
        TimePrecision precision, int y, int mo, int d, int h, int mi, int ey, int emo, int ed, int eh, int emi)
    {
        PartialDate date = PartialDate.FromUtc(new DateTime(y, mo, d, h, mi, 0, DateTimeKind.Unspecified), precision);

        Assert.Equal(Utc(ey, emo, ed, eh, emi), date.Utc);
        Assert.Equal(DateTimeKind.Utc, date.Utc.Kind);
        Assert.Equal(precision, date.Precision);
    }

    [Fact]
    public void FromUtc_round_trips_what_FromLocal_stored()
    {
        PartialDate[] dates =
        [
            PartialDate.FromLocal(2026, 3, 7, new TimeOnly(23, 45, 10), TimePrecision.Exact),
            PartialDate.FromLocal(2026, 12, 31, null, TimePrecision.Day),
            PartialDate.FromLocal(2026, 1, null, null, TimePrecision.Month),
        ];

        Assert.All(dates, d => Assert.Equal(d, PartialDate.FromUtc(d.Utc, d.Precision)));
    }

    [Fact]
    public void FromUtc_refuses_local_times_and_years_out_of_range()
    {
        Assert.Throws<ArgumentException>(() => PartialDate.FromUtc(new DateTime(2026, 3, 7, 0, 0, 0, DateTimeKind.Local), TimePrecision.Day));
        Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.FromUtc(DateTime.MinValue, TimePrecision.Exact));
        Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.FromUtc(DateTime.MaxValue, TimePrecision.Month));
    }

    [Theory]
    [InlineData(TimePrecision.Month, null, null, "2026-03")]
    [InlineData(TimePrecision.Day, 7, null, "2026-03-07")]
    [InlineData(TimePrecision.Exact, 7, "14:30", "2026-03-07 14:30")]
    [InlineData(TimePrecision.Exact, 7, "14:30:05", "2026-03-07 14:30:05")]
    public void ToString_shows_Brasilia_time_at_the_known_precision(TimePrecision precision, int? day, string? time, string expected)
    {
        TimeOnly? t = time is null ? null : TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, PartialDate.FromLocal(2026, 3, day, t, precision).ToString());
    }

    [Fact]
    public void The_same_month_at_different_precisions_is_not_the_same_date()
    {
        PartialDate month = PartialDate.FromLocal(2026, 3, null, null, TimePrecision.Month);
        PartialDate first = PartialDate.FromLocal(2026, 3, 1, null, TimePrecision.Day);

        Assert.Equal(month.Utc, first.Utc);
        Assert.NotEqual(month, first);
        Assert.Equal(month, PartialDate.FromLocal(2026, 3, null, null, TimePrecision.Month));
    }
}
