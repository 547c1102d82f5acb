using System.Net;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Mail;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Mail.MailLog;
using IncidentDesk.Web.Features.Mail.Preferences;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Mail;

/// <summary>A launch tells each co-op's liaison once, names the co-ops nobody can be told, and is not mailed twice by mistake.</summary>
public sealed class LaunchNoticeTests(MailDeskFixture fixture) : IClassFixture<MailDeskFixture>
{
    private MailDesk Desk => fixture.Desk;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_launch_to_340_coops_mails_one_notice_per_liaison_of_each_reachable_coop_and_names_the_unreachable()
    {
        List<(int Id, string Code)> coops;
        await using (var db = Desk.CreateDb())
        {
            coops = [.. (await db.Coops.OrderBy(c => c.Code).Select(c => new { c.Id, c.Code }).ToListAsync(Ct)).Select(c => (c.Id, c.Code))];
        }

        var unreachable = coops.TakeLast(3).ToList();
        var reachable = coops.SkipLast(3).ToList();
        HashSet<int> staffed;
        await using (var db = Desk.CreateDb())
        {
            staffed = [.. await db.Users.Where(u => u.CoopId != null).Select(u => u.CoopId!.Value).ToListAsync(Ct)];
        }

        var liaisons = await Desk.ArrangeLiaisonsAsync(reachable.Where(c => !staffed.Contains(c.Id)).Select(c => c.Id));
        // A second liaison of the first co-op who chose one digest a day: no notice at launch.
        var digestReader = Assert.Single(await Desk.ArrangeLiaisonsAsync([reachable[0].Id], MailDelivery.DailyDigest, "resumo"));

        var result = await Desk.LaunchAsync("Kafka exposto: conferir uso");

        Assert.True(result.Succeeded, result.ToString());
        // Every liaison who takes notices at once: one each, the 3 co-ops with nobody named instead.
        HashSet<string> addresses;
        await using (var db = Desk.CreateDb())
        {
            addresses = [.. await db.Users.Where(u => u.CoopId != null && u.IsActive && u.MailDelivery == MailDelivery.Immediate)
                .Select(u => u.Email!).ToListAsync(Ct)];
        }

        Assert.True(addresses.Count >= 337);
        Assert.Equal((addresses.Count, 0), (result.Value.Mail.Queued, result.Value.Mail.Held));
        Assert.Equal(unreachable.Select(c => c.Code), result.Value.Mail.UnreachableCoops);
        bool OfThisLaunch(ReceivedMail m) => addresses.Contains(m.To) && (m.Message.Subject ?? "").EndsWith(": Kafka exposto: conferir uso", StringComparison.Ordinal);
        var received = (await Desk.Smtp.WaitForAsync(r => r.Count(OfThisLaunch) >= addresses.Count, TimeSpan.FromSeconds(60)))
            .Where(OfThisLaunch).ToList();
        Assert.Equal(addresses.Count, received.Count);
        Assert.Equal(addresses.Order(StringComparer.Ordinal), received.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Desk.Smtp.Received, m => m.To == digestReader.Email);

        var first = received.Single(m => m.To == liaisons[0].Email);
        var firstCode = coops.Single(c => c.Id == liaisons[0].CoopId).Code;
        Assert.Equal($"[INC-2026-0001] Novas tarefas para {firstCode}: Kafka exposto: conferir uso", first.Message.Subject);
        Assert.Equal(12, Enumerable.Range(1, 12).Count(i => first.Text.Contains($"Tarefa {i}: conferir exposição", StringComparison.Ordinal)));
        Assert.Contains(Desk.Host.BaseAddress.AbsoluteUri + "my-tasks", first.Text, StringComparison.Ordinal);
        Assert.Contains("horário de Brasília", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", first.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("List-Unsubscribe=One-Click", first.Message.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = first.Message.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.StartsWith(Desk.Host.BaseAddress.AbsoluteUri + "mail/unsubscribe?token=", unsubscribe, StringComparison.Ordinal);

        // RFC 8058: the mail client's one-click POST, no cookie, no antiforgery token, stops the person's non-critical mail.
        using var client = new HttpClient();
        using var body = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        using var answer = await client.PostAsync(new Uri(unsubscribe), body, Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        await using var check = Desk.CreateDb();
        Assert.Equal(MailDelivery.Off, await check.Users.Where(u => u.Id == liaisons[0].Id).Select(u => u.MailDelivery).SingleAsync(Ct));
        var entry = await check.AuditEntries.SingleAsync(e => e.Action == MailPreferencesService.UnsubscribedAction && e.EntityId == liaisons[0].Id, Ct);
        Assert.Equal(liaisons[0].Id, entry.ActorId);
    }

    [Fact]
    public async Task A_second_identical_launch_within_the_hour_is_held_until_an_officer_confirms_it()
    {
        int rj;
        await using (var db = Desk.CreateDb())
        {
            rj = await db.Coops.Where(c => c.Uf == "RJ").OrderBy(c => c.Code).Select(c => c.Id).FirstAsync(Ct);
            if (!await db.Users.AnyAsync(u => u.CoopId == rj, Ct))
            {
                await Desk.ArrangeLiaisonsAsync([rj]);
            }
        }

        var firstLaunch = await Desk.LaunchAsync("Revisar acessos", tasks: 2, audience: CampaignAudience.Uf, filter: "RJ");
        // Even a repeat the officer confirmed (the duplicate guard's reason given) holds its notices: co-ops were told an hour ago.
        var repeated = await Desk.LaunchAsync("Revisar acessos", tasks: 2, audience: CampaignAudience.Uf, filter: "RJ",
            duplicateReason: "Reenvio deliberado");

        Assert.True(firstLaunch.Value.Mail.Queued >= 1);
        Assert.Equal((0, firstLaunch.Value.Mail.Queued), (repeated.Value.Mail.Queued, repeated.Value.Mail.Held));
        var held = await Desk.OutboxAsync(q => q.Where(m => m.State == MailState.Held));
        Assert.Equal(repeated.Value.Mail.Held, held.Count);
        var recipient = held[0].ToAddress;
        var firstNotices = await Desk.UntilAsync(rows => rows.Where(r => r.ToAddress == recipient && r.State != MailState.Held).All(r => r.State == MailState.Sent));
        var before = firstNotices.Count(r => r.ToAddress == recipient && r.State == MailState.Sent);
        await Desk.Smtp.WaitForAsync(r => r.Count(m => m.To == recipient) == before);

        await using (var auditor = Audit.ActingAs.Scope(Desk.Host, AppRoles.Auditor))
        {
            // Auditors read the log; deciding what is sent is an officer's.
            Assert.True((await auditor.ServiceProvider.GetRequiredService<MailLogService>().ReleaseAsync(held[0].Id, Ct)).IsForbidden);
        }

        await using (var officer = Audit.ActingAs.Scope(Desk.Host, AppRoles.PrivacyOfficer))
        {
            var log = officer.ServiceProvider.GetRequiredService<MailLogService>();
            Assert.True((await log.ReleaseAsync(held[0].Id, Ct)).Succeeded);
            // A second decision on the same notice (another officer, a double click) changes nothing.
            Assert.True((await log.DiscardAsync(held[0].Id, Ct)).IsConflict);
            foreach (var other in held.Skip(1))
            {
                Assert.True((await log.DiscardAsync(other.Id, Ct)).Succeeded);
            }
        }

        await Desk.Smtp.WaitForAsync(r => r.Count(m => m.To == recipient) == before + 1);
        await Desk.UntilAsync(rows => rows.Single(r => r.Id == held[0].Id).State == MailState.Sent);
        Assert.All(await Desk.OutboxAsync(q => q.Where(m => held.Skip(1).Select(h => h.Id).Contains(m.Id))),
            m => Assert.Equal(MailState.Discarded, m.State));
        await using var check = Desk.CreateDb();
        var decisions = await check.AuditEntries.Where(e => e.Action == MailLogService.ReleasedAction || e.Action == MailLogService.DiscardedAction)
            .Where(e => held.Select(h => h.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Contains(e.EntityId!))
            .Select(e => new { e.Action, e.ActorName }).ToListAsync(Ct);
        Assert.Equal(held.Count, decisions.Count);
        Assert.Single(decisions, d => d.Action == MailLogService.ReleasedAction);
    }

    [Fact]
    public async Task An_officer_sends_or_discards_every_held_notice_at_once_with_one_audit_entry()
    {
        int pa;
        await using (var db = Desk.CreateDb())
        {
            pa = await db.Coops.Where(c => c.Uf == "PA").OrderBy(c => c.Code).Select(c => c.Id).FirstAsync(Ct);
            if (!await db.Users.AnyAsync(u => u.CoopId == pa, Ct))
            {
                await Desk.ArrangeLiaisonsAsync([pa]);
            }
        }

        await Desk.LaunchAsync("Trocar senhas do broker", tasks: 1, audience: CampaignAudience.Uf, filter: "PA");
        var repeated = await Desk.LaunchAsync("Trocar senhas do broker", tasks: 1, audience: CampaignAudience.Uf, filter: "PA",
            duplicateReason: "Reenvio deliberado");
        Assert.True(repeated.Value.Mail.Held >= 1);

        await using var officer = Audit.ActingAs.Scope(Desk.Host, AppRoles.PrivacyOfficer);
        var log = officer.ServiceProvider.GetRequiredService<MailLogService>();
        var shown = (await log.SearchAsync(new MailLogQuery(State: MailState.Held), Ct)).Value;
        Assert.Equal(shown.Total, shown.ByState[MailState.Held]);
        var discarded = await log.DecideAllHeldAsync(send: false, Ct);

        Assert.Equal(shown.Total, discarded.Value);
        Assert.Empty(await Desk.OutboxAsync(q => q.Where(m => m.State == MailState.Held)));
        Assert.Equal(0, (await log.DecideAllHeldAsync(send: true, Ct)).Value);
        await using var check = Desk.CreateDb();
        var entry = await check.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync(e => e.Action == MailLogService.DiscardedAction, Ct);
        Assert.Null(entry.EntityId);
        Assert.Contains($"\"Count\":{discarded.Value}", entry.Changes, StringComparison.Ordinal);
    }
}
