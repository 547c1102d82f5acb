using IncidentDesk.Benchmarks.Faults;
using IncidentDesk.Testing;

namespace IncidentDesk.IntegrationTests.Faults;

/// <summary>
/// The app as its own process (<c>dotnet IncidentDesk.Web.dll</c>), killed with SIGKILL in the middle of writes and started
/// again on the same data folder: every write it acknowledged is there, nothing is there in part, the audit chain verifies
/// (the app's own <c>audit verify</c>). A few kills per operation keep this cheap; the harness (<c>faults</c>) runs twenty of each.
/// </summary>
[Collection(FaultsGroup.Name)]
public sealed class ProcessKillTests(FaultDeskFixture fixture)
{
    /// <summary>
    /// Two kills of the same desk: the second lands on a data folder that has already been recovered once (a restart after a
    /// crash is itself crashed). Each kill costs a restart and an <c>audit verify</c> process; the harness runs twenty.
    /// </summary>
    private const int Kills = 2;

    /// <summary>
    /// A launch or an import driven in Chromium costs seconds per kill: one kill, half-way through the measured duration,
    /// keeps the suite within its budget; the harness kills each twenty times at random moments.
    /// </summary>
    private const double HalfWay = 0.5;

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
                AssertWhole(kill, outcome);
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

    [Fact]
    [Requires(TestServer.Chromium)]
    public async Task Killed_during_a_launch_to_every_coop_the_restarted_desk_holds_all_4080_tasks_or_none()
    {
        await using var desk = fixture.Template.NewDesk();
        try
        {
            await desk.StartAsync(Ct);
            await using var officer = await OfficerBrowser.SignInAsync(desk, fixture.Template.Officer);
            var measured = await LaunchKill.MeasureAsync(desk, officer, fixture.Template, "Lançamento medido");
            AssertWhole(1, await LaunchKill.RunAsync(desk, officer, fixture.Template, "Lançamento interrompido", HalfWay * measured, Ct));
        }
        finally
        {
            desk.Kill();
            FaultDeskTemplate.DeleteFolder(desk.Folder);
        }
    }

    [Fact]
    [Requires(TestServer.Chromium)]
    public async Task Killed_during_a_directory_import_the_restarted_desk_holds_every_row_or_none()
    {
        await using var desk = fixture.Template.NewDesk();
        try
        {
            await desk.StartAsync(Ct);
            await using var officer = await OfficerBrowser.SignInAsync(desk, fixture.Template.Officer);
            var measured = await ImportKill.MeasureAsync(desk, officer, fixture.Template, "medida");
            AssertWhole(1, await ImportKill.RunAsync(desk, officer, fixture.Template, "interrompida", HalfWay * measured, Ct));
        }
        finally
        {
            desk.Kill();
            FaultDeskTemplate.DeleteFolder(desk.Folder);
        }
    }

    private static void AssertWhole(int kill, FaultOutcome outcome)
    {
        TestContext.Current.TestOutputHelper?.WriteLine($"kill {kill}: {outcome.Detail}; ready again in {outcome.Recovery.TotalSeconds:0.0} s");
        Assert.True(outcome.Lost == 0, $"kill {kill}: {outcome.Lost} acknowledged writes lost; {outcome.Detail}");
        Assert.True(outcome.HalfWritten == 0, $"kill {kill}: {outcome.HalfWritten} half-written; {outcome.Detail}");
        Assert.True(outcome.ChainIntact, $"kill {kill}: audit chain broken; {outcome.Detail}");
    }
}
