using System.Globalization;
using System.Security.Claims;
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
using static IncidentDesk.Web.Tests.Incidents.IncidentListDatabase;
using static IncidentDesk.Web.Tests.Incidents.IncidentListMarkup;

namespace IncidentDesk.Web.Tests.Incidents;

/// <summary>
/// The /incidents page over the real <see cref="IncidentService"/> and a real SQLite database: the URL opens a view
/// (filters, sort, page), the filters put what the user chose back into the URL, and the grid shows the matching rows.
/// </summary>
public sealed class IncidentListTests : MudComponentTestBase, IClassFixture<IncidentListDatabase>
{
    // Generous: a wait returns as soon as its assertion passes; the search box debounces for 400 ms.
    private static readonly TimeSpan Patience = Waits.Patience;

    private readonly IncidentListDatabase _database;
    private readonly BunitAuthorizationContext _auth;

    public IncidentListTests(IncidentListDatabase database)
    {
        _database = database;
        AddDeskDatabase(database.Directory.Configure);
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<AuditLog>();
        Services.AddScoped<IncidentService>();
        Services.AddScoped<IncidentDesk.Web.Features.Incidents.Timeline.TimelineService>();
        Services.AddScoped<CoopDirectoryService>();
        Services.AddScoped(_ => Viewer);
        _auth = AddAuthorization();
        _auth.SetAuthorized("viewer@federacao.example");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true)); // the app renders interactively on the server
    }

    /// <summary>The person looking at the list: a privacy officer unless a test says otherwise.</summary>
    private CurrentUser Viewer { get; } = As(new Claim(ClaimTypes.Role, AppRoles.PrivacyOfficer));

    private BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public void FirstPageShowsTheNewest25OfAll30WithBadgesAndTheTotalInThePager()
    {
        var cut = RenderWithMud<IncidentsPage>();

        cut.WaitForAssertion(() => Assert.Equal(References(Enumerable.Range(6, 25).Reverse()), Cells(cut, "Referência")), Patience);
        Assert.Contains("1–25 de 30", PagerInfo(cut), StringComparison.Ordinal);
        // Incident 29: status 29 % 7 = 1 (Triage), severity 29 % 4 = 1 (Medium), source 1 (Press), 29 March 09:00 in Brasília.
        Assert.Equal("Triagem", Cells(cut, "Situação")[1]);
        Assert.Equal("Média", Cells(cut, "Gravidade")[1]);
        Assert.Equal("Imprensa", Cells(cut, "Origem")[1]);
        Assert.Equal("29/03/2025 09:00", Cells(cut, "Relatado em")[1]);
        Assert.Contains("mud-chip-color-secondary", cut.FindAll("[data-testid=incident-status-badge]")[1].ClassName, StringComparison.Ordinal);
        // Incident 27: severity 27 % 4 = 3 (Critical) → error; status 27 % 7 = 6 (Dismissed) → default.
        Assert.Contains("mud-chip-color-error", cut.FindAll("[data-testid=incident-severity-badge]")[3].ClassName, StringComparison.Ordinal);
        Assert.Contains("mud-chip-color-default", cut.FindAll("[data-testid=incident-status-badge]")[3].ClassName, StringComparison.Ordinal);
        Assert.Equal("incidents/29", cut.FindAll("[data-testid=incident-grid] tbody td[data-label='Título'] a")[1].GetAttribute("href"));
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
    public async Task ChoosingAStatusNarrowsTheRowsAndPutsItInTheUrlOnce()
    {
        var cut = RenderWithMud<IncidentsPage>();
        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut).Count), Patience);
        var navigations = Navigation.History.Count;

        cut.Find("[data-testid=incident-status-filter]").Closest(".mud-input-control")!.MouseDown();
        PopoverProvider.WaitForElements(".mud-list-item", Patience).Single(item => item.TextContent.Trim() == "Encerrado").Click();

        var expected = References(Enumerable.Range(1, 30).Where(i => StatusOf(i) == IncidentStatus.Closed).Reverse());
        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal(expected, Cells(cut, "Referência"));
            Assert.Equal("http://localhost/incidents?status=Closed", Navigation.Uri);
        }, Patience);
        Assert.All(Cells(cut, "Situação"), status => Assert.Equal("Encerrado", status));
        // One change, one navigation (replacing the entry): the URL and the grid do not chase each other.
        Assert.Equal(navigations + 1, Navigation.History.Count);
        Assert.True(Navigation.History.First().Options.ReplaceHistoryEntry);
    }

    [Fact]
    public async Task TypingInTheSearchBoxFindsTheSummaryAndKeepsTheTextInTheUrl()
    {
        var cut = RenderWithMud<IncidentsPage>();
        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut).Count), Patience);

        cut.Find("input[data-testid=incident-search]").Input("kafka");

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal([Reference(9)], Cells(cut, "Referência"));
            Assert.Equal("http://localhost/incidents?q=kafka", Navigation.Uri);
        }, Patience);
        Assert.Contains("1–1 de 1", PagerInfo(cut), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheUrlOpensTheListFilteredSortedAndOnItsPage()
    {
        Navigation.NavigateTo("incidents?severity=Critical,High&sort=reference&dir=asc&size=10&page=2");
        var matching = Enumerable.Range(1, 30).Where(i => SeverityOf(i) >= IncidentSeverity.High).ToList();
        Assert.Equal(15, matching.Count);

        var cut = RenderWithMud<IncidentsPage>();

        await cut.WaitForAssertionAsync(() => Assert.Equal(References(matching.Skip(10)), Cells(cut, "Referência")), Patience);
        Assert.Contains("11–15 de 15", PagerInfo(cut), StringComparison.Ordinal);
        Assert.Equal("Crítica, Alta", InputValue(cut, "incident-severity-filter"));
        Assert.Equal("", InputValue(cut, "incident-status-filter"));
        Assert.Equal("http://localhost/incidents?severity=Critical,High&sort=reference&dir=asc&size=10&page=2", Navigation.Uri);
    }

    [Fact]
    public async Task TheUrlOpensUfDateRangeAndCoopFilters()
    {
        Navigation.NavigateTo("incidents?uf=SP&from=2025-03-10&to=2025-03-25");
        var cut = RenderWithMud<IncidentsPage>();

        // SP-001 is in every fifth incident; incident i was reported on (i) March in Brasília.
        await cut.WaitForAssertionAsync(() => Assert.Equal(References([25, 20, 15, 10]), Cells(cut, "Referência")), Patience);
        Assert.Equal("SP — São Paulo", InputValue(cut, "incident-uf-filter"));
        Assert.Equal("10/03/2025", InputValue(cut, "incident-from"));
        Assert.Equal("25/03/2025", InputValue(cut, "incident-to"));

        await using var db = _database.Directory.CreateContext();
        var acre = await db.Coops.AsNoTracking().SingleAsync(c => c.Code == "AC-001", Ct);
        Navigation.NavigateTo($"incidents?coop={acre.Id}&source=Press");

        // Navigated from outside while open: the same list shows the new view (i % 3 == 0 and i % 7 == 1: 15).
        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal([Reference(15)], Cells(cut, "Referência"));
            Assert.Equal($"AC-001 — {acre.Name} (AC)", InputValue(cut, "incident-coop-filter"));
        }, Patience);
        Assert.Equal("", InputValue(cut, "incident-uf-filter"));
        Assert.Equal("Imprensa", InputValue(cut, "incident-source-filter"));
    }

    [Fact]
    public async Task GarbageInTheUrlIsIgnoredAndTheRestStillApplies()
    {
        Navigation.NavigateTo("incidents?status=Bogus,1,closed,%3Cscript%3E&severity=99&source=-1&uf=ZZ&coop=abc&from=2025-13-45"
            + "&to=ontem&sort=drop%20table&dir=sideways&page=-3&size=7&unknown=1");

        var cut = RenderWithMud<IncidentsPage>();

        var closed = References(Enumerable.Range(1, 30).Where(i => StatusOf(i) == IncidentStatus.Closed).Reverse());
        await cut.WaitForAssertionAsync(() => Assert.Equal(closed, Cells(cut, "Referência")), Patience);
        Assert.Equal("Encerrado", InputValue(cut, "incident-status-filter"));
        Assert.Equal("", InputValue(cut, "incident-severity-filter"));
    }

    [Fact]
    public async Task ACoopThatDoesNotExistIsDroppedFromTheUrl()
    {
        Navigation.NavigateTo("incidents?coop=999999&q=Incidente");

        var cut = RenderWithMud<IncidentsPage>();

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal("http://localhost/incidents?q=Incidente", Navigation.Uri);
            Assert.Equal(25, Rows(cut).Count);
        }, Patience);
        Assert.Contains("de 29", PagerInfo(cut), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClearingTheFiltersKeepsTheSortAndEmptiesTheUrlOfFilters()
    {
        Navigation.NavigateTo("incidents?q=Incidente%201&source=Press&sort=title&dir=desc");
        var cut = RenderWithMud<IncidentsPage>();
        // "Incidente 1", "Incidente 1x": of those, source Press (i % 7 == 1) leaves 1 and 15; by title Z→A.
        await cut.WaitForAssertionAsync(() => Assert.Equal(References([15, 1]), Cells(cut, "Referência")), Patience);

        cut.Find("[data-testid=incident-clear]").Click();

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal("http://localhost/incidents?sort=title&dir=desc", Navigation.Uri);
            Assert.Equal(25, Rows(cut).Count);
        }, Patience);
        Assert.Equal("", InputValue(cut, "incident-source-filter"));
        Assert.Equal("", cut.Find("input[data-testid=incident-search]").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task NoMatchSaysSoAndOffersToClearTheFilters()
    {
        Navigation.NavigateTo("incidents?q=nada-assim-100%25");
        var cut = RenderWithMud<IncidentsPage>();

        await cut.WaitForAssertionAsync(() =>
            Assert.Equal("Nenhum incidente corresponde aos filtros.", Text(cut, "[data-testid=incident-empty-text]")), Patience);
        Assert.Empty(Rows(cut));

        cut.Find("[data-testid=incident-empty-clear]").Click();

        await cut.WaitForAssertionAsync(() => Assert.Equal(25, Rows(cut).Count), Patience);
        Assert.Equal("http://localhost/incidents", Navigation.Uri);
    }

    [Fact]
    public async Task ClickingAColumnHeaderSortsAndPutsTheSortInTheUrl()
    {
        var cut = RenderWithMud<IncidentsPage>();
        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut).Count), Patience);

        cut.FindAll("[data-testid=incident-grid] thead th").Single(th => th.TextContent.Contains("Referência", StringComparison.Ordinal))
            .QuerySelector(".sortable-column-header")!.Click();

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal(References(Enumerable.Range(1, 25)), Cells(cut, "Referência"));
            Assert.Equal("http://localhost/incidents?sort=reference&dir=asc", Navigation.Uri);
        }, Patience);
    }

    [Fact]
    public async Task TheNextPageButtonMovesThePageIntoTheUrl()
    {
        var cut = RenderWithMud<IncidentsPage>();
        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut).Count), Patience);

        cut.Find("[data-testid=incident-grid] .mud-table-pagination-actions button[aria-label='Next page']").Click();

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal(References(Enumerable.Range(1, 5).Reverse()), Cells(cut, "Referência"));
            Assert.Equal("http://localhost/incidents?page=2", Navigation.Uri);
        }, Patience);
    }

    [Fact]
    public void OfficersGetTheRegisterButtonAndTheCoopAndUfFilters()
    {
        _auth.SetPolicies(Policies.Officer);

        var cut = RenderWithMud<IncidentsPage>();

        var register = cut.Find("[data-testid=incident-register]");
        Assert.Equal("incidents/new", register.GetAttribute("href"));
        Assert.Equal("Registrar incidente", register.TextContent.Trim());
        Assert.Single(cut.FindAll("[data-testid=incident-coop-filter]"));
        Assert.Single(cut.FindAll("[data-testid=incident-uf-filter]"));
    }

    [Fact]
    public async Task ALiaisonSeesOnlyTheirCoopsIncidentsWithoutCoopOrUfFiltersEvenFromTheUrl()
    {
        await using var db = _database.Directory.CreateContext();
        var acre = await db.Coops.AsNoTracking().SingleAsync(c => c.Code == "AC-001", Ct);
        var saoPaulo = await db.Coops.AsNoTracking().SingleAsync(c => c.Code == "SP-001", Ct);
        ActAsLiaisonOf(acre.Id);
        Navigation.NavigateTo($"incidents?uf=SP&coop={saoPaulo.Id}");

        var cut = RenderWithMud<IncidentsPage>();

        cut.WaitForAssertion(() => Assert.Equal(References(Enumerable.Range(1, 10).Select(k => 3 * k).Reverse()), Cells(cut, "Referência")), Patience);
        Assert.Empty(cut.FindAll("[data-testid=incident-coop-filter]"));
        Assert.Empty(cut.FindAll("[data-testid=incident-uf-filter]"));
        Assert.Empty(cut.FindAll("[data-testid=incident-register]"));
        Assert.Single(cut.FindAll("[data-testid=incident-status-filter]"));
    }

    [Fact]
    public async Task ALiaisonWhoseCoopHasNoIncidentReadsThatPlainly()
    {
        await using var db = _database.Directory.CreateContext();
        var quiet = await db.Coops.AsNoTracking().SingleAsync(c => c.Code == "AC-002", Ct);
        ActAsLiaisonOf(quiet.Id);

        var cut = RenderWithMud<IncidentsPage>();

        cut.WaitForAssertion(() =>
            Assert.Equal("Nenhum incidente envolve a sua cooperativa.", Text(cut, "[data-testid=incident-empty-text]")), Patience);
        Assert.Empty(cut.FindAll("[data-testid=incident-empty-clear]"));
    }

    private void ActAsLiaisonOf(int coopId) =>
        Viewer.Set(As(new Claim(ClaimTypes.Role, AppRoles.CoopLiaison),
            new Claim(CurrentUser.CoopIdClaim, coopId.ToString(CultureInfo.InvariantCulture))).Principal);

    private static CurrentUser As(params Claim[] claims)
    {
        var user = new CurrentUser();
        user.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "viewer"), new Claim(ClaimTypes.Name, "viewer@federacao.example"), .. claims], "test")));
        return user;
    }
}
