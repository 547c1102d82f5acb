using System.Globalization;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Web.Features.Dashboard;
using IncidentDesk.Web.Features.Dashboard.Widgets;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IncidentDesk.Web.Tests.Dashboard;

/// <summary>The dashboard's widgets fed known figures: what the officer reads off the tiles and the deadline chips.</summary>
public sealed class DashboardWidgetsTests : MudComponentTestBase
{
    private readonly FakeTimeProvider _time = new();

    public DashboardWidgetsTests()
    {
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton(BusinessCalendar.Default);
    }

    private static readonly CampaignProgressRow Campaign = new(7, 1, "INC-2026-0001", "Contenção", 9, 20, 1, 2);

    // A campaign to SP (10 tasks, 10 finished), MG (4 of 5), RJ (1 of 3) and AC (0 of 2); no co-op of the other UFs asked.
    private static readonly UfCompletion[] Ufs =
    [
        new("AC", "Acre", 0, 2), new("MG", "Minas Gerais", 4, 5), new("RJ", "Rio de Janeiro", 1, 3), new("SP", "São Paulo", 10, 10),
        new("BA", "Bahia", 0, 0),
    ];

    [Theory]
    [InlineData("SP", "uf-band-4", "100 %")]
    [InlineData("MG", "uf-band-3", "80 %")]
    [InlineData("RJ", "uf-band-1", "33 %")]
    [InlineData("AC", "uf-band-0", "0 %")]
    [InlineData("BA", "uf-none", "—")]
    public void Each_uf_tile_shows_its_percentage_and_the_colour_band_it_falls_in(string uf, string band, string percent)
    {
        var cut = RenderWithMud<UfTiles>(p => p.Add(c => c.Campaigns, [Campaign]).Add(c => c.Ufs, Ufs).Add(c => c.SelectedCampaignId, Campaign.CampaignId));

        var tile = cut.Find($"[data-testid=uf-tile][data-uf={uf}]");
        Assert.Contains(band, tile.ClassList);
        Assert.Equal(percent, tile.QuerySelector("[data-testid=uf-percent]")!.TextContent.Trim());
        Assert.Equal(uf, tile.QuerySelector(".uf-code")!.TextContent.Trim());
    }

    [Fact]
    public void A_tile_says_in_words_what_its_colour_means_and_the_legend_names_every_band()
    {
        var cut = RenderWithMud<UfTiles>(p => p.Add(c => c.Campaigns, [Campaign]).Add(c => c.Ufs, Ufs).Add(c => c.SelectedCampaignId, Campaign.CampaignId));

        Assert.Equal("Minas Gerais: 4 de 5 tarefas concluídas (80 %)", cut.Find("[data-uf=MG]").GetAttribute("aria-label"));
        Assert.Equal("Bahia: nenhuma cooperativa desta UF recebeu a campanha", cut.Find("[data-uf=BA]").GetAttribute("aria-label"));
        Assert.Equal(["Sem tarefas", "0–24 %", "25–49 %", "50–74 %", "75–99 %", "100 %"], cut.FindAll(".uf-legend-item").Select(e => e.TextContent.Trim()));
    }

    [Fact]
    public void Without_a_campaign_the_tiles_invite_to_launch_one()
    {
        var cut = RenderWithMud<UfTiles>(p => p.Add(c => c.Campaigns, []).Add(c => c.Ufs, []));

        Assert.Empty(cut.FindAll("[data-testid=uf-tile]"));
        Assert.Contains("Lance uma campanha", cut.Markup, StringComparison.Ordinal);
    }

    // Now: Tue 10 Mar 2026, 10:00 in Brasília. ANPD deadlines running to Wed 11 (one business day left), Tue 10 (today),
    // Mon 9 (past) and Fri 20 Mar (on track).
    [Fact]
    public void The_deadlines_widget_colours_each_chip_by_what_is_left_and_links_the_incident()
    {
        _time.SetUtcNow(DateTimeOffset.Parse("2026-03-10T10:00:00-03:00", CultureInfo.InvariantCulture));
        static UpcomingDeadline Row(string coop, DateOnly due, DeadlineUrgency urgency) =>
            new(4, "INC-2026-0004", 1, coop, $"CoopSaúde {coop}", DeadlineKind.AnpdCommunication, due, urgency);
        UpcomingDeadline[] rows =
        [
            Row("SP-001", new(2026, 3, 9), DeadlineUrgency.Overdue), Row("SP-002", new(2026, 3, 10), DeadlineUrgency.DueToday),
            Row("SP-003", new(2026, 3, 11), DeadlineUrgency.Soon), Row("SP-004", new(2026, 3, 20), DeadlineUrgency.OnTrack),
        ];

        var cut = RenderWithMud<NextDeadlines>(p => p.Add(c => c.Deadlines, rows));

        var chips = cut.FindAll("[data-testid=deadline-row]").ToDictionary(r => r.GetAttribute("data-coop")!, r => r.QuerySelector("[data-testid=deadline-chip]")!);
        Assert.Equal(("Overdue", "Vencido"), (chips["SP-001"].GetAttribute("data-urgency"), chips["SP-001"].TextContent.Trim()));
        Assert.Contains("mud-chip-color-error", chips["SP-002"].ClassList);
        Assert.Equal("DueToday", chips["SP-002"].GetAttribute("data-urgency"));
        Assert.Contains("mud-chip-color-warning", chips["SP-003"].ClassList);
        Assert.Contains("mud-chip-color-success", chips["SP-004"].ClassList);
        Assert.All(cut.FindAll("[data-testid=deadline-row] a"), a => Assert.Equal("incidents/4", a.GetAttribute("href")));
        Assert.Contains("Comunicação à ANPD", cut.Find("[data-coop=SP-001]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_controllers_the_deadlines_widget_says_no_clock_is_running()
    {
        var cut = RenderWithMud<NextDeadlines>(p => p.Add(c => c.Deadlines, []));

        Assert.Equal("Nenhum prazo correndo: nenhuma cooperativa controladora nos incidentes em aberto.", cut.Find("[data-testid=deadlines-empty]").TextContent.Trim());
    }
}
