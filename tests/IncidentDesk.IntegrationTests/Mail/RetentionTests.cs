using IncidentDesk.Core.Mail;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Mail.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Mail;

/// <summary>Mail bodies hold addresses and links: erased after the retention period, while the log line and its audit stay.</summary>
public sealed class RetentionTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bodies_older_than_90_days_are_erased_once_sent_or_failed_but_a_waiting_mail_keeps_its_own()
    {
        var now = DateTime.UtcNow;
        var tag = Guid.NewGuid().ToString("N")[..8];
        OutboxMail Mail(string name, MailState state, int daysAgo) => new()
        {
            Kind = MailKind.LiaisonDigest, State = state, DedupKey = $"{name}.{tag}", MessageId = $"{name}.{tag}@test", ToAddress = $"{name}.{tag}@coop.example",
            Subject = "Tarefas", TextBody = "Olá", HtmlBody = "<p>Olá</p>", Fingerprint = $"{name}.{tag}", CreatedAtUtc = now.AddDays(-daysAgo),
            NextAttemptAtUtc = now.AddDays(-daysAgo),
        };
        await using (var db = fixture.CreateDb())
        {
            db.OutboxMails.AddRange(Mail("velho", MailState.Sent, 91), Mail("falhou", MailState.Failed, 120), Mail("recente", MailState.Sent, 89),
                Mail("esperando", MailState.Retrying, 95));
            await db.SaveArrangedAsync(Ct);
        }

        var erased = await fixture.Host.Services.GetRequiredService<MailRetention>().EraseAsync(now, Ct);

        Assert.True(erased >= 2);
        await using var check = fixture.CreateDb();
        var rows = await check.OutboxMails.Where(m => m.DedupKey.EndsWith(tag)).ToDictionaryAsync(m => m.DedupKey.Split('.')[0], Ct);
        Assert.Null(rows["velho"].TextBody);
        Assert.Null(rows["falhou"].HtmlBody);
        Assert.NotNull(rows["velho"].BodyErasedAtUtc);
        Assert.Equal("Olá", rows["recente"].TextBody);
        Assert.Equal("Olá", rows["esperando"].TextBody);
        Assert.Equal(MailState.Sent, rows["velho"].State);
        var entry = await check.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync(e => e.Action == MailRetention.ErasedAction, Ct);
        Assert.Equal("system:mail", entry.ActorName);
    }
}
