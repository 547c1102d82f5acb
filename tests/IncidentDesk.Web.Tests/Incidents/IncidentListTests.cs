using System.Globalization;
using System.Security.Claims;
using AngleSharp.Dom;
using Bunit.TestDoubles;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Coops;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Web.Tests.Incidents;

/// <summary>
/// The demo directory plus 30 incidents: status <c>i % 7</c>, severity <c>i % 4</c>, reported one a day from
/// 1 March 2025 (midday UTC), co-op AC-001 involved in every third one. Shared by one test class: read only.
/// </summary>
public sealed class SeededIncidentDatabase : IAsyncLifetime
{
    public SeededDirectoryDatabase Directory { get; } = new();

    public static IncidentStatus StatusOf(int i) => (IncidentStatus)(i % 7);

    public async ValueTask InitializeAsync()
    {
        await Directory.InitializeAsync();
        await using var db = Directory.CreateContext();
        var acre = await db.Coops.SingleAsync(c => c.Code == "AC-001");
        for (var i = 1; i <= 30; i++)
        {
            var reported = new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc).AddDays(i - 1);
            var incident = new Incident
            {
                Reference = $"INC-2025-{i:0000}",
                Title = i == 30 ? "<script>alert(1)</script>" : $"Incidente {i}",
                Summary = $"Resumo {i}",
                Status = StatusOf(i),
                Severity = (IncidentSeverity)(i % 4),
                Source = (ReportSource)(i % 7),
                ReportedAtUtc = reported,
                KnowledgeAtUtc = reported,
                CreatedAtUtc = reported,
                UpdatedAtUtc = reported,
            };
            if (i % 3 == 0)
            {
                incident.Involvements.Add(new CoopInvolvement { CoopId = acre.Id, KnowledgeAtUtc = reported });
            }

            db.Incidents.Add(incident);
        }

        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => Directory.DisposeAsync();
}

/// <summary>
/// The /incidents page over the real <see cref="IncidentService"/> and a real SQLite database: the grid loads its
/// rows from the server, the filter bar narrows them, and the URL follows (and sets) the filter.
/// </summary>
public sealed class IncidentListTests : MudComponentTestBase, IClassFixture<SeededIncidentDatabase>
{
    // Generous: a wait returns as soon as its assertion passes; the search box debounces for 300 ms.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly SeededIncidentDatabase _database;
    private readonly BunitAuthorizationContext _auth;

    public IncidentListTests(SeededIncidentDatabase database)
    {
        _database = database;
        Services.AddDbContextFactory<IncidentDeskDbContext>(database.Directory.Configure);
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<AuditLog>();
        Services.AddScoped<IncidentService>();
        Services.AddScoped<CoopDirectoryService>();
        Services.AddScoped(_ => Viewer);
        _auth = AddAuthorization();
        _auth.SetAuthorized("viewer@federacao.example");
    }

