using System.Globalization;
using IncidentDesk.Core.Common;

namespace IncidentDesk.Core.Exposure;

/// <summary>One period of the schedule: it starts at <see cref="StartUtc"/>, and <see cref="Key"/> names it for every instance alike.</summary>
public readonly record struct ScheduleSlot(DateTime StartUtc)
{
    public string Key => StartUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>
/// When the scheduled check runs: every <c>every</c>, aligned on a time of day in Brasília (daily at 03:00 by default).
/// The current slot is the latest that has begun; an instance that was down when a slot began runs it when it comes back,
/// and a slot that already has its run is never run again.
/// </summary>
public static class ExposureSchedule
{
    public static ScheduleSlot Current(DateTime nowUtc, TimeSpan every, TimeOnly atBrasilia)
    {
        if (every <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(every), every, "The schedule needs a positive period.");
        }

        // Slots count from a fixed anchor, so two instances computing at the same moment name the same slot.
        var anchor = Brasilia.StartOfDayUtc(new DateOnly(2000, 1, 3)) + atBrasilia.ToTimeSpan();
        var elapsed = nowUtc - anchor;
        var periods = elapsed.Ticks / every.Ticks;
        if (elapsed.Ticks % every.Ticks < 0)
        {
            periods--;
        }

        var start = anchor + TimeSpan.FromTicks(periods * every.Ticks);

        return new ScheduleSlot(DateTime.SpecifyKind(start, DateTimeKind.Utc));
    }

    /// <summary>When the slot after the current one begins.</summary>
    public static DateTime NextStartUtc(DateTime nowUtc, TimeSpan every, TimeOnly atBrasilia) =>
        Current(nowUtc, every, atBrasilia).StartUtc + every;
}
