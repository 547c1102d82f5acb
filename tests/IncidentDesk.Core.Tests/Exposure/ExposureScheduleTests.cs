using IncidentDesk.Core.Exposure;

namespace IncidentDesk.Core.Tests.Exposure;

public sealed class ExposureScheduleTests
{
    private static readonly TimeOnly ThreeAm = new(3, 0);

    [Theory]
    // 03:00 in Brasília is 06:00 UTC.
    [InlineData("2026-12-07T06:00:00Z", "2026-12-07T06:00:00Z")]
    [InlineData("2026-12-07T13:45:00Z", "2026-12-07T06:00:00Z")]
    [InlineData("2026-12-07T05:59:59Z", "2026-12-06T06:00:00Z")]
    [InlineData("2027-01-01T02:00:00Z", "2026-12-31T06:00:00Z")]
    public void The_daily_slot_is_the_latest_three_in_the_morning_in_Brasilia(string now, string start) =>
        Assert.Equal(Utc(start), ExposureSchedule.Current(Utc(now), TimeSpan.FromDays(1), ThreeAm).StartUtc);

    [Fact]
    public void Two_instances_asking_at_different_moments_of_one_slot_name_the_same_slot()
    {
        var early = ExposureSchedule.Current(Utc("2026-12-07T06:00:01Z"), TimeSpan.FromDays(1), ThreeAm);
        var late = ExposureSchedule.Current(Utc("2026-12-08T05:59:59Z"), TimeSpan.FromDays(1), ThreeAm);

        Assert.Equal(early.Key, late.Key);
        Assert.Equal("2026-12-07T06:00:00Z", early.Key);
    }

    [Fact]
    public void Shorter_periods_are_aligned_on_the_same_time_of_day()
    {
        var slot = ExposureSchedule.Current(Utc("2026-12-07T13:45:00Z"), TimeSpan.FromHours(6), ThreeAm);

        Assert.Equal(Utc("2026-12-07T12:00:00Z"), slot.StartUtc);
        Assert.Equal(Utc("2026-12-07T18:00:00Z"), ExposureSchedule.NextStartUtc(Utc("2026-12-07T13:45:00Z"), TimeSpan.FromHours(6), ThreeAm));
    }

    [Fact]
    public void Slots_of_seconds_have_keys_of_their_own()
    {
        var a = ExposureSchedule.Current(Utc("2026-12-07T14:21:05Z"), TimeSpan.FromSeconds(8), ThreeAm);
        var b = ExposureSchedule.Current(Utc("2026-12-07T14:21:13Z"), TimeSpan.FromSeconds(8), ThreeAm);

        Assert.NotEqual(a.Key, b.Key);
    }

    [Fact]
    public void A_period_of_zero_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ExposureSchedule.Current(DateTime.UtcNow, TimeSpan.Zero, ThreeAm));

    [Theory]
    [InlineData(null, "2026-12-07T10:00:00Z", true)]
    [InlineData("2026-12-07T09:00:00Z", "2026-12-07T10:00:00Z", true)]
    [InlineData("2026-12-07T09:00:01Z", "2026-12-07T10:00:00Z", false)]
    public void An_endpoint_is_due_an_hour_after_it_was_last_taken(string? claimed, string now, bool due) =>
        Assert.Equal(due, ExposureRules.IsDue(claimed is null ? null : Utc(claimed), Utc(now), ExposureRules.MinInterval));

    [Theory]
    [InlineData(ExposureOutcome.Exposed, false)]
    [InlineData(ExposureOutcome.AuthRequired, true)]
    [InlineData(ExposureOutcome.Unreachable, true)]
    [InlineData(ExposureOutcome.NotKafka, true)]
    [InlineData(ExposureOutcome.TargetRefused, false)]
    public void A_finding_is_closed_by_a_check_in_which_no_broker_answered_without_credentials(ExposureOutcome outcome, bool closed) =>
        Assert.Equal(closed, ExposureRules.IsClosed(outcome));

    private static DateTime Utc(string text) =>
        DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
}
