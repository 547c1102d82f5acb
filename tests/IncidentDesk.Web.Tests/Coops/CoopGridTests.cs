using System.Text.RegularExpressions;
using AngleSharp.Dom;
using IncidentDesk.Core.Coops;
using System.Globalization;
using System.Security.Claims;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Features.Coops;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Web.Tests.Coops;

/// <summary>
/// The co-op directory grid over the real <see cref="CoopDirectoryService"/> and a real SQLite database built by
/// the app's migrations and seeded with the 340-co-op demo directory. MudDataGrid loads its ServerData
/// asynchronously, so every assertion on rows waits for the grid to render them.
/// </summary>
public sealed partial class CoopGridTests : MudComponentTestBase, IClassFixture<SeededDirectoryDatabase>
{
    // Generous: a wait returns as soon as its assertion passes; the search box debounces for 300 ms.
    private static readonly TimeSpan Patience = Waits.Patience;

    private readonly SeededDirectoryDatabase _database;

    public CoopGridTests(SeededDirectoryDatabase database)
    {
        _database = database;
        AddDeskDatabase(database.Configure);
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<AuditLog>();
        Services.AddScoped<CoopDirectoryService>();
        Services.AddScoped(_ => Viewer);
    }

    /// <summary>The person looking at the grid: a privacy officer unless a test says otherwise.</summary>
    private CurrentUser Viewer { get; } = As(new Claim(ClaimTypes.Role, AppRoles.PrivacyOfficer));

