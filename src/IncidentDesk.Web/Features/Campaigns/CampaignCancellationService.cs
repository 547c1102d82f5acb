using System.Globalization;
using System.Text.Json;

using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Figures;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;

using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Campaigns;

/// <summary>
/// Withdraws a campaign launched by mistake (officers only). Its unanswered co-op tasks close as Cancelled — terminal,
/// answered by nobody, never pending, overdue or reminded — while answered tasks stay as the co-ops left them. The campaign
/// keeps who cancelled it, when and why. One transaction, one audit entry, one timeline event; the change feed tells open
/// matrices and liaisons' task lists.
/// </summary>
public sealed class CampaignCancellationService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time, IChangeFeed feed)
{
    public const string CancelledAction = AuditActions.CampaignCancelled;

    /// <summary>CampaignResource key of the refusal to cancel twice: {0} who cancelled it, {1} when.</summary>
    public const string AlreadyCancelledKey = "Cancel.AlreadyCancelled";

    public async Task<Result<CancelledCampaign>> CancelAsync(int campaignId, string? reason, CancellationToken cancellationToken = default)
    {
        var id = campaignId.ToString(CultureInfo.InvariantCulture);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Campaign), id, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return Result.NotFound();
        }

        if (campaign.CancelledAtUtc is { } cancelledAt)
        {
            return Result.ConflictWith(CampaignError.AlreadyCancelled, AlreadyCancelledKey,
                new CampaignCancellation(campaign.CancelledBy ?? "", cancelledAt, campaign.CancellationReason ?? ""));
        }

        var errors = new FieldErrors();
        FieldRules.Text(errors, CampaignField.Reason, reason, CampaignLimits.Reason, required: true);
        if (errors.Count > 0)
        {
            return errors.ToFailure();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var why = reason!.Trim();
        var by = AutoEventText.Limit(user.Name, 256);
        campaign.CancelledAtUtc = now;
        campaign.CancelledBy = by;
        campaign.CancellationReason = why;
        int withdrawn, kept;
        await using (var transaction = await audit.BeginTransactionAsync(db, cancellationToken))
        {
            // One statement for up to 340 × 30 tasks; the audited transaction admits it and the entry below describes it.
            withdrawn = await db.CoopTasks.Where(t => t.CampaignId == campaignId
                    && t.Status != CoopTaskStatus.Done && t.Status != CoopTaskStatus.NotApplicable && t.Status != CoopTaskStatus.Cancelled)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.Status, CoopTaskStatus.Cancelled)
                    .SetProperty(t => t.Note, why)
                    .SetProperty(t => t.UpdatedAtUtc, now)
                    .SetProperty(t => t.UpdatedBy, by)
                    .SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);
            kept = await db.CoopTasks.CountAsync(t => t.CampaignId == campaignId
                && (t.Status == CoopTaskStatus.Done || t.Status == CoopTaskStatus.NotApplicable), cancellationToken);
            db.TimelineEvents.Add(AutomaticEvents.Create(campaign.IncidentId, TimelineEventKind.Task, now,
                $"Campanha cancelada: {campaign.Title}",
                string.Create(CultureInfo.GetCultureInfo("pt-BR"), $"{withdrawn} tarefa(s) retirada(s), {kept} resposta(s) mantida(s). Motivo: {why}"),
                user.Name));
            await audit.SaveChangesAsync(db, new AuditRecord(CancelledAction, nameof(Campaign), id, JsonSerializer.Serialize(new
            {
                campaign.IncidentId, campaign.Title, Reason = why, Withdrawn = withdrawn, KeptAnswered = kept,
            })), cancellationToken: cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await feed.PublishAsync(ChangeKind.Campaign, campaign.IncidentId, user, time, campaign.Id, cancellationToken: cancellationToken);
        return Result.Success(new CancelledCampaign(campaign.Id, withdrawn, kept));
    }
}
