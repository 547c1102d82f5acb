using IncidentDesk.Core.Mail;
using IncidentDesk.IntegrationTests.Mail;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Admin.Onboarding;
using IncidentDesk.Web.Features.Coops;
using IncidentDesk.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.ScaleOut;

/// <summary>
/// Two instances sending from one outbox on PostgreSQL: every row is claimed by one of them only (a lease, taken with
/// FOR UPDATE SKIP LOCKED), so each of 340 invitations reaches the SMTP server once.
/// </summary>
[StartsFirst]
[Requires(TestServer.PostgreSql)]
public sealed class MailTwoInstanceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_instances_on_postgresql_send_each_outbox_row_exactly_once()
    {
        var database = ThrowawayPostgres.Shared.CreateDatabase(seeded: true);
        try
        {
            await using var smtp = TestSmtpServer.Start();
            // Small batches, so the two senders keep claiming side by side.
            var shared = new Dictionary<string, string?>
            {
                [Data.DeskDatabase.ProviderKey] = nameof(Data.DatabaseProvider.PostgreSQL),
                ["ConnectionStrings:IncidentDesk"] = database,
                ["IncidentDesk:Mail:BatchSize"] = "10",
                ["IncidentDesk:Mail:SendEnabled"] = "false",
            };
            // The first instance queues with its sender off, as if both senders had been busy meanwhile.
            await using var a = MailDesk.Start(shared, smtp);

            int invited;
            await using (var officer = Audit.ActingAs.Scope(a.Host, AppRoles.PrivacyOfficer))
            {
                var result = await officer.ServiceProvider.GetRequiredService<OnboardingService>()
                    .InviteAsync(new OnboardingRequest(new CoopFilters(null, null), OnboardingSource.Encarregado), Ct);
                invited = result.Value;
            }

            Assert.Equal(340, invited);
            // Both instances start sending only now, with the whole outbox waiting: they compete for every batch.
            await using var senderA = MailDesk.Start(new Dictionary<string, string?>(shared) { ["IncidentDesk:Mail:SendEnabled"] = "true" }, smtp, bootstrapOfficer: false);
            await using var senderB = MailDesk.Start(new Dictionary<string, string?>(shared) { ["IncidentDesk:Mail:SendEnabled"] = "true" }, smtp, bootstrapOfficer: false);

            var received = await smtp.WaitForCountAsync(340, TimeSpan.FromSeconds(90));
            var rows = await a.UntilAsync(all => all.Count(r => r.State == MailState.Sent) == 340, TimeSpan.FromSeconds(30));
            Assert.Equal(340, received.Select(m => m.Message.MessageId).Distinct().Count());
            Assert.Equal(340, received.Count);
            Assert.All(rows, r => Assert.Equal((MailState.Sent, 1), (r.State, r.Attempts)));
            Assert.Equal(rows.Select(r => r.MessageId).Order(StringComparer.Ordinal), received.Select(m => m.Message.MessageId).Order(StringComparer.Ordinal));
        }
        finally
        {
            await ThrowawayPostgres.Shared.DropDatabaseAsync(database);
        }
    }
}
