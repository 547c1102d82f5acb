using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using IncidentDesk.IntegrationTests.Api;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.ScaleOut;

/// <summary>Two instances sharing Redis: what one instance's users do reaches the other's, once, and a cookie works on both.</summary>
[Requires(TestServer.PostgreSql, TestServer.Redis)]
public sealed class CrossInstanceTests(ScaleOutFixture fixture) : IClassFixture<ScaleOutFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> LiaisonApiOnAAsync()
    {
        var liaison = await TestAccounts.CreateAsync(fixture.A, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        return ApiTokens.Client(fixture.A, (await ApiTokens.CreateAsync(fixture.A, liaison)).Secret);
    }

    private static async Task UpdateAsync(HttpClient liaison, int taskId)
    {
        using var response = await liaison.PatchAsJsonAsync(new Uri($"api/v1/tasks/{taskId}", UriKind.Relative),
            new { status = "InProgress", note = "Equipe de rede acionada", version = 0 }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_liaisons_update_through_A_reaches_officers_on_both_instances_within_a_second_exactly_once()
    {
        var taskId = await fixture.LaunchTaskForSp004Async(Ct);
        var officer = await TestAccounts.CreateAsync(fixture.A, AppRoles.PrivacyOfficer);
        await using var onA = await RecordingHubClient.ConnectAsync(fixture.A, officer, Ct);
        await using var onB = await RecordingHubClient.ConnectAsync(fixture.B, officer, Ct);
        using var liaison = await LiaisonApiOnAAsync();
        bool IsTheUpdate(DeskChange c) => c.Kind == ChangeKind.Task && c.EntityId == taskId;

        var stopwatch = Stopwatch.StartNew();
        await UpdateAsync(liaison, taskId);
        await onB.WaitForAsync(IsTheUpdate).WaitAsync(Patience, Ct);
        stopwatch.Stop();

        // A later change as a marker: one connection hears in order, so a duplicate would have come before it.
        var marker = new DeskChange(ChangeKind.Incident, 0, null, -taskId, "marcador", DateTime.UtcNow);
        await fixture.A.Services.GetRequiredService<IChangeFeed>().PublishAsync(marker, Ct);
        await Task.WhenAll(onA.WaitForAsync(c => c == marker), onB.WaitForAsync(c => c == marker)).WaitAsync(Patience, Ct);

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"took {stopwatch.ElapsedMilliseconds} ms");
        Assert.Single(onB.Heard, IsTheUpdate);
        Assert.Single(onA.Heard, IsTheUpdate);
    }

    [Fact]
    public async Task An_open_page_on_B_hears_a_liaisons_update_made_through_A()
    {
        var taskId = await fixture.LaunchTaskForSp004Async(Ct);
        var heard = new TaskCompletionSource<DeskChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        // What a LiveChanges component on a page served by B subscribes to.
        using var _ = fixture.B.Services.GetRequiredService<IChangeFeed>().Subscribe(c =>
        {
            if (c.Kind == ChangeKind.Task && c.EntityId == taskId)
            {
                heard.TrySetResult(c);
            }

            return Task.CompletedTask;
        });
        using var liaison = await LiaisonApiOnAAsync();

        await UpdateAsync(liaison, taskId);

        var change = await heard.Task.WaitAsync(Patience, Ct);
        Assert.NotNull(change.CoopId);
    }

    [Fact]
    public async Task Signed_in_on_A_the_same_cookie_opens_pages_on_B()
    {
        var officer = await TestAccounts.CreateAsync(fixture.A, AppRoles.PrivacyOfficer);
        using var browser = fixture.A.CreateBrowserClient();
        (await SignIn.SignInAsync(browser, officer)).Dispose();

        // Same client, so the same cookies (they are not bound to a port); only the instance differs.
        using var onA = await browser.GetAsync(new Uri(fixture.A.BaseAddress, "incidents"), Ct);
        using var onB = await browser.GetAsync(new Uri(fixture.B.BaseAddress, "incidents"), Ct);

        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
    }
}
