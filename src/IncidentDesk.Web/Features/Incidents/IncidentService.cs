using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
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

/// <summary>Read side of the incident register (the write side arrives with the incident register issue).</summary>
public sealed class IncidentService(IDbContextFactory<IncidentDeskDbContext> dbFactory)
{
    public async Task<IReadOnlyList<IncidentSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Incidents.AsNoTracking()
            .OrderByDescending(i => i.ReportedAtUtc)
            .Select(i => new IncidentSummary(i.Id, i.Reference, i.Title, i.Status, i.Severity, i.Source, i.ReportedAtUtc, i.Involvements.Count))
            .ToListAsync(cancellationToken);
    }

    public async Task<IncidentOverview?> GetOverviewAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incident = await db.Incidents.AsNoTracking()
            .Include(i => i.KeyFigures)
            .Include(i => i.Timeline)
            .Include(i => i.Involvements).ThenInclude(v => v.Coop)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return null;
        }

        return new IncidentOverview(
            new IncidentSummary(incident.Id, incident.Reference, incident.Title, incident.Status, incident.Severity,
                incident.Source, incident.ReportedAtUtc, incident.Involvements.Count),
            incident.Summary,
            incident.ReporterName,
            incident.ReporterOrganisation,
            incident.DiscoveredAtUtc,
            incident.DiscoveredAtPrecision,
            incident.KnowledgeAtUtc,
            incident.AffectedSystems,
            incident.DataCategories,
            incident.DataSubjectCategories,
            [.. incident.KeyFigures.OrderBy(f => f.SortOrder).ThenBy(f => f.Id)
                .Select(f => new KeyFigureView(f.Label, f.Value, f.Unit, f.Status, f.Source, f.AsOf, f.Note))],
            [.. incident.Involvements.OrderBy(v => v.Coop!.Code)
                .Select(v => new InvolvementView(v.CoopId, v.Coop!.Code, v.Coop.Name, v.Coop.Uf, v.Role, v.KnowledgeAtUtc, v.Notes))],
            [.. incident.Timeline.OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id)
                .Select(e => new TimelineItem(e.OccurredAtUtc, e.Precision, e.Title, e.Description, e.Source, e.Kind))]);
    }
}
