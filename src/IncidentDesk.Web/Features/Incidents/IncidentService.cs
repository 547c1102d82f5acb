using System.Globalization;

using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents.Timeline;
using IncidentDesk.Web.Security;

using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Incidents;

/// <summary>
/// Read side of the incident register (the write side is <see cref="Intake.IncidentIntakeService"/>). Which incidents,
/// involvements and events a person reads is the query filters' decision (CoopScoping.cs); the timeline is read through
/// <see cref="TimelineService"/>, the one way to read it.
/// </summary>
public sealed class IncidentService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimelineService timelines)
{
    public async Task<IReadOnlyList<IncidentSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Incidents.AsNoTracking()
            .OrderByDescending(i => i.ReportedAtUtc)
            .Select(i => new IncidentSummary(i.Id, i.Reference, i.Title, i.Status, i.Severity, i.Source, i.ReportedAtUtc, i.Involvements.Count))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The incident list: filtering, sorting and paging happen in SQL, within what the caller may see (a liaison
    /// only incidents involving their co-op). Text is matched literally (<c>%</c> and <c>_</c> included),
    /// case-insensitively for ASCII letters, in the title, summary and reference.
    /// </summary>
    public async Task<IncidentPage> SearchAsync(IncidentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incidents = db.Incidents.AsNoTracking();

        if (query.Statuses is { Count: > 0 })
        {
            var statuses = query.Statuses.Distinct().ToList();
            incidents = incidents.Where(i => statuses.Contains(i.Status));
        }

        if (query.Severities is { Count: > 0 })
        {
            var severities = query.Severities.Distinct().ToList();
            incidents = incidents.Where(i => severities.Contains(i.Severity));
        }

        if (query.Source is { } source)
        {
            incidents = incidents.Where(i => i.Source == source);
        }

        if (query.CoopId is { } coopId)
        {
            incidents = incidents.Where(i => i.Involvements.Any(v => v.CoopId == coopId));
        }

        if (!string.IsNullOrWhiteSpace(query.Uf))
        {
            var uf = query.Uf.Trim().ToUpperInvariant();
            incidents = incidents.Where(i => i.Involvements.Any(v => v.Coop!.Uf == uf));
        }

        if (query.From is { } from)
        {
            var fromUtc = BrasiliaDayStartUtc(from);
            incidents = incidents.Where(i => i.ReportedAtUtc >= fromUtc);
        }

        if (query.To is { } to)
        {
            var beforeUtc = BrasiliaDayStartUtc(to.AddDays(1));
            incidents = incidents.Where(i => i.ReportedAtUtc < beforeUtc);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var pattern = $"%{EscapeLike(query.Text.Trim())}%";
            incidents = incidents.Where(i =>
                SearchText.Like(i.Title, pattern) || SearchText.Like(i.Summary, pattern)
                || SearchText.Like(i.Reference, pattern));
        }

        var total = await incidents.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, IncidentQuery.MaxPageSize);
        var rows = await Sort(incidents, query.Sort, query.Descending)
            .Skip(Math.Max(query.Page, 0) * pageSize)
            .Take(pageSize)
            .Select(i => new IncidentSummary(i.Id, i.Reference, i.Title, i.Status, i.Severity, i.Source, i.ReportedAtUtc, i.Involvements.Count))
            .ToListAsync(cancellationToken);
        return new IncidentPage(rows, total);
    }

    /// <summary>The incident with its whole timeline (API, exports, edit page).</summary>
    public Task<IncidentOverview?> GetOverviewAsync(int id, CancellationToken cancellationToken = default) =>
        OverviewAsync(id, withTimeline: true, cancellationToken);

    /// <summary>
    /// The incident page's overview: everything but the timeline (empty here), which the Timeline tab reads itself while
    /// it is open (<see cref="TimelineService.ListAsync"/>). A page left open on another tab — fifty officers on the progress matrix —
    /// then holds no timeline, which runs to thousands of events on a long incident.
    /// </summary>
    public Task<IncidentOverview?> GetPageOverviewAsync(int id, CancellationToken cancellationToken = default) =>
        OverviewAsync(id, withTimeline: false, cancellationToken);

    private async Task<IncidentOverview?> OverviewAsync(int id, bool withTimeline, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incident = await db.Incidents.AsNoTracking().Include(i => i.KeyFigures).Include(i => i.Involvements).ThenInclude(v => v.Coop)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            await DenyIfExistsAsync(db, id, cancellationToken);
            return null;
        }

        // The query filters leave a liaison their own co-op's involvement and the events shared with co-ops; the reporter's
        // identity is a field only officers and auditors read.
        var shared = !user.IsOfficerOrAuditor;
        var timeline = withTimeline ? (await timelines.ListAsync(id, cancellationToken: cancellationToken))?.Items ?? [] : [];
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
            [.. incident.Involvements.OrderBy(v => v.Coop!.Code)
                .Select(v => new InvolvementView(v.CoopId, v.Coop!.Code, v.Coop.Name, v.Coop.Uf, v.Role, v.KnowledgeAtUtc, v.Notes))],
            timeline)
        {
            Type = incident.Type,
            Impact = incident.Impact,
            MeasuresBefore = incident.MeasuresBefore,
        };
    }

    /// <summary>The UTC instant at which a Brasília calendar day begins (Brasília is UTC−3 all year).</summary>
    private static DateTime BrasiliaDayStartUtc(DateOnly day) =>
        DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - PartialDate.BrasiliaOffset, DateTimeKind.Utc);

    // Ties are broken by id so that paging is stable when many incidents share a value.
    private static IQueryable<Incident> Sort(IQueryable<Incident> incidents, IncidentSort sort, bool descending) => sort switch
    {
        IncidentSort.Reference => descending ? incidents.OrderByDescending(i => i.Reference).ThenByDescending(i => i.Id) : incidents.OrderBy(i => i.Reference).ThenBy(i => i.Id),
        IncidentSort.Title => descending ? incidents.OrderByDescending(i => i.Title).ThenByDescending(i => i.Id) : incidents.OrderBy(i => i.Title).ThenBy(i => i.Id),
        IncidentSort.Status => descending ? incidents.OrderByDescending(i => i.Status).ThenByDescending(i => i.ReportedAtUtc).ThenByDescending(i => i.Id) : incidents.OrderBy(i => i.Status).ThenByDescending(i => i.ReportedAtUtc).ThenByDescending(i => i.Id),
        IncidentSort.Severity => descending ? incidents.OrderByDescending(i => i.Severity).ThenByDescending(i => i.ReportedAtUtc).ThenByDescending(i => i.Id) : incidents.OrderBy(i => i.Severity).ThenByDescending(i => i.ReportedAtUtc).ThenByDescending(i => i.Id),
        _ => descending ? incidents.OrderByDescending(i => i.ReportedAtUtc).ThenByDescending(i => i.Id) : incidents.OrderBy(i => i.ReportedAtUtc).ThenBy(i => i.Id),
    };

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    private Task DenyIfExistsAsync(IncidentDeskDbContext db, int id, CancellationToken cancellationToken) =>
        audit.DeniedIfExistsAsync<Incident>(id, cancellationToken);
}
