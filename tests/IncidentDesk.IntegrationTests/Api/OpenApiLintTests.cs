using System.Net;
using System.Text.Json;
using IncidentDesk.Testing;
using static IncidentDesk.IntegrationTests.Api.ApiClient;

namespace IncidentDesk.IntegrationTests.Api;

/// <summary>
/// The API document as the running desk serves it passes Redocly CLI's recommended rules (pinned in ApiTools/, none
/// switched off in ApiTools/redocly.yaml) with no error and no warning: what client generators and API portals read is
/// well-formed, every operation documents its problem answers and every tag says what it holds.
/// </summary>
[Requires(TestServer.Node)]
public sealed class OpenApiLintTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_served_document_passes_redocly_recommended_with_no_error_and_no_warning()
    {
        using var client = await ForAsync(app.Host, "Auditor");
        using var response = await client.GetAsync("openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = Path.Combine(app.Host.DataFolder, $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync(Ct), Ct);

        var lint = await ToolRun.RunAsync(TestServers.Redocly,
            ["lint", file, "--config", Path.Combine(TestServers.ApiToolsFolder, "redocly.yaml"), "--format", "json"],
            TestServers.ApiToolsFolder, TimeSpan.FromMinutes(2), Ct);

        var report = Report(lint);
        Assert.True(report.ValueKind == JsonValueKind.Object, $"Redocly printed no report:\n{lint}");
        var totals = report.GetProperty("totals");
        var findings = string.Join('\n', report.GetProperty("problems").EnumerateArray().Select(p =>
            $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()} at "
            + string.Join(", ", p.GetProperty("location").EnumerateArray().Select(l => l.GetProperty("pointer").GetString()))));
        Assert.True(totals.GetProperty("errors").GetInt32() == 0 && totals.GetProperty("warnings").GetInt32() == 0,
            $"Redocly recommended lint of /openapi/v1.json:\n{findings}\n{lint.StandardError}");
        Assert.Equal(0, lint.ExitCode);
    }

    // The JSON report is the whole standard output; anything Redocly says besides it goes to standard error.
    private static JsonElement Report(ToolOutput lint)
    {
        var start = lint.StandardOutput.IndexOf('{', StringComparison.Ordinal);
        if (start < 0)
        {
            return default;
        }

        using var json = JsonDocument.Parse(lint.StandardOutput[start..]);
        return json.RootElement.Clone();
    }
}
