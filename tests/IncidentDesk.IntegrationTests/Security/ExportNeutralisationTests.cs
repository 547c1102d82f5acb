using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.IntegrationTests.Api;
using IncidentDesk.IntegrationTests.Campaigns;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Notifications.Versions;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Security;

/// <summary>
/// Every export, fed the nastiest text the API and the forms accept and older rows hold — control characters, formula prefixes, the longest
/// text allowed in one unbroken word, right-to-left script, emoji, markup — answers 200 with that text neutralised: CSV cells
/// never start a formula, workbooks and Word files hold only characters XML allows, Markdown escapes markup.
/// </summary>
public sealed class ExportNeutralisationTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private const string Hebrew = "שלום עולם";
    private const string Emoji = "🚨👩‍⚕️";
    private const string Markup = "<img src=x onerror=alert(1)> [clique](javascript:alert(2)) <script>alert(3)</script>";
    private static readonly string Nasty = $"=HYPERLINK(\"http://evil.example\") \u000b\u0001\u001f {Markup} \u202Eodnum\u202C {Hebrew} {Emoji} @SUM(1) +1 -1";

    // The API, the forms and the services refuse control characters; older rows (a task answer saved before they did, a
    // co-op's name) may still hold them.
    private static readonly string Typed = new([.. Nasty.Where(c => !char.IsControl(c))]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_export_answers_200_with_hostile_text_neutralised()
    {
        var (incidentId, coopId, campaignId, versionId) = await ArrangeHostileRecordAsync();
        var officer = await TestAccounts.CreateAsync(fixture.Host, AppRoles.PrivacyOfficer);
        using var browser = fixture.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(browser, officer)).Dispose();

        foreach (var csv in new[] { "coops/export/csv", "register/csv", $"incidents/{incidentId}/timeline/csv", $"campaigns/{campaignId}/matrix/csv" })
        {
            var text = Encoding.UTF8.GetString(await DownloadAsync(browser, csv));
            Assert.Contains(Hebrew, text, StringComparison.Ordinal);
            Assert.Contains("\"'=HYPERLINK", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"=HYPERLINK", text, StringComparison.Ordinal);
        }

        Assert.Contains(Hebrew, Encoding.UTF8.GetString(await DownloadAsync(browser, $"incidents/{incidentId}/timeline/json")), StringComparison.Ordinal);

        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await DownloadAsync(browser, $"campaigns/{campaignId}/matrix/xlsx")), false))
        {
            var cells = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText;
            Assert.Contains(Hebrew, cells, StringComparison.Ordinal);
            Assert.Contains(Emoji, cells, StringComparison.Ordinal);
            Assert.DoesNotContain('\u000b', cells);
        }

        foreach (var markdown in new[] { $"incidents/{incidentId}/drafts/{coopId}/AnpdComplete/md", $"incidents/{incidentId}/drafts/versions/{versionId}/md" })
        {
            var text = Encoding.UTF8.GetString(await DownloadAsync(browser, markdown));
            Assert.Contains(@"\<img src=x onerror=alert(1)\>", text, StringComparison.Ordinal);
            Assert.Contains(@"\[clique\](javascript:alert(2))", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<img", text.Replace(@"\<img", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("<script", text.Replace(@"\<script", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain('\u000b', text);
        }

        using (var document = WordprocessingDocument.Open(new MemoryStream(await DownloadAsync(browser, $"incidents/{incidentId}/drafts/versions/{versionId}/docx")), false))
        {
            var body = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains(Hebrew, body, StringComparison.Ordinal);
            Assert.Contains("<img src=x onerror=alert(1)>", body, StringComparison.Ordinal);
        }

        var pdf = await DownloadAsync(browser, $"incidents/{incidentId}/drafts/versions/{versionId}/pdf");
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
    }

    private static async Task<byte[]> DownloadAsync(HttpClient browser, string path)
    {
        using var response = await browser.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    /// <summary>
    /// The reference incident corrected over the API with a hostile title and the longest summary allowed as one word, a hostile
    /// fact on its timeline, a campaign answered with the same text, a co-op's name changed to it, and a draft version saved.
    /// </summary>
    private async Task<(int Incident, int Coop, int Campaign, int Version)> ArrangeHostileRecordAsync()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        using var api = await ApiClient.ForAsync(fixture.Host, AppRoles.PrivacyOfficer);
        var reportedAt = DateTimeOffset.UtcNow.AddDays(-3);
        var summary = (Typed + " " + new string('x', 8000))[..8000].Replace(' ', '_');
        using (var updated = await api.PutAsync($"api/v1/incidents/{ApiClient.Id(incidentId)}", new
        {
            title = Typed, summary, source = "SecurityResearcher", severity = "High", reportedAt, reporterName = Typed,
            dataCategories = "Identification, Health",
        }))
        {
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        }

        var yesterday = DateTime.UtcNow.AddDays(-1);
        using (var fact = await api.PostAsync($"api/v1/incidents/{ApiClient.Id(incidentId)}/timeline", new
        {
            occurredAt = new { year = yesterday.Year, month = yesterday.Month, day = yesterday.Day, precision = "Day" },
            title = Typed, source = Typed, sharedWithCoops = true,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, fact.StatusCode);
        }

        var campaign = await FollowUpCampaign.LaunchAsync(fixture, "Contenção — Acre " + Guid.NewGuid().ToString("N")[..6], Ct);
        await campaign.AnswerAsync(campaign.CoopCodes[0], 1, CoopTaskStatus.Done, Typed, Ct);
        // The task service refuses control characters now; an answer saved before it did still holds them.
        await using (var db = fixture.CreateDb())
        {
            var answered = await db.CoopTasks.Where(t => t.CampaignId == campaign.Id && t.CampaignTask!.Order == 1)
                .Join(db.Coops.Where(c => c.Code == campaign.CoopCodes[0]), t => t.CoopId, c => c.Id, (t, _) => t).SingleAsync(Ct);
            await db.ArrangeAsync(_ =>
            {
                answered.Answer = Nasty + " " + new string('y', TaskStatusRules.MaxAnswer - Nasty.Length - 1);
                return Task.CompletedTask;
            }, Ct);
        }

        int coopId;
        await using (var db = fixture.CreateDb())
        {
            var coop = await db.Coops.SingleAsync(c => c.Code == "SP-004", Ct);
            coopId = coop.Id;
            var other = await db.Coops.SingleAsync(c => c.Code == "AC-001", Ct);
            await db.ArrangeAsync(_ =>
            {
                other.Name = Nasty;
                return Task.CompletedTask;
            }, Ct);
        }

        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var versions = officer.ServiceProvider.GetRequiredService<DraftVersionService>();
        var saved = await versions.SaveGeneratedAsync(incidentId, coopId, DraftKind.AnpdPreliminary, Ct);
        Assert.True(saved.Succeeded, string.Join(", ", saved.Errors));
        return (incidentId, coopId, campaign.Id, saved.Value);
    }
}
