using System.Globalization;
using System.Text.Json;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Mail;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Mail;

/// <summary>What a launch did by mail: notices queued (or held as a repeat), and the co-ops nobody could be told.</summary>
public sealed record LaunchMail(int Queued, int Held, IReadOnlyList<string> UnreachableCoops)
{
    public static LaunchMail None { get; } = new(0, 0, []);
}

/// <summary>
/// One notice per liaison of each co-op of a launch (never one per task), listing the new tasks with their due days and a
/// link to /my-tasks; queued in the launch's own transaction. Liaisons who chose a daily digest get the tasks in the next
/// one; co-ops with no active liaison are reported as unreachable.
/// </summary>
public sealed class LaunchNotices(MailOutbox outbox, MailComposer composer, AuditLog audit)
{
    public const string QueuedAction = "Mail.Queued";

    public async Task<LaunchMail> QueueAsync(
        IncidentDeskDbContext db, Incident incident, Campaign campaign, IReadOnlyList<int> coopIds, DateTime nowUtc,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(coopIds);
        var liaisons = await MailRecipients.LiaisonsAsync(db, coopIds, cancellationToken);
        var coops = await db.Coops.AsNoTracking().Where(c => coopIds.Contains(c.Id)).OrderBy(c => c.Code)
            .Select(c => new { c.Id, c.Code, c.Name }).ToListAsync(cancellationToken);
        List<NoticeTask> tasks = [.. campaign.Tasks.OrderBy(t => t.Order).Select(t => new NoticeTask(t.Title, t.DueAtUtc))];
        var campaignKey = string.Create(CultureInfo.InvariantCulture, $"campaign:{campaign.Id}");
        var drafts = new List<MailDraft>();
        foreach (var coop in coops)
        {
            var mail = new CampaignNoticeMail(coop.Code, coop.Name, incident.Reference, incident.Title, campaign.Title, tasks);
            drafts.AddRange(liaisons[coop.Id].Where(l => l.Delivery == MailDelivery.Immediate).Select(to => new MailDraft(
                MailKind.CampaignNotice, to.Address, to.Name, to.UserId, coop.Id, MailKeys.For(to.Address, MailKind.CampaignNotice, campaignKey, "-"),
                to.Culture, composer.CampaignNotice(to.Culture, to, mail))));
        }

        var rows = await outbox.AddAsync(db, drafts, nowUtc, cancellationToken);
        var result = new LaunchMail(rows.Count(r => r.State == MailState.Queued), rows.Count(r => r.State == MailState.Held),
            [.. coops.Where(c => !liaisons.Contains(c.Id)).Select(c => c.Code)]);
        if (rows.Count > 0)
        {
            await audit.SaveChangesAsync(db, new AuditRecord(QueuedAction, nameof(Campaign), campaign.Id.ToString(CultureInfo.InvariantCulture),
                JsonSerializer.Serialize(new { Kind = nameof(MailKind.CampaignNotice), result.Queued, result.Held, Unreachable = result.UnreachableCoops.Count })),
                cancellationToken: cancellationToken);
        }

        return result;
    }

    /// <summary>After the launch committed: let this instance's sender start at once.</summary>
    public void Wake() => outbox.Wake();
}
