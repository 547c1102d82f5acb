using System.Globalization;
using System.Text.Json;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Intake;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Exposure.Findings;

/// <summary>The exposure-watch campaign findings are added to, with its incident.</summary>
internal sealed record WatchCampaign(int IncidentId, int CampaignId, bool Created);

/// <summary>
/// The federation-wide campaign whose tasks are the findings. Campaigns belong to an incident, so exposure watch keeps a
/// standing incident of its own — created with the first finding, classified as an exposure through misconfiguration,
/// with no co-op involved (so no LGPD clock runs and the register does not list it). It holds the campaign, the tasks'
/// timeline and their evidence exactly as any incident does, and officers follow it in the same progress matrix. Once
/// officers close it, the next finding opens a new one: a closed record is never reopened behind their back.
/// </summary>
internal static class ExposureWatchCampaign
{
    /// <summary>The open watch campaign, created (with its incident) inside the caller's audited transaction when there is none.</summary>
    public static async Task<WatchCampaign> CurrentAsync(
        IncidentDeskDbContext db, AuditTrail trail, AuditActor actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var open = await (
                from f in db.ExposureFindings.AsNoTracking()
                join c in db.Campaigns.AsNoTracking() on f.CampaignId equals c.Id
                join i in db.Incidents.AsNoTracking() on c.IncidentId equals i.Id
                where i.Status != IncidentStatus.Closed && i.Status != IncidentStatus.Dismissed
                orderby f.Id descending
                select new { c.IncidentId, CampaignId = c.Id })
            .FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            return new WatchCampaign(open.IncidentId, open.CampaignId, Created: false);
        }

        var incident = await CreateIncidentAsync(db, trail, actor, nowUtc, cancellationToken);
        var campaign = new Campaign
        {
            IncidentId = incident.Id, Title = ExposureRecordText.CampaignTitle, Audience = CampaignAudience.AllCoops,
            LaunchedAtUtc = nowUtc, LaunchedBy = actor.Name,
        };
        db.Campaigns.Add(campaign);
        db.TimelineEvents.Add(AutomaticEvents.Create(incident.Id, TimelineEventKind.Task, nowUtc,
            $"Campanha lançada: {campaign.Title}", "Uma tarefa por broker encontrado exposto, para a cooperativa que o declarou.", actor.Name));
        await db.SaveChangesAsync(cancellationToken);
        await trail.SaveChangesAsync(db, actor, new AuditRecord(CampaignService.LaunchedAction, nameof(Campaign),
            campaign.Id.ToString(CultureInfo.InvariantCulture),
            JsonSerializer.Serialize(new { campaign.IncidentId, campaign.Title, Audience = "ExposureWatch" })), cancellationToken);
        return new WatchCampaign(incident.Id, campaign.Id, Created: true);
    }

    private static async Task<Incident> CreateIncidentAsync(
        IncidentDeskDbContext db, AuditTrail trail, AuditActor actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var year = Core.Common.Brasilia.Day(nowUtc).Year;
        var prefix = $"{IncidentReference.Prefix}{year.ToString("D4", CultureInfo.InvariantCulture)}-";
        var existing = await db.Incidents.AsNoTracking().Where(i => i.Reference.StartsWith(prefix)).Select(i => i.Reference)
            .ToListAsync(cancellationToken);
        var incident = new Incident
        {
            Reference = IncidentReference.Next(year, existing).ToString(),
            Title = ExposureRecordText.IncidentTitle,
            Summary = ExposureRecordText.IncidentSummary,
            Status = IncidentStatus.Investigating,
            Severity = IncidentSeverity.High,
            Source = ReportSource.InternalDetection,
            ReportedAtUtc = nowUtc,
            KnowledgeAtUtc = nowUtc,
            AffectedSystems = ExposureRecordText.AffectedSystems,
            Type = IncidentType.MisconfigurationExposure,
            Impact = CiaImpact.Confidentiality,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
        db.Incidents.Add(incident);
        await trail.SaveChangesAsync(db, actor, cancellationToken: cancellationToken);
        db.TimelineEvents.Add(AutomaticEvents.Create(incident.Id, TimelineEventKind.Record, nowUtc, IncidentRecordText.Registered,
            IncidentRecordText.RegisteredDescription(incident.Reference, incident.Source), actor.Name));
        await trail.SaveChangesAsync(db, actor, cancellationToken: cancellationToken);
        return incident;
    }
}
