using System.Text.RegularExpressions;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Data;
using IncidentDesk.Data.Seeding;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

/// <summary>The screen an officer opens first every morning, and a liaison's home on a phone.</summary>
public sealed class DashboardJourneyTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A one-task campaign of the reference incident sent to the co-ops of São Paulo.</summary>
    private async Task<string> LaunchSaoPauloCampaignAsync()
    {
        var title = $"Confirmação SP — {Guid.NewGuid().ToString("N")[..6]}";
        await using var scope = await browser.Host.ActingAsAsync(browser.Officer);
        var db = scope.ServiceProvider.GetRequiredService<IncidentDeskDbContext>();
        var incidentId = await db.Incidents.Where(i => i.Reference == ReferenceIncidentSeed.Reference).Select(i => i.Id).SingleAsync(Ct);
        var launched = await scope.ServiceProvider.GetRequiredService<CampaignService>().LaunchAsync(new CampaignLaunch(
            incidentId, title, null, [new CampaignTaskInput("Confirmar se usa o aplicativo de chat", "Responda sim ou não.", 5, false, TaskAnswerType.YesNo)],
            CampaignAudience.Uf, "SP"), Ct);
        Assert.True(launched.Succeeded);
        return title;
    }

    [Fact]
    public async Task An_officer_sees_the_reference_incidents_deadlines_and_the_uf_tiles_of_a_campaign()
    {
        var title = await LaunchSaoPauloCampaignAsync();
        var page = await browser.NewOfficerPageAsync();

        var deadlines = page.GetByTestId("next-deadlines");
        var reference = deadlines.Locator($"[data-testid=deadline-row][data-incident={ReferenceIncidentSeed.Reference}]");
        await Expect(reference.First).ToBeVisibleAsync();
        await Expect(reference.First.GetByTestId("deadline-chip")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("breakdown")).ToContainTextAsync("Incidentes em aberto");

        await page.GetByTestId("uf-campaign").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex(Regex.Escape(title)) }).ClickAsync();
        var tiles = page.GetByTestId("uf-tile");
        await Expect(tiles).ToHaveCountAsync(27);
        var sp = page.Locator("[data-testid=uf-tile][data-uf=SP]");
        await Expect(sp.GetByTestId("uf-percent")).ToHaveTextAsync("0 %");
        await Expect(sp).ToHaveClassAsync(new Regex("uf-band-0"));
        await Expect(page.Locator("[data-testid=uf-tile][data-uf=AC]").GetByTestId("uf-percent")).ToHaveTextAsync("—");
        await page.ScreenshotAsync("90-officer-dashboard");
    }

    [Fact]
    public async Task A_liaison_on_a_phone_sees_their_coops_tasks_deadlines_and_shared_events()
    {
        await LaunchSaoPauloCampaignAsync();
        var liaison = await TestAccounts.CreateAsync(browser.Host, "CoopLiaison", "SP-004", twoFactor: false);
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.SignInAsync(liaison);

        // The home shows the soonest-due few; other journeys on this shared host also give SP-004 tasks (some overdue),
        // so the campaign launched above need not be among them: what matters here is that the co-op's tasks are listed.
        await Expect(page.GetByTestId("liaison-task").First).ToBeVisibleAsync();
        var rows = page.GetByTestId("deadline-row");
        await Expect(rows.First).ToBeVisibleAsync();
        foreach (var row in await rows.AllAsync())
        {
            Assert.Equal("SP-004", await row.GetAttributeAsync("data-coop"));
        }

        await Expect(page.GetByTestId("uf-tiles")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("overdue-coops")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("activity-item").First).ToBeVisibleAsync();

        // Nothing wider than the phone: the page must not scroll sideways.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow);
        await page.ScreenshotAsync("91-liaison-home-phone");
    }
}
