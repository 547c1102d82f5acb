using System.Net;
using System.Security.Cryptography;
using System.Text;
using IncidentDesk.Core.Reports;
using IncidentDesk.Testing;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.IntegrationTests.Reports;

/// <summary>The public form through real Kestrel: what it accepts, what it refuses, and that a refusal stores nothing.</summary>
public sealed class ReportFormTests(ReportHostFixture fixture) : IClassFixture<ReportHostFixture>
{
    private static readonly string[] OptionalFields =
        ["Input.ReporterName", "Input.ReporterOrganisation", "Input.ReporterEmail", "Input.HowFound", "Input.FoundOn", "Input.ProofOfConcept", "Input.OthersInformed"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_complete_report_gets_a_reference_and_a_code_of_which_only_the_hash_is_stored()
    {
        using var client = fixture.Host.CreateBrowserClient();

        var (reference, code) = await ReportForm.SubmitAsync(client);

        Assert.Matches(@"^RPT-\d{4}-\d{4}$", reference);
        Assert.Matches("^([A-Z2-9]{4}-){7}[A-Z2-9]{4}$", code); // 32 characters of 5 bits: 160 bits
        await using var db = fixture.CreateDb();
        var report = await db.SecurityReports.SingleAsync(r => r.Reference == reference, Ct);
        Assert.Equal(SecurityReportStatus.Received, report.Status);
        Assert.Equal("joana@pesquisa.example", report.ReporterEmail);
        Assert.True(report.ConsentToContact);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(code.Replace("-", "", StringComparison.Ordinal)))), report.FollowUpCodeHash);
        var stored = await db.SecurityReports.AsNoTracking().Where(r => r.Id == report.Id)
            .Select(r => r.Finding + r.Target + r.FollowUpCodeHash + r.ReporterName).SingleAsync(Ct);
        Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), stored, StringComparison.Ordinal);

        // Audited under the report, not the visitor: no address, and the code's hash redacted.
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(SecurityReport) && a.EntityId == report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);
        Assert.Equal($"reporter:{reference}", entry.ActorName);
        Assert.Null(entry.ClientIp);
        Assert.DoesNotContain(report.FollowUpCodeHash, entry.Changes ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("wrong-number")]
    [InlineData("forged-signature")]
    [InlineData("garbage")]
    public async Task A_missing_or_invalid_proof_of_work_is_refused_and_nothing_is_stored(string kind)
    {
        using var client = fixture.Host.CreateBrowserClient();
        var page = await ReportForm.OpenAsync(client);
        var finding = $"pow-{kind}-{Guid.NewGuid():N}";
        var form = ReportForm.Filled(page, f => f["Input.Finding"] = finding);
        form["Input.Altcha"] = kind switch
        {
            "missing" => "",
            "wrong-number" => Tamper(form["Input.Altcha"], "number", "999999999"),
            "forged-signature" => Tamper(form["Input.Altcha"], "signature", new string('a', 64)),
            _ => "not base64 at all!",
        };

        using var response = await ReportForm.PostAsync(client, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("data-testid=\"report-error\"", html, StringComparison.Ordinal);
        Assert.Contains(kind == "missing" ? "ainda não terminou" : "expirou ou não confere", html, StringComparison.Ordinal);
        Assert.Contains(finding, html, StringComparison.Ordinal); // what was typed is kept in the form
        await AssertNotStoredAsync(finding);
    }

    [Fact]
    public async Task A_solved_challenge_carries_one_report_only()
    {
        using var client = fixture.Host.CreateBrowserClient();
        var page = await ReportForm.OpenAsync(client);
        var form = ReportForm.Filled(page);
        using (var first = await ReportForm.PostAsync(client, form))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var replayed = $"replay-{Guid.NewGuid():N}";
        form["Input.Finding"] = replayed;
        using var second = await ReportForm.PostAsync(client, form);

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        await AssertNotStoredAsync(replayed);
    }

    [Fact]
    public async Task A_filled_honeypot_is_refused_vaguely_and_nothing_is_stored()
    {
        using var client = fixture.Host.CreateBrowserClient();
        var finding = $"honeypot-{Guid.NewGuid():N}";
        var form = ReportForm.Filled(await ReportForm.OpenAsync(client), f =>
        {
            f["Input.Finding"] = finding;
            f["Input.Website"] = "http://spam.example";
        });

        using var response = await ReportForm.PostAsync(client, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Não foi possível aceitar este envio", html, StringComparison.Ordinal);
        Assert.DoesNotContain("spam.example", html, StringComparison.Ordinal);
        await AssertNotStoredAsync(finding);
    }

    [Fact]
    public async Task A_forged_form_stamp_is_refused()
    {
        using var client = fixture.Host.CreateBrowserClient();
        var finding = $"stamp-{Guid.NewGuid():N}";
        var form = ReportForm.Filled(await ReportForm.OpenAsync(client), f =>
        {
            f["Input.Finding"] = finding;
            f["Input.Started"] = "CfDJ8forged";
        });

        using var response = await ReportForm.PostAsync(client, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNotStoredAsync(finding);
    }

    [Fact]
    public async Task A_post_without_a_valid_antiforgery_token_is_refused()
    {
        using var client = fixture.Host.CreateBrowserClient();
        var finding = $"csrf-{Guid.NewGuid():N}";
        var form = ReportForm.Filled(await ReportForm.OpenAsync(client), f => f["Input.Finding"] = finding);
        form["__RequestVerificationToken"] = "forged";
        using var forged = await ReportForm.PostAsync(client, form);
        form.Remove("__RequestVerificationToken");
        using var missing = await ReportForm.PostAsync(client, form);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        await AssertNotStoredAsync(finding);
    }

    [Fact]
    public async Task Every_field_has_a_limit_and_a_refusal_keeps_what_was_typed_without_echoing_it_in_a_message()
    {
        using var client = fixture.Host.CreateBrowserClient();
        var marker = $"limits-{Guid.NewGuid():N}";
        var form = ReportForm.Filled(await ReportForm.OpenAsync(client), f =>
        {
            f["Input.Finding"] = marker + new string('x', SecurityReport.FindingMax);
            f["Input.Target"] = new string('t', SecurityReport.TargetMax + 1);
            f["Input.HowFound"] = new string('h', SecurityReport.HowFoundMax + 1);
            f["Input.ProofOfConcept"] = new string('p', SecurityReport.ProofMax + 1);
            f["Input.OthersInformed"] = new string('o', SecurityReport.OthersInformedMax + 1);
            f["Input.ReporterName"] = new string('n', SecurityReport.NameMax + 1);
            f["Input.ReporterOrganisation"] = new string('g', SecurityReport.NameMax + 1);
            f["Input.ReporterEmail"] = "não é e-mail";
            f["Input.FoundOn"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            f["Input.CoopId"] = "987654";
        });

        using var response = await ReportForm.PostAsync(client, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        foreach (var id in new[] { "finding", "target", "how-found", "proof", "others", "name", "organisation", "email", "found-on" })
        {
            Assert.Contains($"id=\"{id}-error\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("Use no máximo 8000 caracteres.", html, StringComparison.Ordinal);
        Assert.Contains("Informe um e-mail válido", html, StringComparison.Ordinal);
        Assert.Contains(marker, html, StringComparison.Ordinal);
        Assert.DoesNotContain($"error\">{marker}", html, StringComparison.Ordinal);
        await AssertNotStoredAsync(marker);
    }

    [Fact]
    public async Task Consent_to_be_contacted_needs_an_email()
    {
        using var client = fixture.Host.CreateBrowserClient();
        var form = ReportForm.Filled(await ReportForm.OpenAsync(client), f => f["Input.ReporterEmail"] = "");

        using var response = await ReportForm.PostAsync(client, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"consent-error\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_without_any_personal_detail_is_accepted()
    {
        using var client = fixture.Host.CreateBrowserClient();

        var (reference, _) = await ReportForm.SubmitAsync(client, f =>
        {
            foreach (var field in OptionalFields)
            {
                f[field] = "";
            }

            f.Remove("Input.ConsentToContact");
        });

        await using var db = fixture.CreateDb();
        var report = await db.SecurityReports.SingleAsync(r => r.Reference == reference, Ct);
        Assert.Null(report.ReporterEmail);
        Assert.Null(report.FoundOn);
        Assert.False(report.ConsentToContact);
    }

    private async Task AssertNotStoredAsync(string marker)
    {
        await using var db = fixture.CreateDb();
        Assert.False(await db.SecurityReports.AnyAsync(r => r.Finding.Contains(marker), Ct));
    }

    private static string Tamper(string payload, string property, string value)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Convert.FromBase64String(payload))!;
        json[property] = property == "number" ? long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value;
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToJsonString()));
    }
}
