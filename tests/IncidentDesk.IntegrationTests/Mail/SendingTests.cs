using IncidentDesk.Core.Mail;
using IncidentDesk.Data;

using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Admin;
using IncidentDesk.Web.Features.Mail.MailLog;
using IncidentDesk.Web.Features.Mail.Sending;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Mail;

/// <summary>What the sender does with the server's answers, and with a desk that stopped between commit and send.</summary>
public sealed class SendingTests(MailDeskFixture fixture) : IClassFixture<MailDeskFixture>
{
    private MailDesk Desk => fixture.Desk;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> InviteAsync(MailDesk desk, string name)
    {
        var email = $"{name}{Guid.NewGuid().ToString("N")[..8]}@coop.example";
        await using var scope = Audit.ActingAs.Scope(desk.Host, AppRoles.PrivacyOfficer);
        var result = await scope.ServiceProvider.GetRequiredService<InvitationService>().InviteAsync(email, AppRoles.Auditor, null, Ct);
        Assert.True(result.Succeeded, result.ToString());
        return email;
    }

    [Fact]
    public async Task A_421_is_tried_again_after_a_back_off_and_the_mail_is_delivered_once()
    {
        Desk.Smtp.AnswerNext(421);
        var email = await InviteAsync(Desk, "retry");

        var received = await Desk.Smtp.WaitForAsync(r => r.Any(m => m.To == email));
        Assert.Single(received, m => m.To == email);
        Assert.Contains(421, Desk.Smtp.Refusals);
        var row = (await Desk.UntilAsync(rows => rows.Any(r => r.ToAddress == email && r.State == MailState.Sent))).Single(r => r.ToAddress == email);
        Assert.Equal(2, row.Attempts);
        Assert.StartsWith("250 ", row.LastAnswer, StringComparison.Ordinal);
        await using var db = Desk.CreateDb();
        var actions = await db.AuditEntries.Where(e => e.EntityType == nameof(OutboxMail) && e.EntityId == row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct);
        Assert.Equal([SendRecorder.DeferredAction, SendRecorder.SentAction], actions);
    }

    [Fact]
    public async Task A_550_fails_the_mail_shows_the_answer_to_officers_and_auditors_and_an_officer_can_send_it_again()
    {
        Desk.Smtp.AnswerNext(550);
        var email = await InviteAsync(Desk, "refused");

        var failed = (await Desk.UntilAsync(rows => rows.Any(r => r.ToAddress == email && r.State == MailState.Failed))).Single(r => r.ToAddress == email);
        Assert.Equal(1, failed.Attempts);
        Assert.StartsWith("550 ", failed.LastAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain(Desk.Smtp.Received, m => m.To == email);

        await using (var auditor = Audit.ActingAs.Scope(Desk.Host, AppRoles.Auditor))
        {
            var log = auditor.ServiceProvider.GetRequiredService<MailLogService>();
            var page = await log.SearchAsync(new MailLogQuery(State: MailState.Failed, Recipient: email), Ct);
            var shown = Assert.Single(page.Value.Rows);
            Assert.Equal((MailKind.Invitation, failed.LastAnswer), (shown.Kind, shown.LastAnswer));
            Assert.True((await log.ResendAsync(failed.Id, Ct)).IsForbidden);
        }

        await using (var liaison = Audit.ActingAs.Scope(Desk.Host, AppRoles.CoopLiaison, await Desk.CoopIdAsync("SP-004")))
        {
            Assert.True((await liaison.ServiceProvider.GetRequiredService<MailLogService>().SearchAsync(new MailLogQuery(), Ct)).IsForbidden);
            await using var db = await liaison.ServiceProvider.GetRequiredService<IDbContextFactory<IncidentDeskDbContext>>().CreateDbContextAsync(Ct);
            Assert.False(await db.OutboxMails.AnyAsync(Ct));
        }

        await using (var officer = Audit.ActingAs.Scope(Desk.Host, AppRoles.PrivacyOfficer))
        {
            Assert.True((await officer.ServiceProvider.GetRequiredService<MailLogService>().ResendAsync(failed.Id, Ct)).Succeeded);
        }

        await Desk.Smtp.WaitForAsync(r => r.Any(m => m.To == email));
        var sent = (await Desk.UntilAsync(rows => rows.Any(r => r.Id == failed.Id && r.State == MailState.Sent))).Single(r => r.Id == failed.Id);
        Assert.Equal(failed.MessageId, sent.MessageId);
        Assert.Single(Desk.Smtp.Received, m => m.To == email);
        await using var check = Desk.CreateDb();
        Assert.Equal(1, await check.AuditEntries.CountAsync(e => e.Action == MailLogService.ResentAction && e.EntityId == failed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));
        Assert.Equal(1, await check.AuditEntries.CountAsync(e => e.Action == SendRecorder.FailedAction && e.EntityId == failed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));
    }

    [Fact]
    public async Task A_desk_stopped_after_the_commit_and_before_the_send_delivers_after_its_restart_once()
    {
        var database = SharedDatabase.Create();
        try
        {
            await using var smtp = TestSmtpServer.Start();
            string email;
            await using (var stopped = MailDesk.Start(new Dictionary<string, string?>
                {
                    ["ConnectionStrings:IncidentDesk"] = database, ["IncidentDesk:Mail:SendEnabled"] = "false",
                }, smtp))
            {
                email = await InviteAsync(stopped, "restart");
                var queued = Assert.Single(await stopped.OutboxAsync(q => q.Where(m => m.ToAddress == email)));
                Assert.Equal(MailState.Queued, queued.State);
                // As if a sender had claimed it and died mid-send: its lease simply runs out.
                await using var db = stopped.CreateDb();
                await db.ArrangeAsync(d => d.OutboxMails.Where(m => m.Id == queued.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.LeaseOwner, "crashed-instance").SetProperty(m => m.LeaseUntilUtc, DateTime.UtcNow.AddMinutes(-1)), Ct), Ct);
            }

            Assert.Empty(smtp.Received);
            await using var restarted = MailDesk.Start(new Dictionary<string, string?> { ["ConnectionStrings:IncidentDesk"] = database }, smtp,
                bootstrapOfficer: false);
            await smtp.WaitForAsync(r => r.Any(m => m.To == email));
            var row = (await restarted.UntilAsync(rows => rows.Any(r => r.ToAddress == email && r.State == MailState.Sent))).Single(r => r.ToAddress == email);
            Assert.Equal(1, row.Attempts);
            Assert.Single(smtp.Received, m => m.To == email);
        }
        finally
        {
            await SharedDatabase.DropAsync(database);
        }
    }
}

/// <summary>A database two hosts use one after the other (or at once), outside either host's lifetime.</summary>
internal static class SharedDatabase
{
    public static string Create() => IncidentDeskHost.Provider == DatabaseProvider.PostgreSQL
        ? ThrowawayPostgres.Shared.CreateDatabase(seeded: true)
        : $"Data Source={IncidentDeskHost.CopySeededDatabase(Path.Combine(Directory.CreateTempSubdirectory("incidentdesk-mail-").FullName, "incidentdesk.db"))}";

    public static async Task DropAsync(string connectionString)
    {
        if (IncidentDeskHost.Provider == DatabaseProvider.PostgreSQL)
        {
            await ThrowawayPostgres.Shared.DropDatabaseAsync(connectionString);
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var folder = Path.GetDirectoryName(connectionString["Data Source=".Length..])!;
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
