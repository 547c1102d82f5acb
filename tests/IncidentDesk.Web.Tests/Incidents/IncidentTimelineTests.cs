using System.Security.Claims;
using AngleSharp.Dom;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Timeline;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IncidentDesk.Web.Tests.Incidents;

/// <summary>
/// The incident timeline shows what is known, when and from whom, at the precision it is known, in Brasília
/// time (the LGPD reference). Items arrive already ordered by <see cref="IncidentService"/>.
/// </summary>
public sealed partial class IncidentTimelineTests : MudComponentTestBase
{
    public IncidentTimelineTests() => Services.AddScoped(_ => Viewer);

    /// <summary>Who is looking: a privacy officer unless a test says otherwise.</summary>
    private CurrentUser Viewer { get; } = As(AppRoles.PrivacyOfficer);

    // Brasília is UTC−3 all year: Brasília midnight is 03:00 UTC, which is how approximate dates are stored.
    private static readonly DateTime Recorded = new(2026, 4, 25, 12, 0, 0, DateTimeKind.Utc);

    private static readonly TimelineItem ReportReceived = new(1,
        new DateTime(2026, 4, 6, 20, 0, 0, DateTimeKind.Utc), TimePrecision.Exact,
        "Federação recebe a notificação dos pesquisadores", "Ciência de que dados pessoais foram afetados.",
        "E-mail dos pesquisadores à federação", TimelineEventKind.Fact, true, Recorded, "officer@example.org", null);

    private static readonly TimelineItem InstanceFound = new(2,
        new DateTime(2026, 3, 1, 3, 0, 0, DateTimeKind.Utc), TimePrecision.Month,
        "Pesquisadores encontram instância Kafka exposta", "Tráfego do chatbot \"Sara\" sem autenticação.",
        "Relatório dos pesquisadores de segurança", TimelineEventKind.Fact, true, Recorded, "officer@example.org", null);

    private static readonly TimelineItem InstanceClosed = new(3,
        new DateTime(2026, 4, 7, 3, 0, 0, DateTimeKind.Utc), TimePrecision.Day,
        "Instância exposta é fechada", null, "Imprensa", TimelineEventKind.Action, true, Recorded, "officer@example.org", null);

    [Fact]
    public void RendersEveryEventInTheOrderGiven()
    {
        // Deliberately not chronological: ordering is the service's job, the component must not reorder.
        var cut = RenderTimeline(ReportReceived, InstanceFound, InstanceClosed);

        var titles = cut.FindAll("[data-testid=timeline-event] .timeline-title").Select(e => e.TextContent.Trim());
        Assert.Equal([ReportReceived.Title, InstanceFound.Title, InstanceClosed.Title], titles);
        Assert.Empty(cut.FindAll("[data-testid=timeline-empty]"));
    }

    [Fact]
    public void ShowsTitleDescriptionAndSourceOfEachEvent()
    {
        var cut = RenderTimeline(InstanceFound, ReportReceived);

        var events = Events(cut);
        Assert.Equal(2, events.Count);
        Assert.Equal(InstanceFound.Title, Text(events[0], ".timeline-title"));
        Assert.Contains(InstanceFound.Description!, events[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Fonte: Relatório dos pesquisadores de segurança", Text(events[0], ".timeline-source"));
        Assert.Equal(ReportReceived.Title, Text(events[1], ".timeline-title"));
        Assert.Contains(ReportReceived.Description!, events[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("Fonte: E-mail dos pesquisadores à federação", Text(events[1], ".timeline-source"));
    }

    [Fact]
    public void EventWithoutDescriptionShowsTitleAndSourceOnly()
    {
        Viewer.Set(As(AppRoles.CoopLiaison).Principal);
        var cut = RenderTimeline(InstanceClosed);

        var single = Assert.Single(Events(cut));
        Assert.Equal(
            ["07/04/2026 · data aproximada (dia)", InstanceClosed.Title, "Fonte: Imprensa", "Ação da equipe"],
            single.Children.Select(child => Normalize(child.TextContent)));
    }

    [Fact]
    public void MonthPrecisionShowsMonthAndYearWithTheApproximateMarker()
    {
        var cut = RenderTimeline(InstanceFound);

        Assert.Equal("março de 2026 · data aproximada (mês)", When(Assert.Single(Events(cut))));
    }

    [Fact]
    public void DayPrecisionShowsTheBrazilianDateWithTheApproximateMarker()
    {
        var cut = RenderTimeline(InstanceClosed);

        Assert.Equal("07/04/2026 · data aproximada (dia)", When(Assert.Single(Events(cut))));
    }

    [Fact]
    public void ExactTimeIsConvertedFromUtcToBrasiliaTimeWithoutMarker()
    {
        var cut = RenderTimeline(ReportReceived);

        // 20:00 UTC is 17:00 in Brasília (UTC−3); an exact time carries no "approximate" marker.
        Assert.Equal("06/04/2026 17:00", When(Assert.Single(Events(cut))));
    }

    [Fact]
    public void ExactTimeJustAfterUtcMidnightFallsOnThePreviousBrasiliaDay()
    {
        var justAfterUtcMidnight = ReportReceived with { OccurredAtUtc = new DateTime(2026, 4, 7, 1, 30, 0, DateTimeKind.Utc) };

        var cut = RenderTimeline(justAfterUtcMidnight);

        Assert.Equal("06/04/2026 22:30", When(Assert.Single(Events(cut))));
    }

    [Fact]
    public void EmptyListShowsTheEmptyMessage()
    {
        var cut = RenderTimeline();

        Assert.Equal("Nenhum evento na linha do tempo.", cut.Find("[data-testid=timeline-empty]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=timeline]"));
        Assert.Empty(Events(cut));
    }

    private IRenderedComponent<IncidentTimeline> RenderTimeline(params TimelineItem[] items) =>
        RenderWithMud<IncidentTimeline>(p => p.Add(c => c.Items, items));

    private static IReadOnlyList<IElement> Events(IRenderedComponent<IncidentTimeline> cut) =>
        cut.FindAll("[data-testid=timeline] [data-testid=timeline-event]");

    private static string When(IElement timelineEvent) => Text(timelineEvent, ".timeline-when");

    private static string Text(IElement timelineEvent, string selector) =>
        Normalize(timelineEvent.QuerySelector(selector)?.TextContent
            ?? throw new InvalidOperationException($"No {selector} in the timeline event."));

    // Razor keeps the markup's line breaks and indentation inside the caption: compare words, not layout.
    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
