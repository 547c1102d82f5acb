using System.Globalization;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Reports;

namespace IncidentDesk.Core.Tests.Reports;

/// <summary>The disclosure policy's promise: an outside report is acknowledged within two business days of its receipt.</summary>
public sealed class AcknowledgementClockTests
{
    // received (Brasília) → the instant the promise falls due (Brasília midnight ending the second business day)
    [Theory]
    [InlineData("2026-12-07T13:38:00-03:00", "2026-12-10T00:00:00-03:00")] // Monday → end of Wednesday
    [InlineData("2026-12-11T22:00:00-03:00", "2026-12-16T00:00:00-03:00")] // Friday night → the weekend does not count
    [InlineData("2026-12-23T09:00:00-03:00", "2026-12-29T00:00:00-03:00")] // Christmas (national holiday) is skipped
    public void The_promise_falls_due_at_the_end_of_the_second_business_day(string received, string due)
    {
        Assert.Equal(Utc(due), AcknowledgementClock.DueUtc(Utc(received), BusinessCalendar.Default));
    }

    [Theory]
    [InlineData("2026-12-07T14:00:00-03:00", ClockState.OnTime)]
    [InlineData("2026-12-09T00:00:00-03:00", ClockState.DueSoon)]
    [InlineData("2026-12-09T23:59:00-03:00", ClockState.DueSoon)]
    [InlineData("2026-12-10T00:00:00-03:00", ClockState.Overdue)]
    public void The_clock_turns_amber_on_the_last_day_and_red_once_the_promise_is_broken(string now, ClockState expected)
    {
        var received = Utc("2026-12-07T13:38:00-03:00");

        Assert.Equal(expected, AcknowledgementClock.State(received, answered: false, Utc(now), BusinessCalendar.Default));
        Assert.Equal(ClockState.Answered, AcknowledgementClock.State(received, answered: true, Utc(now), BusinessCalendar.Default));
    }

    private static DateTime Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime;
}
