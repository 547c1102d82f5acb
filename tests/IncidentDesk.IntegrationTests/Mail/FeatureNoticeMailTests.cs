using IncidentDesk.Core.Exposure;
using IncidentDesk.Core.Mail;
using IncidentDesk.Data.Audit;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Exposure.Findings;
using IncidentDesk.Web.Features.Exposure.Probe;
using IncidentDesk.Web.Features.Reports.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Mail;

/// <summary>
/// Other features reach people through the same outbox: an exposed broker reaches its co-op's liaisons at once (whatever
/// their digest choice), once per finding; an outside reporter is told their status page has news, never the news itself.
/// </summary>
public sealed class FeatureNoticeMailTests(MailDeskFixture fixture) : IClassFixture<MailDeskFixture>
{
    private MailDesk Desk => fixture.Desk;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_exposure_finding_mails_every_liaison_of_its_coop_once_even_one_on_a_daily_digest()
    {
        var coopId = await Desk.CoopIdAsync("SP-002");
        var immediate = Assert.Single(await Desk.ArrangeLiaisonsAsync([coopId], MailDelivery.Immediate, "exposicao"));
        var digest = Assert.Single(await Desk.ArrangeLiaisonsAsync([coopId], MailDelivery.DailyDigest, "exposicao-resumo"));
        int endpointId;
        await using (var db = Desk.CreateDb())
        {
            var now = DateTime.UtcNow;
            var endpoint = new BrokerEndpoint
            {
                CoopId = coopId, Host = "kafka.sp.example", Port = 9092, DeclaredAtUtc = now, DeclaredBy = immediate.Email!,
                AuthorizedAtUtc = now, AuthorizedBy = immediate.Email!,
            };
            db.BrokerEndpoints.Add(endpoint);
            await db.SaveArrangedAsync(Ct);
            endpointId = endpoint.Id;
        }

        var recorder = Desk.Host.Services.GetRequiredService<CheckRecorder>();
        var exposed = new ProbeResult(ExposureOutcome.Exposed, CheckDetail.TopicsListed, TimeSpan.FromMilliseconds(9), "203.0.113.7:9092",
            ["chatbot.conversas", "beneficiarios", "agendamentos"]);
        await recorder.RecordAsync(null, endpointId, exposed, new AuditActor(null, "system:exposure-watch"), Ct);
        await recorder.RecordAsync(null, endpointId, exposed, new AuditActor(null, "system:exposure-watch"), Ct);

        var received = (await Desk.Smtp.WaitForAsync(r => r.Count(m => m.To == immediate.Email || m.To == digest.Email) >= 2))
            .Where(m => m.To == immediate.Email || m.To == digest.Email).ToList();
        Assert.Equal([digest.Email, immediate.Email], received.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(received, m =>
        {
            Assert.Equal("[SP-002] Broker exposto na internet: kafka.sp.example:9092", m.Message.Subject);
            Assert.Contains("listou 3 tópico(s)", m.Text, StringComparison.Ordinal);
            Assert.Contains("/my-tasks", m.Link("http"), StringComparison.Ordinal);
        });
        // The repeated check found the same open finding: it queued nothing more.
        var rows = await Desk.OutboxAsync(q => q.Where(o => o.Kind == MailKind.ExposureFinding && o.CoopId == coopId));
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task A_reporter_is_told_of_news_by_reference_and_link_only_once_an_hour()
    {
        var notifier = Desk.Host.Services.GetRequiredService<IReporterNotifier>();

        await notifier.UpdateAvailableAsync(new ReporterNotice("pesquisadora@seguranca.example", "RPT-2026-0042"), Ct);
        await notifier.UpdateAvailableAsync(new ReporterNotice("pesquisadora@seguranca.example", "RPT-2026-0042"), Ct);

        var mail = Assert.Single(await Desk.Smtp.WaitForAsync(r => r.Any(m => m.To == "pesquisadora@seguranca.example")),
            m => m.To == "pesquisadora@seguranca.example");
        Assert.Equal("RPT-2026-0042: há novidades sobre o seu relato", mail.Message.Subject);
        Assert.Contains("/report/status", mail.Link("http"), StringComparison.Ordinal);
        var rows = await Desk.OutboxAsync(q => q.Where(o => o.Kind == MailKind.ReporterUpdate && o.ToAddress == "pesquisadora@seguranca.example"));
        Assert.Single(rows);
        await using var db = Desk.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "SecurityReport" && e.EntityId == "RPT-2026-0042" && e.ActorName == "system:mail", Ct));
    }
}
