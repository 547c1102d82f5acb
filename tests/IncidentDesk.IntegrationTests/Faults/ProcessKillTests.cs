using IncidentDesk.Benchmarks.Faults;

namespace IncidentDesk.IntegrationTests.Faults;

/// <summary>
/// The app as its own process (<c>dotnet IncidentDesk.Web.dll</c>), killed with SIGKILL in the middle of writes and started
/// again on the same data folder: every write it acknowledged is there, nothing is there in part, the audit chain verifies.
/// A few kills per operation keep this cheap; the harness (<c>faults</c>) runs twenty and more.
/// </summary>
[Collection(FaultsGroup.Name)]
public sealed class ProcessKillTests(FaultDeskFixture fixture)
{
    private const int Kills = 3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Killed_during_a_burst_of_liaison_updates_the_restarted_desk_holds_every_acknowledged_update_whole()
    {
        await using var desk = fixture.Template.NewDesk();
        try
        {
            await desk.StartAsync(Ct);
            var random = new Random(21);
            var acknowledged = 0;
            for (var kill = 1; kill <= Kills; kill++)
            {
                var outcome = await BurstKill.RunAsync(desk, fixture.Template, $"k{kill}", random, TimeSpan.FromMilliseconds(400), Ct);

                Assert.True(outcome.Lost == 0, $"kill {kill}: {outcome.Lost} acknowledged updates lost; {outcome.Detail}");
                Assert.True(outcome.HalfWritten == 0, $"kill {kill}: {outcome.HalfWritten} half-written; {outcome.Detail}");
                Assert.True(outcome.ChainIntact, $"kill {kill}: audit chain broken; {outcome.Detail}");
                acknowledged += outcome.Acknowledged;
            }

            Assert.True(acknowledged >= Kills, $"the bursts were under way when killed ({acknowledged} acknowledged)");
        }
        finally
        {
            desk.Kill();
            FaultDeskTemplate.DeleteFolder(desk.Folder);
        }
    }
}
