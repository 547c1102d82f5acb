using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using IncidentDesk.Data.Audit;
using IncidentDesk.Data.Identity;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.ApiClientTests;

/// <summary>
/// The committed client in Generated/ is exactly what the pinned Kiota makes of the document the desk serves now: a change
/// to the API that its client would see fails here until the client is generated again, so the round trip always runs the
/// client a new integrator would generate. To generate it again (after reviewing the API change), run this test with
/// INCIDENTDESK_UPDATE_API_CLIENT=1; it then writes the fresh client over Generated/.
/// </summary>
[Requires(TestServer.Kiota)]
public sealed class GeneratedClientTests(DeskFixture desk)
{
    public const string UpdateVariable = "INCIDENTDESK_UPDATE_API_CLIENT";
    private const string Namespace = "IncidentDesk.ApiClientTests.Generated";
    private const string ClientName = "IncidentDeskApiClient";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Committed => Path.Combine(TestServers.RepositoryRoot, "tests", "IncidentDesk.ApiClientTests", "Generated");

    [Fact]
    public async Task The_committed_client_is_what_kiota_generates_from_the_served_document()
    {
        var work = Directory.CreateTempSubdirectory("incidentdesk-kiota-").FullName;
        try
        {
            var document = Path.Combine(work, "openapi-v1.json");
            await File.WriteAllTextAsync(document, await DocumentAsync(), Ct);
            var output = Path.Combine(work, "Generated");

            var kiota = await ToolRun.RunAsync("dotnet",
                ["kiota", "generate", "--language", "CSharp", "--openapi", document, "--output", output, "--class-name", ClientName,
                 "--namespace-name", Namespace, "--exclude-backward-compatible", "--clean-output"],
                TestServers.RepositoryRoot, TimeSpan.FromMinutes(3), Ct);
            Assert.True(kiota.ExitCode == 0, $"Kiota {TestServers.KiotaVersion} could not generate the client:\n{kiota}");
            // The lock file records where the document was read from (a temporary file here): nothing a reviewer needs.
            File.Delete(Path.Combine(output, "kiota-lock.json"));

            if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
            {
                Replace(output);
            }

            var differences = Differences(output, Committed);
            Assert.True(differences.Count == 0,
                $"tests/IncidentDesk.ApiClientTests/Generated no longer matches the API document ({differences.Count} file(s) differ):\n"
                + string.Join('\n', differences.Take(20))
                + $"\nIf the API change is intended, generate the client again: {UpdateVariable}=1 dotnet test "
                + "--project tests/IncidentDesk.ApiClientTests --filter-class '*GeneratedClientTests', and review the diff.");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The document as an auditor's token reads it, without its server: that is the test host's random port.</summary>
    private async Task<string> DocumentAsync()
    {
        var auditor = await TestAccounts.CreateAsync(desk.Host, AppRoles.Auditor, twoFactor: true);
        await using var scope = desk.Host.OperatorScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(auditor.Email);
        var token = await scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>()
            .CreateForUserAsync(user!.Id, "client generation", 1, new AuditActor(null, "api client test"), Ct);
        using var http = new HttpClient { BaseAddress = desk.Host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        var served = JsonNode.Parse(await http.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative), Ct))!.AsObject();
        served.Remove("servers");
        return served.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static List<string> Differences(string generated, string committed)
    {
        var fresh = Files(generated);
        var kept = Files(committed);
        return
        [
            .. fresh.Keys.Except(kept.Keys).Order(StringComparer.Ordinal).Select(f => $"  new:     {f}"),
            .. kept.Keys.Except(fresh.Keys).Order(StringComparer.Ordinal).Select(f => $"  gone:    {f}"),
            .. fresh.Keys.Intersect(kept.Keys).Where(f => fresh[f] != kept[f]).Order(StringComparer.Ordinal).Select(f => $"  changed: {f}"),
        ];
    }

    private static Dictionary<string, string> Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).ToDictionary(
                f => Path.GetRelativePath(folder, f).Replace('\\', '/'),
                f => File.ReadAllText(f).ReplaceLineEndings("\n"), StringComparer.Ordinal)
            : [];

    private static void Replace(string generated)
    {
        foreach (var stale in Directory.EnumerateFiles(Committed, "*.cs", SearchOption.AllDirectories))
        {
            File.Delete(stale);
        }

        foreach (var file in Directory.EnumerateFiles(generated, "*.cs", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Committed, Path.GetRelativePath(generated, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
