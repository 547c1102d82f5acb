using System.Globalization;
using System.Text.Json;
using IncidentDesk.Core.Coops;
using IncidentDesk.Core.Exposure;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Exposure.Runs;

/// <summary>
/// Checks on demand — one endpoint, one co-op or every co-op — and their cancellation: privacy officers only (audited
/// refusal for anyone else). Runs themselves happen in the background (<see cref="ExposureRunner"/>); officers and
/// auditors follow them here.
/// </summary>
public sealed class ExposureRunService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, ExposureRunner runner, TimeProvider time)
{
    public const string CancelRequestedAction = "Exposure.RunCancelRequested";

    /// <exception cref="UnauthorizedAccessException">The caller is not a privacy officer (audited).</exception>
    public async Task<RunStartResult> CheckEndpointAsync(int endpointId, CancellationToken cancellationToken = default)
    {
        await audit.DemandAsync(user.IsOfficer, nameof(BrokerEndpoint), endpointId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var endpoint = await db.BrokerEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == endpointId && e.RemovedAtUtc == null, cancellationToken);
        if (endpoint is null)
        {
            return new RunStartResult(RunStartOutcome.NotFound);
        }

        if (!endpoint.IsAuthorized)
        {
            return new RunStartResult(RunStartOutcome.NotAuthorized);
        }

        if (!ExposureRules.IsDue(endpoint.CheckClaimedAtUtc, time.GetUtcNow().UtcDateTime, ExposureRules.MinInterval))
        {
            return new RunStartResult(RunStartOutcome.TooSoon, NextAllowedUtc: ExposureRules.NextAllowedUtc(endpoint.CheckClaimedAtUtc!.Value, ExposureRules.MinInterval));
        }

        return await StartAsync(new RunRequest(RunTrigger.OnDemand, RunTarget.Endpoint, endpoint.CoopId, endpoint.Id), cancellationToken);
    }

    /// <exception cref="UnauthorizedAccessException">The caller is not a privacy officer (audited).</exception>
    public async Task<RunStartResult> CheckCoopAsync(int coopId, CancellationToken cancellationToken = default)
    {
        await audit.DemandAsync(user.IsOfficer, nameof(Coop), coopId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Coops.AnyAsync(c => c.Id == coopId, cancellationToken))
        {
            return new RunStartResult(RunStartOutcome.NotFound);
        }

        return await DueAsync(db.BrokerEndpoints.Where(e => e.CoopId == coopId), cancellationToken)
            ? await StartAsync(new RunRequest(RunTrigger.OnDemand, RunTarget.Coop, coopId), cancellationToken)
            : new RunStartResult(RunStartOutcome.NothingDue);
    }

    /// <exception cref="UnauthorizedAccessException">The caller is not a privacy officer (audited).</exception>
    public async Task<RunStartResult> CheckAllAsync(CancellationToken cancellationToken = default)
    {
        await audit.DemandAsync(user.IsOfficer, nameof(ExposureRun), null, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await DueAsync(db.BrokerEndpoints, cancellationToken)
            ? await StartAsync(new RunRequest(RunTrigger.OnDemand, RunTarget.All), cancellationToken)
            : new RunStartResult(RunStartOutcome.NothingDue);
    }

    /// <summary>Asks a running run to stop; the instance running it stops within a second. False when it is not running.</summary>
    /// <exception cref="UnauthorizedAccessException">The caller is not a privacy officer (audited).</exception>
    public async Task<bool> CancelAsync(int runId, CancellationToken cancellationToken = default)
    {
        var id = runId.ToString(CultureInfo.InvariantCulture);
        await audit.DemandAsync(user.IsOfficer, nameof(ExposureRun), id, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.ExposureRuns.FirstOrDefaultAsync(r => r.Id == runId && r.State == RunState.Running, cancellationToken);
        if (run is null)
        {
            return false;
        }

        run.CancelRequestedAtUtc ??= time.GetUtcNow().UtcDateTime;
        run.CancelRequestedBy ??= user.Name;
        await audit.SaveChangesAsync(db, new AuditRecord(CancelRequestedAction, nameof(ExposureRun), id,
            JsonSerializer.Serialize(new { run.TargetLabel, run.Planned })), cancellationToken: cancellationToken);
        runner.CancelHere(runId);
        return true;
    }

    /// <summary>The latest runs, newest first; officers and auditors (nothing for anyone else).</summary>
    public async Task<IReadOnlyList<RunView>> RecentAsync(int count = 10, CancellationToken cancellationToken = default)
    {
        if (!user.SeesAllCoops)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A running run's progress is its checks so far (its own counts are written when it ends).
        return await db.ExposureRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(count)
            .Select(r => new RunView(r.Id, r.Trigger, r.Target, r.TargetLabel, r.StartedAtUtc, r.FinishedAtUtc, r.StartedBy, r.State, r.Planned,
                r.State == RunState.Running ? db.ExposureChecks.Count(c => c.RunId == r.Id) : r.Checked,
                r.State == RunState.Running ? db.ExposureChecks.Count(c => c.RunId == r.Id && c.Outcome == ExposureOutcome.Exposed) : r.Exposed,
                r.SkippedRecent, r.Unauthorized, r.CancelRequestedAtUtc != null))
            .ToListAsync(cancellationToken);
    }

    private Task<bool> DueAsync(IQueryable<BrokerEndpoint> endpoints, CancellationToken cancellationToken)
    {
        var threshold = time.GetUtcNow().UtcDateTime - ExposureRules.MinInterval;
        return endpoints.AnyAsync(e => e.RemovedAtUtc == null && e.AuthorizedAtUtc != null
            && (e.CheckClaimedAtUtc == null || e.CheckClaimedAtUtc <= threshold), cancellationToken);
    }

    private async Task<RunStartResult> StartAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var started = await runner.StartAsync(request, new AuditActor(user.UserId, user.Name, user.ClientIp), cancellationToken);
        return started is null ? new RunStartResult(RunStartOutcome.NothingDue) : new RunStartResult(RunStartOutcome.Started, started);
    }
}
