using IncidentDesk.Web.Features.Incidents.Timeline;
using System.Security.Claims;
using AngleSharp.Dom;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Security;
using MudBlazor;

namespace IncidentDesk.Web.Tests.Incidents;

/// <summary>
/// Reading a long timeline: each kind has its own icon and label, the reader narrows by kind and source, the desk's
/// own entries fold away so people's facts stay visible, and only officers are offered edits (of manual events only).
/// </summary>
public sealed partial class IncidentTimelineTests
{
    private static readonly DateTime Day = new(2026, 4, 8, 12, 0, 0, DateTimeKind.Utc);

    private static TimelineItem System(int id, TimelineEventKind kind, string title, int minutes) => new(id,
        Day.AddMinutes(minutes), TimePrecision.Exact, title, null, "IncidentDesk · officer@example.org", kind, false,
        Day.AddMinutes(minutes), "officer@example.org", null);

    private static readonly TimelineItem StatusChanged = System(10, TimelineEventKind.Status, "Situação: Triagem → Em investigação", 1);
    private static readonly TimelineItem FigureAdded = System(11, TimelineEventKind.Figure, "Número registrado: mensagens expostas", 2);
    private static readonly TimelineItem CoopAdded = System(12, TimelineEventKind.Involvement, "Cooperativa envolvida: SP-004", 3);

    private static readonly TimelineItem VendorCall = new(13, Day.AddMinutes(10), TimePrecision.Exact, "Reunião com o fornecedor do chatbot",
        null, "Ata da reunião", TimelineEventKind.Action, false, Day.AddMinutes(10), "officer@example.org",
        Day.AddHours(2), "outra.encarregada@federacao.example");

