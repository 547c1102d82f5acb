using IncidentDesk.Testing;

namespace IncidentDesk.IntegrationTests.Operators;

/// <summary>
/// On PostgreSQL the file-copy commands do not apply: they refuse with the way to do it instead (pg_dump / pg_restore), and
/// leave no half-made file behind.
/// </summary>
public sealed class PostgresBackupTests(AppFixture app)
{
    [Theory]
    [InlineData("backup")]
    [InlineData("restore")]
    public async Task Backup_and_restore_refuse_on_postgresql_and_name_pg_dump_and_pg_restore(string command)
    {
        var file = Path.Combine(Path.GetTempPath(), $"incidentdesk-{Guid.NewGuid():N}.db");

        var cli = await OperatorCli.RunAsync(app.Host, command, file);

        Assert.NotEqual(0, cli.ExitCode);
        Assert.Contains("pg_dump", cli.Output + cli.Error, StringComparison.Ordinal);
        Assert.Contains("pg_restore", cli.Output + cli.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }
}
