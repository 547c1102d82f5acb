using System.Globalization;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Web.Features.Compliance;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IncidentDesk.Web.Tests.Compliance;

/// <summary>The countdown chip the Notifications tab, the dashboard and the co-op page share: one colour per urgency.</summary>
public sealed class DeadlineChipTests : MudComponentTestBase
{
    // A deadline on Wed 11 Mar 2026: the desk has until midnight Brasília (03:00 UTC on the 12th).
    private static readonly DateOnly Due = new(2026, 3, 11);
    private readonly FakeTimeProvider _time = new();

    public DeadlineChipTests()
    {
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton(BusinessCalendar.Default);
    }

    // now (Brasília) → urgency, MudBlazor colour class, the words shown.
    [Theory]
    [InlineData("2026-03-06T10:00:00-03:00", "OnTrack", "mud-chip-color-success", "3 dias úteis · 134 h")]
    [InlineData("2026-03-10T10:00:00-03:00", "Soon", "mud-chip-color-warning", "1 dia útil · 38 h")]
    [InlineData("2026-03-11T10:00:00-03:00", "DueToday", "mud-chip-color-error", "Vence hoje · 14 h")]
    [InlineData("2026-03-12T00:00:00-03:00", "Overdue", "mud-chip-color-error", "Vencido")]
    public void The_chip_colours_and_words_the_countdown(string now, string urgency, string colourClass, string text)
    {
        _time.SetUtcNow(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));

        var chip = RenderWithMud<DeadlineChip>(p => p.Add(c => c.Due, Due)).Find("[data-testid=deadline-chip]");

        Assert.Equal(urgency, chip.GetAttribute("data-urgency"));
        Assert.Contains(colourClass, chip.ClassList);
        Assert.Equal(text, chip.TextContent.Trim());
    }

    [Fact]
    public void Overdue_looks_different_from_due_today()
    {
        _time.SetUtcNow(DateTimeOffset.Parse("2026-03-11T23:59:00-03:00", CultureInfo.InvariantCulture));
        var today = RenderWithMud<DeadlineChip>(p => p.Add(c => c.Due, Due)).Find("[data-testid=deadline-chip]");
        _time.Advance(TimeSpan.FromMinutes(1));
        var overdue = Render<DeadlineChip>(p => p.Add(c => c.Due, Due)).Find("[data-testid=deadline-chip]");

        Assert.Equal("DueToday", today.GetAttribute("data-urgency"));
        Assert.Equal("Overdue", overdue.GetAttribute("data-urgency"));
        Assert.NotEqual(today.GetAttribute("style"), overdue.GetAttribute("style"));
        Assert.Contains("Vencido", overdue.GetAttribute("aria-label"), StringComparison.Ordinal);
    }
}