    private static CurrentUser As(string role, params Claim[] extra)
    {
        var user = new CurrentUser();
        user.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "viewer"), new Claim(ClaimTypes.Name, "viewer@federacao.example"),
                new Claim(ClaimTypes.Role, role), .. extra], "test")));
        return user;
    }

    [Fact]
    public void EachKindShowsItsIconAndLabel()
    {
        var cut = RenderTimeline(InstanceFound, StatusChanged, VendorCall);

        foreach (var (item, icon, label) in new[]
                 {
                     (InstanceFound, Icons.Material.Filled.Public, "Fato"),
                     (StatusChanged, Icons.Material.Filled.SwapHoriz, "Situação"),
                     (VendorCall, Icons.Material.Filled.Groups, "Ação da equipe"),
                 })
        {
            var element = EventTitled(cut, item.Title);
            Assert.Equal(label, Normalize(element.QuerySelector(".timeline-kind")!.TextContent));
            var drawn = element.Closest(".mud-timeline-item")!.QuerySelectorAll("svg path").Select(p => p.GetAttribute("d"));
            Assert.Contains(IconPaths().Matches(icon).Select(m => m.Groups[1].Value).Last(), drawn);
        }
    }

    [Fact]
    public void ConsecutiveSystemEventsFoldIntoOneLineThatExpands()
    {
        var cut = RenderTimeline(InstanceFound, StatusChanged, FigureAdded, CoopAdded, VendorCall);

        Assert.Equal([InstanceFound.Title, VendorCall.Title], Titles(cut));
        var run = cut.Find("[data-testid=timeline-system-run]");
        Assert.Contains("3 eventos do sistema", run.TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=timeline-system-expand]").Click();

        Assert.Equal([InstanceFound.Title, StatusChanged.Title, FigureAdded.Title, CoopAdded.Title, VendorCall.Title], Titles(cut));
        cut.Find("[data-testid=timeline-system-collapse]").Click();
        Assert.Equal([InstanceFound.Title, VendorCall.Title], Titles(cut));
    }

    [Fact]
    public void ASingleSystemEventBetweenManualOnesIsShownAsItIs()
    {
        var cut = RenderTimeline(InstanceFound, StatusChanged, VendorCall);

        Assert.Equal([InstanceFound.Title, StatusChanged.Title, VendorCall.Title], Titles(cut));
        Assert.Empty(cut.FindAll("[data-testid=timeline-system-run]"));
    }

    [Fact]
    public void KindChipsNarrowTheTimelineToTheChosenKinds()
    {
        var cut = RenderTimeline(InstanceFound, StatusChanged, FigureAdded, VendorCall);

        Chip(cut, TimelineEventKind.Figure).Click();
        Assert.Equal([FigureAdded.Title], Titles(cut));

        Chip(cut, TimelineEventKind.Action).Click();
        Assert.Equal([FigureAdded.Title, VendorCall.Title], Titles(cut));
    }

    [Fact]
    public async Task TheSourceFilterOffersEachSourceOnceAndNarrowsTheTimeline()
    {
        var cut = RenderTimeline(incidentId: 7, InstanceFound, ReportReceived, StatusChanged, FigureAdded, VendorCall);
        var select = cut.FindComponent<MudSelect<string>>();

        await cut.InvokeAsync(select.Instance.OpenMenu);
        var offered = PopoverProvider.FindAll(".mud-list-item").Select(i => Normalize(i.TextContent)).ToList();
        Assert.Equal(4, offered.Count);
        Assert.Single(offered, s => s == "IncidentDesk · officer@example.org");

        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync("Ata da reunião"));

        Assert.Equal([VendorCall.Title], Titles(cut));
        Assert.Contains("source=Ata%20da%20reuni%C3%A3o", cut.Find("[data-testid=timeline-export-csv]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiltersThatHideEverythingSayWhyAndCanBeCleared()
    {
        var cut = RenderTimeline(InstanceFound, VendorCall);

        Chip(cut, TimelineEventKind.Fact).Click();
        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync("Ata da reunião"));

        Assert.Empty(Events(cut));
        Assert.Contains("Nenhum evento corresponde aos filtros.", cut.Find("[data-testid=timeline-no-match]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-testid=timeline-clear-filters]").Click();
        Assert.Equal([InstanceFound.Title, VendorCall.Title], Titles(cut));
    }

    [Fact]
    public void ExportLinksCarryTheKindFilterAndAreDownloads()
    {
        var cut = RenderTimeline(incidentId: 7, InstanceFound, StatusChanged, VendorCall);

        Chip(cut, TimelineEventKind.Fact).Click();

        var csv = cut.Find("[data-testid=timeline-export-csv]");
        Assert.Equal("incidents/7/timeline/csv?kind=Fact", csv.GetAttribute("href"));
        Assert.True(csv.HasAttribute("download"));
        Assert.Equal("incidents/7/timeline/json?kind=Fact", cut.Find("[data-testid=timeline-export-json]").GetAttribute("href"));
    }

    [Fact]
    public void OfficersMayEditManualEventsOnlyAndSeeVisibilityAndEditMarks()
    {
        var cut = RenderTimeline(incidentId: 7, InstanceFound, StatusChanged, VendorCall);

        Assert.NotNull(EventTitled(cut, InstanceFound.Title).QuerySelector("[data-testid=timeline-edit]"));
        Assert.NotNull(EventTitled(cut, VendorCall.Title).QuerySelector("[data-testid=timeline-edit]"));
        Assert.Null(EventTitled(cut, StatusChanged.Title).QuerySelector("[data-testid=timeline-edit]"));
        Assert.Equal("Compartilhado com as cooperativas", Text(EventTitled(cut, InstanceFound.Title), ".timeline-visibility"));
        Assert.Equal("Somente encarregados", Text(EventTitled(cut, VendorCall.Title), ".timeline-visibility"));
        Assert.Equal("editado em 08/04/2026 11:00 por outra.encarregada@federacao.example", Text(EventTitled(cut, VendorCall.Title), ".timeline-edited"));
        Assert.NotNull(EventTitled(cut, VendorCall.Title).QuerySelector("[data-testid=timeline-history-open]"));
        Assert.NotNull(cut.Find("[data-testid=timeline-add]"));
    }

    [Theory]
    [InlineData(AppRoles.CoopLiaison)]
    [InlineData(AppRoles.Auditor)]
    public void NobodyButOfficersIsOfferedAddOrEdit(string role)
    {
        Viewer.Set(As(role).Principal);

        var cut = RenderTimeline(incidentId: 7, InstanceFound, VendorCall);

        Assert.Empty(cut.FindAll("[data-testid=timeline-edit]"));
        Assert.Empty(cut.FindAll("[data-testid=timeline-add]"));
        // The edit mark is for everyone; the earlier versions and the visibility chip are not for liaisons.
        Assert.Contains("editado em", Text(EventTitled(cut, VendorCall.Title), ".timeline-edited"), StringComparison.Ordinal);
        var officerLike = role == AppRoles.Auditor;
        Assert.Equal(officerLike, cut.FindAll("[data-testid=timeline-history-open]").Count > 0);
        Assert.Equal(officerLike, cut.FindAll(".timeline-visibility").Count > 0);
    }

    [Fact]
    public void MarkupInUserTextIsShownLiterally()
    {
        var script = InstanceFound with { Title = "<script>alert(1)</script>", Source = "<b>fonte</b>" };

        var cut = RenderTimeline(script);

        Assert.Empty(cut.FindAll("[data-testid=timeline] script"));
        Assert.Empty(cut.FindAll("[data-testid=timeline] b"));
        Assert.Equal("<script>alert(1)</script>", Text(Assert.Single(Events(cut)), ".timeline-title"));
    }

    [System.Text.RegularExpressions.GeneratedRegex("d=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex IconPaths();

    private IRenderedComponent<IncidentTimeline> RenderTimeline(int incidentId, params TimelineItem[] items) =>
        RenderWithMud<IncidentTimeline>(p => p.Add(c => c.Items, items).Add(c => c.IncidentId, incidentId));

    private static List<string> Titles(IRenderedComponent<IncidentTimeline> cut) =>
        [.. Events(cut).Select(e => Text(e, ".timeline-title"))];

    private static IElement EventTitled(IRenderedComponent<IncidentTimeline> cut, string title) =>
        Events(cut).Single(e => Text(e, ".timeline-title") == title);

    private static IElement Chip(IRenderedComponent<IncidentTimeline> cut, TimelineEventKind kind) =>
        cut.Find($"[data-testid=timeline-kind-filter] [data-kind={kind}]");
}
