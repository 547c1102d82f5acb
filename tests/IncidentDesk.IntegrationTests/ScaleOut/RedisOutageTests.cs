using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using IncidentDesk.IntegrationTests.Api;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.ScaleOut;

/// <summary>
/// Redis going away under a scaled-out instance: the load balancer is told (readiness), the desk keeps working for the
/// people on this instance, and everything comes back when Redis does. Each test leaves Redis running and reconnected.
/// </summary>
[Requires(TestServer.PostgreSql, TestServer.Redis)]
public sealed class RedisOutageTests(ScaleOutFixture fixture) : IClassFixture<ScaleOutFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readiness_is_503_while_Redis_is_down_and_200_again_once_it_returns()
    {
        using var probe = fixture.A.CreateBrowserClient();
        // Another test of this class may have just brought Redis back: the instance reconnects on its own schedule.
        Assert.True(await EventuallyAsync(probe, HttpStatusCode.OK), "readiness was not 200 with Redis up");

        await fixture.Redis.StopAsync();
        try
        {
            Assert.True(await EventuallyAsync(probe, HttpStatusCode.ServiceUnavailable), "readiness stayed 200 with Redis down");
        }
        finally
        {
            await fixture.Redis.StartAgainAsync();
        }

        Assert.True(await EventuallyAsync(probe, HttpStatusCode.OK), "readiness did not return to 200 after Redis came back");
    }

    [Fact]
    public async Task With_Redis_down_a_liaisons_update_still_succeeds_at_once_and_reaches_this_instances_pages()
    {
        var taskId = await fixture.LaunchTaskForSp004Async(Ct);
        var liaisonAccount = await TestAccounts.CreateAsync(fixture.A, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        using var liaison = ApiTokens.Client(fixture.A, (await ApiTokens.CreateAsync(fixture.A, liaisonAccount)).Secret);
        var heard = new TaskCompletionSource<DeskChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = fixture.A.Services.GetRequiredService<IChangeFeed>().Subscribe(c =>
        {
            if (c.Kind == ChangeKind.Task && c.EntityId == taskId)
            {
                heard.TrySetResult(c);
            }

            return Task.CompletedTask;
        });
        using var probe = fixture.A.CreateBrowserClient();

        await fixture.Redis.StopAsync();
        try
        {
            // Wait until the instance knows Redis is gone, so the write below really meets the outage.
            Assert.True(await EventuallyAsync(probe, HttpStatusCode.ServiceUnavailable), "the instance never noticed Redis stopping");
            var stopwatch = Stopwatch.StartNew();
            using var response = await liaison.PatchAsJsonAsync(new Uri($"api/v1/tasks/{taskId}", UriKind.Relative),
                new { status = "InProgress", note = "Equipe de rede acionada", version = 0 }, Ct);
            stopwatch.Stop();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"the write waited {stopwatch.ElapsedMilliseconds} ms on Redis");
            await heard.Task.WaitAsync(Patience, Ct);
        }
        finally
        {
            await fixture.Redis.StartAgainAsync();
        }

        Assert.True(await EventuallyAsync(probe, HttpStatusCode.OK), "the instance did not reconnect to Redis");
    }

    [Fact]
    public async Task After_an_outage_changes_made_on_A_reach_Bs_pages_again()
    {
        using var probe = fixture.A.CreateBrowserClient();
        await fixture.Redis.StopAsync();
        try
        {
            Assert.True(await EventuallyAsync(probe, HttpStatusCode.ServiceUnavailable), "the instance never noticed Redis stopping");
        }
        finally
        {
            await fixture.Redis.StartAgainAsync();
        }

        Assert.True(await EventuallyAsync(probe, HttpStatusCode.OK), "the instance did not reconnect to Redis");
        // B's subscription comes back on its own connection, possibly a moment after A's.
        Assert.True(await HearsChangesFromAAsync(fixture.B, "depois da queda"), "B never heard A's changes again after Redis returned");
    }

    [Fact]
    public async Task What_A_changed_during_the_outage_reaches_Bs_pages_as_a_catch_up_once_Redis_returns()
    {
        var catchUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var missed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = fixture.B.Services.GetRequiredService<IChangeFeed>().Subscribe(c =>
        {
            (c.Kind == ChangeKind.CatchUp ? catchUp : c.Actor == "durante a queda" ? missed : null)?.TrySetResult();
            return Task.CompletedTask;
        });
        using var probeA = fixture.A.CreateBrowserClient();
        using var probeB = fixture.B.CreateBrowserClient();

        await fixture.Redis.StopAsync();
        try
        {
            Assert.True(await EventuallyAsync(probeA, HttpStatusCode.ServiceUnavailable), "A never noticed Redis stopping");
            Assert.True(await EventuallyAsync(probeB, HttpStatusCode.ServiceUnavailable), "B never noticed Redis stopping");
            await fixture.A.Services.GetRequiredService<IChangeFeed>().PublishAsync(
                new DeskChange(ChangeKind.Task, 1, 4, 99, "durante a queda", DateTime.UtcNow), Ct);
        }
        finally
        {
            await fixture.Redis.StartAgainAsync();
        }

        // The change itself is lost to B; B's pages learn that they may have missed something and re-read.
        await catchUp.Task.WaitAsync(Patience, Ct);
        Assert.False(missed.Task.IsCompleted, "a change published while Redis was down cannot have crossed to B");
        Assert.True(await EventuallyAsync(probeB, HttpStatusCode.OK), "B did not reconnect to Redis");
    }

    [Fact]
    public async Task An_instance_started_while_Redis_is_down_hears_the_others_once_Redis_returns()
    {
        await fixture.Redis.StopAsync();
        IncidentDeskHost late;
        try
        {
            late = new IncidentDeskHost(bootstrapOfficer: false, settings: new Dictionary<string, string?>(fixture.SharedSettings)).Start();
        }
        finally
        {
            await fixture.Redis.StartAgainAsync();
        }

        await using (late)
        {
            using var probe = late.CreateBrowserClient();
            Assert.True(await EventuallyAsync(probe, HttpStatusCode.OK), "the late instance never reached Redis");
            Assert.True(await HearsChangesFromAAsync(late, "instância tardia"), "an instance that started during the outage never heard the others");
        }
    }

    /// <summary>Publishes changes on A, again and again, until <paramref name="listener"/> hears one or patience runs out.</summary>
    private async Task<bool> HearsChangesFromAAsync(IncidentDeskHost listener, string actor)
    {
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = listener.Services.GetRequiredService<IChangeFeed>().Subscribe(c =>
        {
            if (c.Actor == actor)
            {
                heard.TrySetResult();
            }

            return Task.CompletedTask;
        });
        var feedOnA = fixture.A.Services.GetRequiredService<IChangeFeed>();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var deadline = Stopwatch.StartNew();
        while (!heard.Task.IsCompleted && deadline.Elapsed < Patience && await timer.WaitForNextTickAsync(Ct))
        {
            await feedOnA.PublishAsync(new DeskChange(ChangeKind.Incident, 0, null, null, actor, DateTime.UtcNow), Ct);
        }

        return heard.Task.IsCompleted;
    }

    private static async Task<HttpStatusCode> ReadinessAsync(HttpClient probe)
    {
        using var response = await probe.GetAsync(new Uri("health/ready", UriKind.Relative), Ct);
        return response.StatusCode;
    }

    /// <summary>Polls readiness, as a load balancer would, until it answers <paramref name="expected"/> or patience runs out.</summary>
    private static async Task<bool> EventuallyAsync(HttpClient probe, HttpStatusCode expected)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var deadline = Stopwatch.StartNew();
        while (await ReadinessAsync(probe) != expected)
        {
            if (deadline.Elapsed > Patience || !await timer.WaitForNextTickAsync(Ct))
            {
                return false;
            }
        }

        return true;
    }
}
