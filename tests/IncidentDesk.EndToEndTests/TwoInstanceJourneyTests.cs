using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Data;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.EndToEndTests;

/// <summary>
/// The scaled-out desk: two instances on one PostgreSQL database and one Redis (both real, throwaway, on loopback).
/// The officer's browser is pinned to instance B (sticky sessions); the liaison's tool talks to instance A.
/// </summary>
[Requires(TestServer.PostgreSql, TestServer.Redis)]
public sealed class TwoInstanceJourneyTests(BrowserFixture browser, TwoInstanceJourneyTests.Installation desk)
    : IClassFixture<TwoInstanceJourneyTests.Installation>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_liaisons_answer_sent_to_instance_A_turns_the_cell_on_the_officers_matrix_open_on_instance_B()
    {
        var (incidentId, taskId) = await desk.LaunchOneTaskToEveryCoopAsync();
        var officer = await browser.NewPageAsync(host: desk.B);
        await officer.SignInAsync(desk.Officer, $"/incidents/{incidentId}");
        await officer.GetByRole(AriaRole.Tab, new() { Name = "Tarefas" }).ClickAsync();
        await Expect(officer.GetByTestId("campaign-row")).ToContainTextAsync("Uso da integração de chat");
        var acre = officer.Locator("[data-testid=matrix-row][data-coop='AC-001']");
        try
        {
            // 340 rows on a machine shared with every other suite: the first paint can take a while.
            await Expect(acre.Locator("[data-testid=matrix-cell][data-status=Open]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        }
        catch (PlaywrightException)
        {
            await officer.ScreenshotAsync("failed-two-instances-matrix");
            throw;
        }

        using var liaison = await desk.LiaisonApiOnAAsync("AC-001");
        using var answered = await liaison.PatchAsJsonAsync(new Uri($"api/v1/tasks/{taskId}", UriKind.Relative),
            new { status = "Done", answer = "Não", version = 0 }, Ct);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        // No reload: the change crosses from A to B through Redis and B's circuit repaints the cell.
        await Expect(acre.Locator("[data-testid=matrix-cell][data-status=Done]")).ToHaveCountAsync(1);
        // Repainted from a message that came through Redis, still in the officer's language: "28/11/2026", not "11/28/2026".
        var launchDay = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(desk.LaunchedAtUtc, "America/Sao_Paulo");
        await Expect(officer.GetByTestId("campaign-row")).ToContainTextAsync(launchDay.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await officer.ScreenshotAsync("95-two-instances-matrix-on-b");
    }

    /// <summary>Redis, a PostgreSQL database, instance A (seeds, bootstraps the officer) and then instance B.</summary>
    public sealed class Installation : IAsyncLifetime
    {
        private ScaledOutDesk? _desk;

        public IncidentDeskHost A { get; private set; } = default!;
        public IncidentDeskHost B { get; private set; } = default!;
        public TestAccount Officer { get; private set; } = default!;
        public DateTime LaunchedAtUtc { get; private set; }

        public async ValueTask InitializeAsync()
        {
            if (!TestServers.AreAvailable(TestServer.Chromium, TestServer.PostgreSql, TestServer.Redis))
            {
                return; // the journey is reported as skipped, with the reason (RequiresAttribute)
            }

            _desk = await ScaledOutDesk.PrepareAsync();
            A = _desk.StartInstance(first: true);
            B = _desk.StartInstance(first: false);
            Officer = await TestAccounts.EnrolBootstrapOfficerAsync(A);
        }

        public async Task<(int IncidentId, int TaskId)> LaunchOneTaskToEveryCoopAsync()
        {
            await using var read = await A.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(Ct);
            var incidentId = await read.Incidents.Where(i => i.Reference == "INC-2026-0001").Select(i => i.Id).SingleAsync(Ct);
            LaunchedAtUtc = DateTime.UtcNow;
            await using (var scope = await A.ActingAsAsync(Officer))
            {
                var launched = await scope.ServiceProvider.GetRequiredService<CampaignService>().LaunchAsync(new CampaignLaunch(incidentId,
                    "Uso da integração de chat", null, [new("Usa a integração de chat afetada?", null, 2, false, TaskAnswerType.YesNo)],
                    CampaignAudience.AllCoops), Ct);
                Assert.True(launched.Succeeded);
            }

            var taskId = await read.CoopTasks.Join(read.Coops.Where(c => c.Code == "AC-001"), t => t.CoopId, c => c.Id, (t, _) => t.Id)
                .SingleAsync(Ct);
            return (incidentId, taskId);
        }

        /// <summary>The co-op's own tool: a personal access token of its liaison, used against instance A.</summary>
        public async Task<HttpClient> LiaisonApiOnAAsync(string coopCode)
        {
            var liaison = await TestAccounts.CreateAsync(A, AppRoles.CoopLiaison, coopCode, twoFactor: false);
            await using var scope = A.OperatorScope("two-instance test");
            var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Identity.AppUser>>()
                .FindByEmailAsync(liaison.Email);
            var token = await scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>()
                .CreateForUserAsync(user!.Id, "two-instance test", 1, new AuditActor(null, "two-instance test"));
            var client = new HttpClient { BaseAddress = A.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
            return client;
        }

        public async ValueTask DisposeAsync()
        {
            if (_desk is null)
            {
                return;
            }

            await B.DisposeAsync();
            await A.DisposeAsync();
            await _desk.DisposeAsync();
        }
    }
}
