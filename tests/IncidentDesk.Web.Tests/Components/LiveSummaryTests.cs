using IncidentDesk.Web.Components;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IncidentDesk.Web.Tests.Components;

/// <summary>
/// The polite live region of the progress matrix and the liaison's task list: a screen reader hears one summary of what
/// arrived in a few seconds, not every change.
/// </summary>
public sealed class LiveSummaryTests : MudComponentTestBase
{
    private readonly FakeTimeProvider _time = new();

    public LiveSummaryTests() => Services.AddSingleton<TimeProvider>(_time);

    private IRenderedComponent<LiveSummary> Render() => RenderWithMud<LiveSummary>(p => p
        .Add(s => s.Words, (added, changed) => $"{added} novas, {changed} atualizadas")
        .Add(s => s.TestId, "live"));

    [Fact]
    public void Changes_that_arrive_together_are_said_once_as_their_sum()
    {
        var summary = Render();
        var region = summary.Find("[data-testid=live]");
        Assert.Equal("status", region.GetAttribute("role"));
        Assert.Equal("polite", region.GetAttribute("aria-live"));

        summary.Instance.Add(1);
        summary.Instance.Add(2, 1);
        _time.Advance(LiveSummary.Window - TimeSpan.FromMilliseconds(1));
        Assert.Equal("", summary.Find("[data-testid=live]").TextContent.Trim());

        _time.Advance(TimeSpan.FromMilliseconds(1));
        summary.WaitForAssertion(() => Assert.Equal("3 novas, 1 atualizadas", summary.Find("[data-testid=live]").TextContent.Trim()));
    }

    [Fact]
    public void The_same_words_said_again_are_a_new_announcement()
    {
        var summary = Render();
        summary.Instance.Add(1);
        _time.Advance(LiveSummary.Window);
        summary.WaitForAssertion(() => Assert.Equal("1 novas, 0 atualizadas", summary.Find("[data-testid=live] span").TextContent));
        var first = summary.Find("[data-testid=live] span");

        summary.Instance.Add(1);
        _time.Advance(LiveSummary.Window);

        // A screen reader announces what is added to the region: the words come in a new element, even when they repeat.
        summary.WaitForAssertion(() => Assert.NotSame(first, summary.Find("[data-testid=live] span")));
        Assert.Equal("1 novas, 0 atualizadas", summary.Find("[data-testid=live] span").TextContent);
    }

    [Fact]
    public void Nothing_new_says_nothing()
    {
        var summary = Render();

        summary.Instance.Add(0, 0);
        _time.Advance(LiveSummary.Window * 2);

        Assert.Empty(summary.FindAll("[data-testid=live] span"));
    }
}
