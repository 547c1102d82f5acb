using System.Globalization;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Incidents;

public sealed record IncidentSummary(
    int Id, string Reference, string Title, IncidentStatus Status, IncidentSeverity Severity,
    ReportSource Source, DateTime ReportedAtUtc, int InvolvedCoops);

public sealed record KeyFigureView(string Label, decimal Value, string Unit, FigureStatus Status, string Source, DateOnly AsOf, string? Note);

public sealed record InvolvementView(int CoopId, string Code, string Name, string Uf, InvolvementRole Role, DateTime KnowledgeAtUtc, string? Notes);

public sealed record TimelineItem(
    DateTime OccurredAtUtc, TimePrecision Precision, string Title, string? Description, string Source, TimelineEventKind Kind);

public sealed record IncidentOverview(
    IncidentSummary Summary,
    string Description,
    string? ReporterName,
    string? ReporterOrganisation,
    DateTime? DiscoveredAtUtc,
    TimePrecision DiscoveredAtPrecision,
    DateTime KnowledgeAtUtc,
    string AffectedSystems,
    DataCategories DataCategories,
    DataSubjectCategories DataSubjectCategories,
    IReadOnlyList<KeyFigureView> KeyFigures,
    IReadOnlyList<InvolvementView> Involvements,
    IReadOnlyList<TimelineItem> Timeline);

/// <summary>
/// Read side of the incident register (the write side arrives with the incident register issue).
/// A liaison sees only incidents their co-op is involved in, and only the parts shared with co-ops.
/// </summary>
public sealed class IncidentService(IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit)
{
    public async Task<IReadOnlyList<IncidentSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Visible(db)
            .OrderByDescending(i => i.ReportedAtUtc)
            .Select(i => new IncidentSummary(i.Id, i.Reference, i.Title, i.Status, i.Severity, i.Source, i.ReportedAtUtc, i.Involvements.Count))
            .ToListAsync(cancellationToken);
    }

    public async Task<IncidentOverview?> GetOverviewAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incident = await Visible(db)
            .Include(i => i.KeyFigures)
            .Include(i => i.Timeline)
            .Include(i => i.Involvements).ThenInclude(v => v.Coop)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            if (await db.Incidents.AnyAsync(i => i.Id == id, cancellationToken))
            {
                await audit.DeniedAsync(nameof(Incident), id.ToString(CultureInfo.InvariantCulture), cancellationToken);
            }

            return null;
        }

        // A liaison reads what is shared with co-ops: their own involvement, shared timeline events, no reporter identity.
        var shared = !user.SeesAllCoops;
        var involvements = incident.Involvements.Where(v => !shared || v.CoopId == user.CoopId);
        var timeline = incident.Timeline.Where(e => !shared || e.SharedWithCoops);
        return new IncidentOverview(
            new IncidentSummary(incident.Id, incident.Reference, incident.Title, incident.Status, incident.Severity,
                incident.Source, incident.ReportedAtUtc, incident.Involvements.Count),
            incident.Summary,
            shared ? null : incident.ReporterName,
            shared ? null : incident.ReporterOrganisation,
            incident.DiscoveredAtUtc,
            incident.DiscoveredAtPrecision,
            incident.KnowledgeAtUtc,
            incident.AffectedSystems,
            incident.DataCategories,
            incident.DataSubjectCategories,
            [.. incident.KeyFigures.OrderBy(f => f.SortOrder).ThenBy(f => f.Id)
                .Select(f => new KeyFigureView(f.Label, f.Value, f.Unit, f.Status, f.Source, f.AsOf, f.Note))],
            [.. involvements.OrderBy(v => v.Coop!.Code)
                .Select(v => new InvolvementView(v.CoopId, v.Coop!.Code, v.Coop.Name, v.Coop.Uf, v.Role, v.KnowledgeAtUtc, v.Notes))],
            [.. timeline.OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id)
                .Select(e => new TimelineItem(e.OccurredAtUtc, e.Precision, e.Title, e.Description, e.Source, e.Kind))]);
    }

    private IQueryable<Incident> Visible(IncidentDeskDbContext db)
    {
        var incidents = db.Incidents.AsNoTracking();
        if (user.SeesAllCoops)
        {
            return incidents;
        }

        var own = user.IsLiaison ? user.CoopId : null;
        return own is { } coopId ? incidents.Where(i => i.Involvements.Any(v => v.CoopId == coopId)) : incidents.Where(_ => false);
    }
}