    /// <summary>The person looking at the list: a privacy officer unless a test says otherwise.</summary>
    private CurrentUser Viewer { get; } = As(new Claim(ClaimTypes.Role, AppRoles.PrivacyOfficer));

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private static CurrentUser As(params Claim[] claims)
    {
        var user = new CurrentUser();
        user.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "viewer"), new Claim(ClaimTypes.Name, "viewer@federacao.example"), .. claims], "test")));
        return user;
    }

    [Fact]
    public void FirstPageShowsTheNewest25OfAll30WithBadges()
    {
        var cut = RenderWithMud<IncidentsPage>();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal(25, Rows(cut).Count);
            Assert.Equal("30 incidentes", cut.Find("[data-testid=incident-count]").TextContent.Trim());
        }, Patience);
        Assert.Equal([.. Enumerable.Range(6, 25).Reverse().Select(i => $"INC-2025-{i:0000}")], Cells(cut, "Referência"));
        // Incident 29: status 29 % 7 = 1 (Triage), severity 29 % 4 = 1 (Medium), reported 29 March 09:00 in Brasília.
        Assert.Equal("Triagem", Cells(cut, "Situação")[1]);
        Assert.Equal("Média", Cells(cut, "Gravidade")[1]);
        Assert.Equal("29/03/2025 09:00", Cells(cut, "Relatado em")[1]);
        Assert.Contains("mud-chip-color-secondary", cut.FindAll("[data-testid=incident-grid] tbody td[data-label='Situação'] .mud-chip")[1].ClassName, StringComparison.Ordinal);
        Assert.Equal("http://localhost/", Navigation.Uri); // the default view adds nothing to the URL
    }

    [Fact]
    public void UserTextIsShownLiterally()
    {
        var cut = RenderWithMud<IncidentsPage>();

        cut.WaitForAssertion(() => Assert.Equal("<script>alert(1)</script>", Cells(cut, "Título")[0]), Patience);
        Assert.Empty(cut.FindAll("[data-testid=incident-grid] script"));
    }

    [Fact]
    public async Task ChoosingAStatusNarrowsTheRowsAndPutsItInTheUrl()
    {
        var cut = RenderWithMud<IncidentsPage>();
        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut).Count), Patience);

        cut.Find("[data-testid=incident-status-filter]").Closest(".mud-input-control")!.MouseDown();
        var closed = PopoverProvider.WaitForElements(".mud-list-item", Patience)
            .Single(item => item.TextContent.Trim() == "Encerrado");
        closed.Click();

        var expected = Enumerable.Range(1, 30).Where(i => SeededIncidentDatabase.StatusOf(i) == IncidentStatus.Closed)
            .Reverse().Select(i => $"INC-2025-{i:0000}").ToList();
        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal(expected, Cells(cut, "Referência"));
            Assert.Contains("status=Closed", Navigation.Uri, StringComparison.Ordinal);
        }, Patience);
        Assert.All(Cells(cut, "Situação"), status => Assert.Equal("Encerrado", status));
        Assert.Equal($"{expected.Count} incidentes", cut.Find("[data-testid=incident-count]").TextContent.Trim());
    }

    [Fact]
    public async Task TheUrlOpensTheListFilteredSortedAndOnItsPage()
    {
        Navigation.NavigateTo("incidents?severity=Critical&severity=High&sort=Reference&page=2");
        var expected = Enumerable.Range(1, 30).Where(i => i % 4 >= 2).Select(i => $"INC-2025-{i:0000}").ToList();
        Assert.Equal(15, expected.Count);

        var cut = RenderWithMud<IncidentsPage>();
        // With 25 rows a page, page 2 of 15 rows does not exist: the grid falls back to page 1.
        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal(expected, Cells(cut, "Referência"));
            Assert.Equal("15 incidentes", cut.Find("[data-testid=incident-count]").TextContent.Trim());
        }, Patience);
        Assert.All(Cells(cut, "Gravidade"), severity => Assert.True(severity is "Crítica" or "Alta", severity));
        // The select shows what the URL asked for, strongest first.
        var shown = cut.Find("[data-testid=incident-severity-filter]").Closest(".mud-input-control")!.QuerySelectorAll("input")
            .Select(input => input.GetAttribute("value")).FirstOrDefault(value => !string.IsNullOrEmpty(value));
        Assert.Equal("Crítica, Alta", shown);
    }

    [Fact]
    public async Task TheUrlPageOpensThatPage()
    {
        Navigation.NavigateTo("incidents?page=2");

        var cut = RenderWithMud<IncidentsPage>();

        await cut.WaitForAssertionAsync(() => Assert.Equal(
            [.. Enumerable.Range(1, 5).Reverse().Select(i => $"INC-2025-{i:0000}")], Cells(cut, "Referência")), Patience);
        Assert.Equal("http://localhost/incidents?page=2", Navigation.Uri);
    }

    [Fact]
    public async Task TheUrlKeepsTheSearchAndTheClearButtonDropsEveryFilter()
    {
        Navigation.NavigateTo("incidents?q=Incidente%201&source=Press");
        var cut = RenderWithMud<IncidentsPage>();
        // "Incidente 1", "Incidente 1x": of those, source Press (i % 7 == 1) leaves 1 and 15.
        await cut.WaitForAssertionAsync(() => Assert.Equal(["INC-2025-0015", "INC-2025-0001"], Cells(cut, "Referência")), Patience);

        cut.Find("[data-testid=incident-clear]").Click();

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal(25, Rows(cut).Count);
            Assert.Equal("http://localhost/incidents", Navigation.Uri);
        }, Patience);
    }

    [Fact]
    public async Task SearchThatMatchesNothingShowsTheFriendlyEmptyState()
    {
        var cut = RenderWithMud<IncidentsPage>();
        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut).Count), Patience);

        cut.Find("input[data-testid=incident-search]").Input("nada-assim-100%");

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Empty(Rows(cut));
            Assert.Equal("Nenhum incidente corresponde aos filtros.", cut.Find("[data-testid=incident-empty]").TextContent.Trim());
        }, Patience);
        Assert.Contains("q=nada-assim-100%25", Navigation.Uri, StringComparison.Ordinal);
        Assert.Equal("0 incidentes", cut.Find("[data-testid=incident-count]").TextContent.Trim());
    }

    [Fact]
    public void OfficersGetTheRegisterButton()
    {
        _auth.SetPolicies(Policies.Officer);

        var cut = RenderWithMud<IncidentsPage>();

        var register = cut.Find("[data-testid=incident-register]");
        Assert.Equal("incidents/new", register.GetAttribute("href"));
        Assert.Equal("Registrar incidente", register.TextContent.Trim());
    }

    [Fact]
    public async Task ALiaisonSeesOnlyIncidentsInvolvingTheirCoopAndNoRegisterButton()
    {
        await using var db = _database.Directory.CreateContext();
        var acre = await db.Coops.AsNoTracking().SingleAsync(c => c.Code == "AC-001", Xunit.TestContext.Current.CancellationToken);
        Viewer.Set(As(new Claim(ClaimTypes.Role, AppRoles.CoopLiaison),
            new Claim(CurrentUser.CoopIdClaim, acre.Id.ToString(CultureInfo.InvariantCulture))).Principal);

        var cut = RenderWithMud<IncidentsPage>();

        cut.WaitForAssertion(() => Assert.Equal(
            [.. Enumerable.Range(1, 10).Select(k => 3 * k).Reverse().Select(i => $"INC-2025-{i:0000}")], Cells(cut, "Referência")), Patience);
        Assert.Equal("10 incidentes", cut.Find("[data-testid=incident-count]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=incident-register]"));
    }

    private static List<IElement> Rows(IRenderedComponent<IncidentsPage> cut) =>
        [.. cut.FindAll("[data-testid=incident-grid] tbody tr").Where(row => row.QuerySelector("td[data-label='Referência']") is not null)];

    private static List<string> Cells(IRenderedComponent<IncidentsPage> cut, string columnTitle) =>
        [.. cut.FindAll($"[data-testid=incident-grid] tbody td[data-label='{columnTitle}']").Select(td => td.TextContent.Trim())];
}
