using IncidentDesk.Benchmarks.Faults;

namespace IncidentDesk.IntegrationTests.Faults;

/// <summary>
/// <c>backup</c> run as its own process against a desk process that liaisons keep writing to, and the file restored with
/// <c>restore</c> into a fresh data folder and a fresh desk: that desk holds the backup's moment — every update
/// acknowledged before the backup began, nothing in part — and its audit chain verifies.
/// </summary>
[Collection(FaultsGroup.Name)]
public sealed class BackupUnderLoadTests(FaultDeskFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_backup_taken_under_load_restores_into_a_fresh_desk_holding_its_moment_whole_with_an_intact_chain()
    {
        await using var desk = fixture.Template.NewDesk();
        try
        {
            await desk.StartAsync(Ct);

            var outcome = await BackupUnderLoad.RunAsync(desk, fixture.Template, "b1", new Random(7), TimeSpan.FromMilliseconds(400), Ct);

            TestContext.Current.TestOutputHelper?.WriteLine($"{outcome.Detail}; restored desk ready in {outcome.Recovery.TotalSeconds:0.0} s");
            Assert.True(outcome.Acknowledged > 0, $"writes were acknowledged before the backup began; {outcome.Detail}");
            Assert.True(outcome.Lost == 0, $"{outcome.Lost} acknowledged updates missing from the restored desk; {outcome.Detail}");
            Assert.True(outcome.HalfWritten == 0, $"{outcome.HalfWritten} half-present or differing; {outcome.Detail}");
            Assert.True(outcome.ChainIntact, $"audit chain of the restored desk broken; {outcome.Detail}");
        }
        finally
        {
            desk.Kill();
            FaultDeskTemplate.DeleteFolder(desk.Folder);
        }
    }
}
