using System.Diagnostics;
using System.Xml.Linq;
using IncidentDesk.Testing;

namespace IncidentDesk.IntegrationTests.ScaleOut;

/// <summary>
/// On a machine without redis-server (a fresh clone with only the .NET SDK) the scale-out tests must say why they did not
/// run and how to fix it — skipped, with the install line — instead of failing somewhere inside a fixture. Proven by
/// running this very test assembly again, limited to one scale-out class, with the Redis binary pointed at nothing.
/// </summary>
[StartsFirst]
public sealed class MissingServerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Without_redis_server_the_scale_out_tests_are_reported_as_skipped_with_the_reason_and_the_install_line()
    {
        var ct = TestContext.Current.CancellationToken;
        var results = Directory.CreateTempSubdirectory("incidentdesk-skip-");
        try
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
                     {
                         Path.Combine(AppContext.BaseDirectory, "IncidentDesk.IntegrationTests.dll"),
                         "--filter-class", typeof(CrossInstanceTests).FullName!,
                         "--report-xunit-trx", "--results-directory", results.FullName,
                     })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment[TestServers.RedisServerVariable] = "/nonexistent/redis-server";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct).WaitAsync(Patience, ct);

            var trx = XDocument.Load(Assert.Single(results.GetFiles("*.trx")).FullName);
            XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
            var outcomes = trx.Descendants(ns + "UnitTestResult").ToList();
            Assert.True(outcomes.Count == 3, $"the class's three tests were found; output: {await output}{await error}");
            Assert.All(outcomes, result =>
            {
                Assert.Equal("NotExecuted", result.Attribute("outcome")?.Value);
                var reason = result.Descendants(ns + "StdOut").Single().Value;
                Assert.Contains("No redis-server at /nonexistent/redis-server", reason, StringComparison.Ordinal);
                Assert.Contains("sudo apt-get install -y redis-server", reason, StringComparison.Ordinal);
            });
        }
        finally
        {
            results.Delete(recursive: true);
        }
    }
}
