using IncidentDesk.Testing;
using System.Security.Claims;
using IncidentDesk.Core.Exposure;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Exposure;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Web.Tests.Exposure;

/// <summary>
/// The dashboard's exposure card and the co-op page's panel over the real query service: the three figures are links to
/// the list filtered that way, a broker exposed now is marked in words and colour, and a liaison counts their own co-op's.
/// </summary>
public sealed class ExposureCardTests : MudComponentTestBase, IClassFixture<SeededDirectoryDatabase>
{
    private static readonly TimeSpan Patience = Waits.Patience;
    private readonly SeededDirectoryDatabase _database;
    private readonly CurrentUser _user = new();

    public ExposureCardTests(SeededDirectoryDatabase database)
    {
        _database = database;
        AddDeskDatabase(database.Configure);
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<AuditLog>();
        Services.AddExposureWatchForComponents();
        Services.AddScoped(_ => _user);
    }

    [Fact]
    public async Task The_officers_card_counts_every_coops_endpoints_and_links_each_figure_to_its_filter()
    {
        await ArrangeAsync();
        ActAs(AppRoles.PrivacyOfficer, null);

        var cut = RenderWithMud<ExposureCard>();

        cut.WaitForAssertion(() => Assert.Equal("1", Figure(cut, "exposed")), Patience);
        Assert.Equal("1", Figure(cut, "checked"));
        Assert.Equal("1", Figure(cut, "unauthorized"));
        Assert.Equal("exposure?state=Exposed", cut.Find("[data-testid=exposure-card-exposed]").GetAttribute("href"));
        Assert.Equal("exposure?state=NotAuthorized", cut.Find("[data-testid=exposure-card-unauthorized]").GetAttribute("href"));
        Assert.Contains("exposure-figure-alert", cut.Find("[data-testid=exposure-card-exposed]").ClassName, StringComparison.Ordinal);
        Assert.Contains("expostos agora", cut.Find("[data-testid=exposure-card-exposed]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_liaisons_card_and_coop_panel_hold_their_own_coops_endpoints_only()
    {
        var (rn, _) = await ArrangeAsync();
        ActAs(AppRoles.CoopLiaison, rn);

        var card = RenderWithMud<ExposureCard>();
        var panel = RenderWithMud<CoopExposurePanel>(p => p.Add(c => c.CoopId, rn).Add(c => c.CoopCode, "RN-001"));

        card.WaitForAssertion(() => Assert.Equal("0", Figure(card, "exposed")), Patience);
        Assert.Equal("1", Figure(card, "unauthorized"));
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=coop-exposure-row]")), Patience);
        Assert.Contains("Sem autorização", panel.Find("[data-testid=exposure-state]").TextContent, StringComparison.Ordinal);
        // Checking is the federation's act: a liaison's panel offers no check.
        Assert.Empty(panel.FindAll("[data-testid=coop-exposure-check]"));
    }

    [Fact]
    public async Task An_officers_coop_panel_shows_the_broker_found_exposed_and_offers_to_check_the_coop_now()
    {
        var (_, ma) = await ArrangeAsync();
        ActAs(AppRoles.PrivacyOfficer, null);

        var panel = RenderWithMud<CoopExposurePanel>(p => p.Add(c => c.CoopId, ma).Add(c => c.CoopCode, "MA-001"));

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=coop-exposure-row]")), Patience);
        Assert.Equal("Exposto", panel.Find("[data-testid=exposure-state]").TextContent.Trim());
        Assert.Contains("kafka.ma.example:9092", panel.Find("[data-testid=coop-exposure-row]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Verificar os brokers agora", panel.Find("[data-testid=coop-exposure-check]").TextContent.Trim());
        Assert.Equal("exposure?coop=MA-001", panel.Find("a[href^=exposure]").GetAttribute("href"));
    }

    private static string Figure(Bunit.IRenderedComponent<ExposureCard> cut, string name) =>
        cut.Find($"[data-testid=exposure-card-{name}] .exposure-figure-value").TextContent.Trim();

    private void ActAs(string role, int? coopId)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, role), new(ClaimTypes.Name, $"{role}@federacao.example"), new(ClaimTypes.Role, role) };
        if (coopId is { } id)
        {
            claims.Add(new Claim(CurrentUser.CoopIdClaim, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        _user.Set(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
    }

    /// <summary>RN-001 declared a broker without authorizing it; MA-001 has one found exposed an hour ago (once per test class).</summary>
    private async Task<(int Rn, int Ma)> ArrangeAsync()
    {
        await using var db = _database.CreateContext();
        var rn = await db.Coops.Where(c => c.Code == "RN-001").Select(c => c.Id).SingleAsync();
        var ma = await db.Coops.Where(c => c.Code == "MA-001").Select(c => c.Id).SingleAsync();
        if (!await db.BrokerEndpoints.AnyAsync())
        {
            var now = DateTime.UtcNow;
            db.BrokerEndpoints.Add(new BrokerEndpoint { CoopId = rn, Host = "kafka.rn.example", Port = 9092, DeclaredAtUtc = now, DeclaredBy = "ana@rn.example" });
            db.BrokerEndpoints.Add(new BrokerEndpoint
            {
                CoopId = ma, Host = "kafka.ma.example", Port = 9092, DeclaredAtUtc = now.AddDays(-1), DeclaredBy = "joao@ma.example",
                AuthorizedAtUtc = now.AddDays(-1), AuthorizedBy = "joao@ma.example", LastCheckedAtUtc = now.AddHours(-1),
                LastOutcome = ExposureOutcome.Exposed, LastDetail = CheckDetail.TopicsListed, LastTopicCount = 4,
            });
            await db.SaveArrangedAsync();
        }

        return (rn, ma);
    }
}
