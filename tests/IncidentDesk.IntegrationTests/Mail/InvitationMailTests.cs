using IncidentDesk.Core.Mail;

using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Admin;
using IncidentDesk.Web.Features.Admin.Onboarding;
using IncidentDesk.Web.Features.Coops;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Mail;

/// <summary>Invitations reach people by mail, one at a time or every co-op of the federation at once, each exactly once.</summary>
public sealed class InvitationMailTests(MailDeskFixture fixture) : IClassFixture<MailDeskFixture>
{
    private MailDesk Desk => fixture.Desk;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_invitation_arrives_by_mail_in_portuguese_and_its_link_opens_the_invitation_and_creates_the_account()
    {
        var email = $"rita{Guid.NewGuid().ToString("N")[..8]}@coop.example";
        var rj = await Desk.CoopIdAsync("RJ-001");
        InvitationLink link;
        await using (var scope = Audit.ActingAs.Scope(Desk.Host, AppRoles.PrivacyOfficer))
        {
            var result = await scope.ServiceProvider.GetRequiredService<InvitationService>().InviteAsync(email, AppRoles.CoopLiaison, rj, Ct);
            Assert.True(result.Succeeded, result.ToString());
            link = result.Value;
        }

        Assert.True(link.Mailed);
        var mail = (await Desk.Smtp.WaitForAsync(r => r.Any(m => m.To == email))).Single(m => m.To == email);
        Assert.Equal("Convite para o IncidentDesk da federação", mail.Message.Subject);
        Assert.Equal("desk@federacao.example", mail.Message.From.Mailboxes.Single().Address);
        Assert.Contains("como ponto focal da cooperativa CoopSaúde", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Aceitar o convite", mail.Html, StringComparison.Ordinal);
        Assert.Contains("horário de Brasília", mail.Html, StringComparison.Ordinal);
        // Critical mail: no way to switch it off, so no unsubscribe header.
        Assert.False(mail.Message.Headers.Contains("List-Unsubscribe"));
        Assert.Equal("auto-generated", mail.Message.Headers["Auto-Submitted"]);

        var url = mail.Link(Desk.Host.BaseAddress.AbsoluteUri + "account/invitation?token=");
        Assert.EndsWith(link.Path, url, StringComparison.Ordinal);
        using var client = Desk.Host.CreateBrowserClient();
        var page = await client.GetStringAsync(new Uri(url), Ct);
        Assert.Contains(email, page, StringComparison.Ordinal);
        Assert.Contains("RJ-001 — CoopSaúde", page, StringComparison.Ordinal);

        await using (var scope = Desk.Host.Services.CreateAsyncScope())
        {
            var token = Uri.UnescapeDataString(url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
            var accepted = await scope.ServiceProvider.GetRequiredService<InvitationService>().AcceptAsync(token, "Rita Ponto Focal", $"pw-{Guid.NewGuid():N}", Ct);
            Assert.True(accepted.Succeeded, accepted.ToString());
        }

        var row = Assert.Single(await Desk.OutboxAsync(q => q.Where(m => m.ToAddress == email)));
        Assert.Equal((MailState.Sent, 1, mail.Message.MessageId), (row.State, row.Attempts, row.MessageId));
        // The body held a single-use sign-up link: erased as soon as the server took it.
        Assert.Null(row.TextBody);
        Assert.NotNull(row.BodyErasedAtUtc);
        await using var db = Desk.CreateDb();
        var sent = await db.AuditEntries.Where(e => e.Action == "Mail.Sent" && e.EntityId == row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync(Ct);
        Assert.Equal("system:mail", Assert.Single(sent).ActorName);
        var token2 = url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Changes != null && e.Changes.Contains(token2), Ct), "the link's token reached the audit trail");
    }

    [Fact]
    public async Task Bulk_onboarding_of_all_340_coops_mails_each_one_invitation_exactly_once()
    {
        var request = new OnboardingRequest(new CoopFilters(null, null), OnboardingSource.Encarregado);
        OnboardingPreview preview;
        await using (var scope = Audit.ActingAs.Scope(Desk.Host, AppRoles.PrivacyOfficer))
        {
            var onboarding = scope.ServiceProvider.GetRequiredService<OnboardingService>();
            preview = (await onboarding.PreviewAsync(request, Ct)).Value;
            var expected = preview.Count(OnboardingOutcome.New);
            Assert.True(expected >= 338, $"only {expected} co-ops are new"); // the other test may have invited RJ-001's liaison
            Assert.Equal(340, preview.Lines.Count);
            var invited = await onboarding.InviteAsync(request, Ct);
            Assert.Equal(expected, invited.Value);

            // Confirming again invites nobody: every co-op now has an invitation pending.
            var again = (await onboarding.PreviewAsync(request, Ct)).Value;
            Assert.Equal(0, again.Count(OnboardingOutcome.New));
            Assert.Equal(expected, again.Count(OnboardingOutcome.Pending));
            Assert.False((await onboarding.InviteAsync(request, Ct)).Succeeded);
        }

        var addresses = preview.Lines.Where(l => l.Outcome == OnboardingOutcome.New).Select(l => l.Email!).ToHashSet(StringComparer.Ordinal);
        var received = await Desk.Smtp.WaitForAsync(r => addresses.All(a => r.Any(m => m.To == a)), TimeSpan.FromSeconds(60));
        var invitations = received.Where(m => addresses.Contains(m.To)).ToList();
        Assert.Equal(addresses.Count, invitations.Count);
        Assert.Equal(invitations.Count, invitations.Select(m => m.Message.MessageId).Distinct().Count());
        // The server has them all; each row is recorded right after its answer.
        var rows = (await Desk.UntilAsync(all => all.Where(r => addresses.Contains(r.ToAddress)).All(r => r.State == MailState.Sent)))
            .Where(r => r.Kind == MailKind.Invitation).ToList();
        Assert.All(rows.Where(r => addresses.Contains(r.ToAddress)), r => Assert.Equal((MailState.Sent, 1), (r.State, r.Attempts)));
        // Nothing is left that could be sent a second time.
        Assert.DoesNotContain(rows, r => r.State is MailState.Queued or MailState.Retrying);
        await using var db = Desk.CreateDb();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == OnboardingService.BulkCreatedAction, Ct));
    }

    [Fact]
    public async Task Header_injection_through_an_address_or_a_file_is_refused_and_nothing_is_queued()
    {
        var before = (await Desk.OutboxAsync()).Count;
        await using var scope = Audit.ActingAs.Scope(Desk.Host, AppRoles.PrivacyOfficer);
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();
        var refused = await invitations.InviteAsync("ana@coop.example\r\nBcc: todos@federacao.example", AppRoles.CoopLiaison, await Desk.CoopIdAsync("SP-004"), Ct);
        Assert.False(refused.Succeeded);
        Assert.Equal("InvalidEmail", Assert.Single(refused.Errors).Code);

        var file = System.Text.Encoding.UTF8.GetBytes("code;name;email\r\nAC-001;\"Ana\r\nBcc: todos@federacao.example\";ana@coop.example\r\n");
        var request = new OnboardingRequest(new CoopFilters("AC", null), OnboardingSource.CsvFile, file);
        var onboarding = scope.ServiceProvider.GetRequiredService<OnboardingService>();
        var preview = (await onboarding.PreviewAsync(request, Ct)).Value;
        var error = Assert.Single(preview.Errors);
        Assert.Equal(OnboardingCsvReason.InvalidName, error.Reason);
        Assert.Equal("Ana Bcc: todos@federacao.example", error.Value);
        Assert.False((await onboarding.InviteAsync(request, Ct)).Succeeded);
        Assert.Equal(before, (await Desk.OutboxAsync()).Count);
    }
}
