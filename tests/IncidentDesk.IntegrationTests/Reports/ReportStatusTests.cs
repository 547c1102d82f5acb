using System.Net;
using IncidentDesk.Core.Reports;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Reports.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Reports;

/// <summary>The reporter's status page: opened by the follow-up code only, showing the state and the officers' messages, taking replies.</summary>
public sealed class ReportStatusTests(ReportHostFixture fixture) : IClassFixture<ReportHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_code_opens_the_report_with_its_state_and_the_officers_messages_and_takes_a_reply()
    {
        using var reporter = fixture.Host.CreateBrowserClient();
        var (reference, code) = await ReportForm.SubmitAsync(reporter);
        var id = await IdOfAsync(reference);
        await using (var officer = fixture.Host.OperatorScope("Ana Encarregada"))
        {
            var acknowledged = await officer.ServiceProvider.GetRequiredService<ReportIntakeService>()
                .AcknowledgeAsync(id, "Recebemos e estamos verificando o broker.", Ct);
            Assert.True(acknowledged.Succeeded, acknowledged.ToString());
        }

        // Typed as a person copies it: lower case, spaces instead of dashes.
        using var status = await ReportForm.PostStatusAsync(reporter, code.ToLowerInvariant().Replace('-', ' '));
        var html = await status.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Contains($">{reference}<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"status-state\">Confirmado<", html, StringComparison.Ordinal);
        Assert.Contains("Recebemos e estamos verificando o broker.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana Encarregada", html, StringComparison.Ordinal); // the reporter reads "the federation", not who

        using var reply = await ReportForm.PostReplyAsync(reporter, code, "Obrigada! O tópico de chat continua aberto.");
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Contains("Resposta enviada.", await reply.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using var db = fixture.CreateDb();
        var thread = await db.SecurityReportMessages.Where(m => m.SecurityReportId == id).OrderBy(m => m.Id).ToListAsync(Ct);
        Assert.Equal([false, true], thread.Select(m => m.FromReporter));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SecurityReportMessage) && a.ActorName == $"reporter:{reference}", Ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("RPT-2026-0001")]
    public async Task A_wrong_code_opens_nothing_and_is_never_echoed(string code)
    {
        using var client = fixture.Host.CreateBrowserClient();
        await ReportForm.SubmitAsync(client);

        using var response = await ReportForm.PostStatusAsync(client, code);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Código não reconhecido", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"status-reference\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        if (code.Length > 0)
        {
            Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(code), html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_reply_with_a_wrong_code_stores_nothing()
    {
        using var client = fixture.Host.CreateBrowserClient();
        var marker = $"reply-{Guid.NewGuid():N}";

        using var response = await ReportForm.PostReplyAsync(client, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", marker);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = fixture.CreateDb();
        Assert.False(await db.SecurityReportMessages.AnyAsync(m => m.Body == marker, Ct));
    }

    private async Task<int> IdOfAsync(string reference)
    {
        await using var db = fixture.CreateDb();
        return await db.SecurityReports.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync(Ct);
    }
}
