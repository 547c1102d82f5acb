using System.Globalization;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Exposure;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Exposure;

/// <summary>
/// What exposure watch shows: every declared endpoint with its authorization and last check, each endpoint's history,
/// the dashboard's figures, and the CSV of the list. Read through the person's own context, so a liaison sees their own
/// co-op's endpoints and results only (another co-op's endpoint id answers "not found" and is audited).
/// </summary>
public sealed class ExposureQueryService(IDbContextFactory<IncidentDeskDbContext> dbFactory, AuditLog audit, TimeProvider time)
{
    public const int MaxHistory = 100;

    public async Task<EndpointPage> ListAsync(EndpointFilter filter, int page = 0, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Rows(db, filter);
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.Skip(Math.Max(0, page) * pageSize).Take(Math.Clamp(pageSize, 1, 500)).ToListAsync(cancellationToken);
        return new EndpointPage(items, total);
    }

    /// <summary>One co-op's endpoints, for its page.</summary>
    public async Task<IReadOnlyList<EndpointRow>> CoopAsync(int coopId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Rows(db, new EndpointFilter(CoopId: coopId)).ToListAsync(cancellationToken);
    }

    public async Task<EndpointHistory?> HistoryAsync(int endpointId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var endpoint = await Rows(db, new EndpointFilter(), endpointId).FirstOrDefaultAsync(cancellationToken);
        if (endpoint is null)
        {
            await audit.DeniedIfExistsAsync<BrokerEndpoint>(endpointId, cancellationToken);
            return null;
        }

        var checks = await db.ExposureChecks.AsNoTracking().Where(c => c.EndpointId == endpointId)
            .OrderByDescending(c => c.CheckedAtUtc).ThenByDescending(c => c.Id).Take(MaxHistory).ToListAsync(cancellationToken);
        return new EndpointHistory(endpoint, [.. checks.Select(c => new CheckRow(c.Id, c.CheckedAtUtc, c.DurationMs, c.Outcome, c.Detail,
            c.ContactedAddress, c.TopicCount, c.TopicNameList, c.RunId))]);
    }

    /// <summary>Exposed now, checked in the last 24 hours, declared but without the co-op's authorization to test.</summary>
    public async Task<ExposureCounts> CountsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var since = time.GetUtcNow().UtcDateTime.AddHours(-24);
        var live = db.BrokerEndpoints.AsNoTracking().Where(e => e.RemovedAtUtc == null);
        var counts = await live.GroupBy(_ => 1).Select(g => new
        {
            Exposed = g.Count(e => e.LastOutcome == ExposureOutcome.Exposed),
            Checked = g.Count(e => e.LastCheckedAtUtc >= since),
            Unauthorized = g.Count(e => e.AuthorizedAtUtc == null),
            All = g.Count(),
        }).FirstOrDefaultAsync(cancellationToken);
        return counts is null ? new ExposureCounts(0, 0, 0, 0) : new ExposureCounts(counts.Exposed, counts.Checked, counts.Unauthorized, counts.All);
    }

    /// <summary>The list with its filters as a CSV file (audited as an export).</summary>
    public async Task<byte[]> ExportAsync(EndpointFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Rows(db, filter).ToListAsync(cancellationToken);
        await audit.AppendAsync(new AuditRecord(AuditActions.Exported, nameof(BrokerEndpoint), null, string.Create(CultureInfo.InvariantCulture,
            $"exposure csv: {rows.Count} endpoints; state={filter.State?.ToString() ?? "all"}; uf={filter.Uf ?? "all"}; coop={filter.Coop ?? ""}")),
            cancellationToken: cancellationToken);
        return ExposureCsv.Write(rows);
    }

    /// <summary>The endpoints the filter keeps, exposed ones first, then by UF, co-op and address.</summary>
    private static IQueryable<EndpointRow> Rows(IncidentDeskDbContext db, EndpointFilter filter, int? endpointId = null)
    {
        var endpoints = db.BrokerEndpoints.AsNoTracking().Where(e => e.RemovedAtUtc == null);
        if (endpointId is { } id)
        {
            endpoints = endpoints.Where(e => e.Id == id);
        }

        endpoints = filter.State switch
        {
            EndpointState.NotAuthorized => endpoints.Where(e => e.AuthorizedAtUtc == null),
            EndpointState.NeverChecked => endpoints.Where(e => e.LastOutcome == null),
            { } state => endpoints.Where(e => e.LastOutcome == (ExposureOutcome)(int)state),
            null => endpoints,
        };
        if (filter.CoopId is { } coopId)
        {
            endpoints = endpoints.Where(e => e.CoopId == coopId);
        }

        var coops = db.Coops.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Uf))
        {
            var uf = filter.Uf.Trim().ToUpperInvariant();
            coops = coops.Where(c => c.Uf == uf);
        }

        if (!string.IsNullOrWhiteSpace(filter.Coop))
        {
            var pattern = $"%{EscapeLike(filter.Coop.Trim())}%";
            coops = coops.Where(c => SearchText.Like(c.Code, pattern) || SearchText.Like(c.Name, pattern));
        }

        return from e in endpoints
               join c in coops on e.CoopId equals c.Id
               orderby e.LastOutcome == ExposureOutcome.Exposed ? 0 : 1, c.Uf, c.Code, e.Host, e.Port
               let openTask = db.ExposureFindings.Where(f => f.EndpointId == e.Id)
                   .Join(db.CoopTasks, f => f.CoopTaskId, t => t.Id, (f, t) => t)
                   .Where(t => t.Status != CoopTaskStatus.Done && t.Status != CoopTaskStatus.NotApplicable && t.Status != CoopTaskStatus.Cancelled)
                   .OrderByDescending(t => t.Id).Select(t => (int?)t.Id).FirstOrDefault()
               select new EndpointRow(e.Id, e.CoopId, c.Code, c.Name, c.Uf, e.Host, e.Port, e.Kind, e.DeclaredAtUtc, e.DeclaredBy,
                   e.AuthorizedAtUtc, e.AuthorizedBy, e.LastCheckedAtUtc, e.LastOutcome, e.LastDetail, e.LastTopicCount, e.CheckClaimedAtUtc,
                   openTask, e.Version);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
