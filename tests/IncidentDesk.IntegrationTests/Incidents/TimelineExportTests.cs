using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents.Intake;
using IncidentDesk.Web.Features.Incidents.Timeline;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Incidents;

/// <summary>
/// The timeline downloads for the regulator's report, over real HTTP with a signed-in browser session: attachments that
/// Brazilian Excel opens correctly, that never run a formula or a script, and that hold only what the reader may see.
/// </summary>
public sealed class TimelineExportTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private const string Script = "<script>alert(1)</script>";
    private const string Formula = "=HYPERLINK(\"http://evil.example\";\"clique\")";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int IncidentId, string Shared, string Internal)> SeedAsync()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var shared = $"{Script} compartilhado {tag}";
        var @internal = $"Análise interna {tag}";
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var timeline = officer.ServiceProvider.GetRequiredService<TimelineService>();
        var date = new PartialDateInput(2026, 4, 6, new TimeOnly(17, 0), TimePrecision.Exact);
        Assert.True((await timeline.AddEventAsync(incidentId, new ManualEventInput(date, shared, Formula, "-1+1 planilha", true), Ct)).Succeeded);
        Assert.True((await timeline.AddEventAsync(incidentId,
            new ManualEventInput(date, @internal, "Só para encarregados.", $"@equipe {tag}", false, TimelineEventKind.Action), Ct)).Succeeded);
        return (incidentId, shared, @internal);
    }

    private async Task<HttpClient> SignedInAsync(string role, string? coop = null)
    {
        var account = await TestAccounts.CreateAsync(fixture.Host, role, coop);
        var client = fixture.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(client, account)).Dispose();
        return client;
    }

    private static Uri Url(int incidentId, string format, string query = "") =>
        new(string.Create(CultureInfo.InvariantCulture, $"incidents/{incidentId}/timeline/{format}{query}"), UriKind.Relative);

    [Fact]
    public async Task The_csv_is_a_semicolon_separated_utf8_attachment_whose_cells_never_run_as_formulas()
    {
        var (incidentId, shared, @internal) = await SeedAsync();
        using var officer = await SignedInAsync(AppRoles.PrivacyOfficer);

        using var response = await officer.GetAsync(Url(incidentId, "csv"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("INC-2026-0001-linha-do-tempo.csv", response.Content.Headers.ContentDisposition?.FileNameStar
            ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"Ocorrido em (Brasília)\";\"Ocorrido em (UTC, ISO 8601)\";\"Precisão\";\"Tipo\";\"Título\"", lines[0], StringComparison.Ordinal);

        var row = Assert.Single(lines, l => l.Contains(shared, StringComparison.Ordinal));
        Assert.StartsWith("\"06/04/2026 17:00\";\"2026-04-06T20:00:00Z\";\"Exata\";\"Fato\";", row, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"clique\"\")\"", row, StringComparison.Ordinal);
        Assert.Contains("\"'-1+1 planilha\"", row, StringComparison.Ordinal);
        Assert.Contains("\"Compartilhado com as cooperativas\"", row, StringComparison.Ordinal);
        var internalRow = Assert.Single(lines, l => l.Contains(@internal, StringComparison.Ordinal));
        Assert.Contains("\"Ação da equipe\"", internalRow, StringComparison.Ordinal);
        Assert.Contains("\"'@equipe ", internalRow, StringComparison.Ordinal);
        Assert.Contains("\"Somente encarregados\"", internalRow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_has_camel_case_names_enum_names_utc_times_and_the_text_exactly_as_written()
    {
        var (incidentId, shared, _) = await SeedAsync();
        using var auditor = await SignedInAsync(AppRoles.Auditor);

        using var response = await auditor.GetAsync(Url(incidentId, "json"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var raw = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("<script>", raw, StringComparison.Ordinal); // escaped in the file, literal once parsed
        using var json = JsonDocument.Parse(raw);
        Assert.Equal("INC-2026-0001", json.RootElement.GetProperty("reference").GetString());
        var entry = json.RootElement.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("title").GetString() == shared);
        Assert.Equal(Formula, entry.GetProperty("description").GetString());
        Assert.Equal("Fact", entry.GetProperty("kind").GetString());
        Assert.Equal("Exact", entry.GetProperty("precision").GetString());
        Assert.Equal("SharedWithCoops", entry.GetProperty("visibility").GetString());
        Assert.Equal("2026-04-06T20:00:00Z", entry.GetProperty("occurredAtUtc").GetString());
    }

    [Fact]
    public async Task A_liaison_of_an_involved_coop_downloads_only_the_events_shared_with_coops()
    {
        var (incidentId, shared, @internal) = await SeedAsync();
        using var liaison = await SignedInAsync(AppRoles.CoopLiaison, "SP-004");

        var csv = await liaison.GetStringAsync(Url(incidentId, "csv"), Ct);
        using var json = JsonDocument.Parse(await liaison.GetStringAsync(Url(incidentId, "json"), Ct));

        Assert.Contains(shared.Replace("\"", "\"\"", StringComparison.Ordinal), csv, StringComparison.Ordinal);
        Assert.DoesNotContain(@internal, csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Somente encarregados", csv, StringComparison.Ordinal);
        Assert.All(json.RootElement.GetProperty("events").EnumerateArray(),
            e => Assert.Equal("SharedWithCoops", e.GetProperty("visibility").GetString()));
    }

    [Fact]
    public async Task Another_coops_liaison_gets_not_found_and_the_attempt_is_audited()
    {
        var (incidentId, _, _) = await SeedAsync();
        var account = await TestAccounts.CreateAsync(fixture.Host, AppRoles.CoopLiaison, "RJ-001");
        using var liaison = fixture.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(liaison, account)).Dispose();

        foreach (var format in new[] { "csv", "json" })
        {
            using var response = await liaison.GetAsync(Url(incidentId, format), Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Null(response.Content.Headers.ContentDisposition);
        }

        await using var db = fixture.CreateDb();
        var id = incidentId.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AccessDenied && e.ActorName == account.Email
            && e.EntityType == "Incident" && e.EntityId == id, Ct));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Exported && e.ActorName == account.Email, Ct));
    }

    [Fact]
    public async Task The_download_holds_the_filtered_events_and_the_export_is_recorded()
    {
        var (incidentId, shared, @internal) = await SeedAsync();
        var account = await TestAccounts.CreateAsync(fixture.Host, AppRoles.PrivacyOfficer);
        using var officer = fixture.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(officer, account)).Dispose();

        var csv = await officer.GetStringAsync(Url(incidentId, "csv", "?kind=Action&kind=Bogus"), Ct);

        Assert.Contains(@internal, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(shared.Replace("\"", "\"\"", StringComparison.Ordinal), csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Fato\"", csv, StringComparison.Ordinal);

        using var bySource = JsonDocument.Parse(await officer.GetStringAsync(Url(incidentId, "json", $"?source={Uri.EscapeDataString("@equipe " + @internal[^8..])}"), Ct));
        Assert.Equal([@internal], bySource.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("title").GetString()));

        await using var db = fixture.CreateDb();
        var exports = await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.Exported && e.ActorName == account.Email)
            .OrderBy(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal(2, exports.Count);
        Assert.All(exports, e => Assert.Equal(("Incident", incidentId.ToString(CultureInfo.InvariantCulture)), (e.EntityType, e.EntityId)));
        Assert.StartsWith("timeline csv: ", exports[0].Changes, StringComparison.Ordinal);
        Assert.Contains("kinds=Action; source=all", exports[0].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        using var anonymous = fixture.Host.CreateBrowserClient();

        using var response = await anonymous.GetAsync(Url(incidentId, "csv"), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
