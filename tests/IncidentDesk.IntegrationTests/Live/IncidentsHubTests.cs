using System.Diagnostics;
using System.Net;
using IncidentDesk.Data;
using IncidentDesk.IntegrationTests.Api;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Hubs;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Live;

/// <summary>The hub at /hubs/incidents over a real WebSocket: who hears which change, and how fast.</summary>
public sealed class IncidentsHubTests(AppFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_officer_client_hears_every_change_well_within_a_second()
    {
        var officer = await TestAccounts.CreateAsync(app.Host, AppRoles.PrivacyOfficer);
        await using var client = await ConnectAsync(officer);
        var received = Listen(client, _ => true);

        var stopwatch = Stopwatch.StartNew();
        await PublishAsync(new DeskChange(ChangeKind.Figure, 7, null, 12, "officer", DateTime.UtcNow));
        var change = await received.Task.WaitAsync(Patience, Ct);
        stopwatch.Stop();

        Assert.Equal(ChangeKind.Figure, change.Kind);
        Assert.Equal(7, change.IncidentId);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"took {stopwatch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_liaison_hears_only_their_own_coops_changes()
    {
        var (coopA, coopB) = await CoopIdsAsync("SP-004", "RJ-001");
        var liaison = await TestAccounts.CreateAsync(app.Host, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        await using var client = await ConnectAsync(liaison);
        Assert.Equal(IncidentsHub.CoopGroup(coopA), await client.InvokeAsync<string?>(nameof(IncidentsHub.Scope), Ct));
        var heard = new List<DeskChange>();
        var own = Listen(client, c => { lock (heard) { heard.Add(c); } return c.CoopId == coopA; });

        // Messages to one connection arrive in order: once the own co-op's change is in, the others would have been too.
        await PublishAsync(new DeskChange(ChangeKind.Task, 1, coopB, 99, "outra cooperativa", DateTime.UtcNow));
        await PublishAsync(new DeskChange(ChangeKind.Incident, 1, null, null, "encarregado", DateTime.UtcNow));
        await PublishAsync(new DeskChange(ChangeKind.Task, 1, coopA, 100, "própria cooperativa", DateTime.UtcNow));
        await own.Task.WaitAsync(Patience, Ct);

        lock (heard)
        {
            Assert.Equal([coopA], heard.Select(c => c.CoopId));
        }
    }

    [Fact]
    public async Task Without_a_token_the_hub_refuses_even_a_signed_in_browser()
    {
        var officer = await TestAccounts.CreateAsync(app.Host, AppRoles.PrivacyOfficer);
        using var browser = app.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(browser, officer)).Dispose();

        using var response = await browser.PostAsync(new Uri("hubs/incidents/negotiate?negotiateVersion=1", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_revoked_or_unknown_token_cannot_connect()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Host.BaseAddress, IncidentsHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>("idk_not-a-real-token"))
            .Build();
        await using var _ = connection;

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
    }

    private async Task<HubConnection> ConnectAsync(TestAccount account)
    {
        var token = await ApiTokens.CreateAsync(app.Host, account);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Host.BaseAddress, IncidentsHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token.Secret))
            .Build();
        await connection.StartAsync(Ct);
        // Invocations are served only after OnConnectedAsync, so once this answers the connection is in its group.
        await connection.InvokeAsync<string?>(nameof(IncidentsHub.Scope), Ct);
        return connection;
    }

    private static TaskCompletionSource<DeskChange> Listen(HubConnection connection, Func<DeskChange, bool> until)
    {
        var done = new TaskCompletionSource<DeskChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<DeskChange>(IncidentsHub.ChangeMethod, change =>
        {
            if (until(change))
            {
                done.TrySetResult(change);
            }
        });
        return done;
    }

    private Task PublishAsync(DeskChange change) =>
        app.Host.Services.GetRequiredService<IChangeFeed>().PublishAsync(change, Ct);

    private async Task<(int, int)> CoopIdsAsync(string a, string b)
    {
        await using var db = await app.Host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(Ct);
        return ((await db.Coops.SingleAsync(c => c.Code == a, Ct)).Id, (await db.Coops.SingleAsync(c => c.Code == b, Ct)).Id);
    }
}