    private static CurrentUser As(params Claim[] claims)
    {
        var user = new CurrentUser();
        user.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "viewer"), new Claim(ClaimTypes.Name, "viewer@federacao.example"), .. claims], "test")));
        return user;
    }

    [Fact]
    public async Task A_liaison_sees_only_their_own_coop()
    {
        await using var db = _database.CreateContext();
        var own = await db.Coops.AsNoTracking().SingleAsync(c => c.Code == "AC-002", Cancellation);
        Viewer.Set(As(new Claim(ClaimTypes.Role, AppRoles.CoopLiaison),
            new Claim(CurrentUser.CoopIdClaim, own.Id.ToString(CultureInfo.InvariantCulture))).Principal);

        var cut = RenderWithMud<CoopGrid>();

        cut.WaitForAssertion(() => Assert.Equal("AC-002", Assert.Single(Cells(cut, "Código"))), Patience);
        Assert.Equal("1 cooperativa", cut.Find("[data-testid=coop-count]").TextContent.Trim());
    }

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public void FirstRenderShowsTheFirstPageOf25AndCountsAll340Coops()
    {
        var cut = RenderWithMud<CoopGrid>();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal(25, Rows(cut).Count);
            Assert.Equal("340 cooperativas", cut.Find("[data-testid=coop-count]").TextContent.Trim());
        }, Patience);
        // Sorted by code by default: the first page starts with the Acre co-ops.
        Assert.Equal("AC-001", Cells(cut, "Código")[0]);
    }

    [Fact]
    public async Task CnpjIsShownFormattedInEveryRow()
    {
        var cut = RenderWithMud<CoopGrid>();

        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut).Count), Patience);
        var codes = Cells(cut, "Código");
        var cnpjs = Cells(cut, "CNPJ");
        Assert.All(cnpjs, cnpj => Assert.Matches(FormattedCnpj(), cnpj));

        await using var db = _database.CreateContext();
        var stored = await db.Coops.Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Cnpj, Cancellation);
        for (var i = 0; i < codes.Count; i++)
        {
            Assert.Equal(Cnpj.Normalize(cnpjs[i]), stored[codes[i]]);
        }
    }

    [Fact]
    public async Task UfParameterShowsOnlyThatStatesCoops()
    {
        await using var db = _database.CreateContext();
        var acreCount = await db.Coops.CountAsync(c => c.Uf == "AC", Cancellation);
        Assert.InRange(acreCount, DemoDirectory.MinimumCoopsPerUf, 24); // all on the first page

        var cut = RenderWithMud<CoopGrid>(p => p.Add(c => c.Uf, "AC"));

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal(acreCount, Rows(cut).Count);
            Assert.Equal($"{acreCount} cooperativas", cut.Find("[data-testid=coop-count]").TextContent.Trim());
        }, Patience);
        Assert.All(Cells(cut, "UF"), uf => Assert.Equal("AC", uf));
        Assert.Contains("AC — Acre", cut.Find("[data-testid=coop-uf-filter]").TextContent, StringComparison.Ordinal);
    }

    // "AC-001" and "MG-002" once also matched every CNPJ containing "001"/"002" (each head office has "0001").
    [Theory]
    [InlineData("SP-042")]
    [InlineData("MG-002")]
    [InlineData("AC-001")]
    public async Task TextParameterWithACoopCodeShowsJustThatCoop(string code)
    {
        await using var db = _database.CreateContext();
        var coop = await db.Coops.AsNoTracking().Include(c => c.Federation)
            .SingleAsync(c => c.Code == code, Cancellation);

        var cut = RenderWithMud<CoopGrid>(p => p.Add(c => c.Text, coop.Code));

        await cut.WaitForAssertionAsync(() => Assert.Single(Rows(cut)), Patience);
        Assert.Equal(coop.Code, Cells(cut, "Código").Single());
        Assert.Equal(coop.Name, Cells(cut, "Nome").Single());
        Assert.Equal(coop.Uf, Cells(cut, "UF").Single());
        Assert.Equal(Cnpj.Format(coop.Cnpj), Cells(cut, "CNPJ").Single());
        Assert.Equal(coop.Federation!.Name, Cells(cut, "Federação").Single());
        Assert.Contains(coop.EncarregadoEmail, Cells(cut, "Encarregado (DPO)").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchingAFormattedCnpjFindsThatCoop()
    {
        await using var db = _database.CreateContext();
        var coop = await db.Coops.AsNoTracking().OrderBy(c => c.Code).Skip(200).FirstAsync(Cancellation);
        CoopFilters? reported = null;
        var cut = RenderWithMud<CoopGrid>(p => p.Add(c => c.FiltersChanged, filters => { reported = filters; }));
        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut).Count), Patience);

        cut.Find("input[data-testid=coop-search]").Input(Cnpj.Format(coop.Cnpj));

        // FiltersChanged is raised after the reload, so wait for both.
        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal(coop.Code, Assert.Single(Cells(cut, "Código")));
            Assert.Equal(new CoopFilters(null, Cnpj.Format(coop.Cnpj)), reported);
        }, Patience);
        Assert.Equal(Cnpj.Format(coop.Cnpj), Cells(cut, "CNPJ").Single());
    }

    [Fact]
    public async Task SearchThatMatchesNothingShowsTheEmptyMessage()
    {
        var cut = RenderWithMud<CoopGrid>();
        // The full first page proves the grid has loaded, so the empty state below comes from the search.
        await cut.WaitForAssertionAsync(() => Assert.Equal(25, Rows(cut).Count), Patience);

        // Typed, then the box is left: leaving commits the text at once, where typing alone waits on the box's debounce timer,
        // which a loaded 2-core machine can starve past any patience. The search itself is the same.
        var search = cut.Find("input[data-testid=coop-search]");
        search.Input("nenhuma-cooperativa-assim");
        cut.Find("input[data-testid=coop-search]").Blur();

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Empty(Rows(cut));
            Assert.Equal("Nenhuma cooperativa corresponde aos filtros.", cut.Find("[data-testid=coop-empty]").TextContent.Trim());
        }, Patience);
        Assert.Equal("0 cooperativas", cut.Find("[data-testid=coop-count]").TextContent.Trim());
    }

    [Fact]
    public async Task ChoosingAUfInTheSelectFiltersTheGridAndRaisesFiltersChanged()
    {
        await using var db = _database.CreateContext();
        var amapaCount = await db.Coops.CountAsync(c => c.Uf == "AP", Cancellation);
        Assert.InRange(amapaCount, DemoDirectory.MinimumCoopsPerUf, 24);
        var reported = new List<CoopFilters>();
        var cut = RenderWithMud<CoopGrid>(p => p.Add(c => c.FiltersChanged, filters => { reported.Add(filters); }));
        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut).Count), Patience);

        cut.Find("[data-testid=coop-uf-filter]").Closest(".mud-input-control")!.MouseDown();
        var option = PopoverProvider.WaitForElements(".mud-list-item", Patience)
            .Single(item => item.TextContent.Trim().StartsWith("AP — Amapá", StringComparison.Ordinal));
        option.Click();

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal(amapaCount, Rows(cut).Count);
            Assert.Equal(new CoopFilters("AP", null), Assert.Single(reported));
        }, Patience);
        Assert.All(Cells(cut, "UF"), uf => Assert.Equal("AP", uf));
        Assert.Equal($"{amapaCount} cooperativas", cut.Find("[data-testid=coop-count]").TextContent.Trim());
    }

    private static List<IElement> Rows(IRenderedComponent<CoopGrid> cut) =>
        [.. cut.FindAll("[data-testid=coop-grid] tbody tr").Where(row => row.QuerySelector("td[data-label='Código']") is not null)];

    private static List<string> Cells(IRenderedComponent<CoopGrid> cut, string columnTitle) =>
        [.. cut.FindAll($"[data-testid=coop-grid] tbody td[data-label='{columnTitle}']").Select(td => td.TextContent.Trim())];

    [GeneratedRegex(@"^\d{2}\.\d{3}\.\d{3}/\d{4}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex FormattedCnpj();
}
