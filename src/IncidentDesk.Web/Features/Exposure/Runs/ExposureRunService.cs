using System.Globalization;
using System.Text.Json;
using IncidentDesk.Core.Coops;
using IncidentDesk.Core.Exposure;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Outcomes;
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

    /// <summary>
    /// Checks one endpoint now. Refused (a conflict with its state) when the co-op has not authorized it
    /// (<see cref="RunRefusal.NotAuthorized"/>) or it was checked less than an hour ago (<see cref="RunRefusal.TooSoon"/>,
    /// carrying <see cref="NextCheck"/>).
    /// </summary>
    public async Task<Result<RunStart>> CheckEndpointAsync(int endpointId, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(BrokerEndpoint), endpointId.ToString(CultureInfo.InvariantCulture), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var endpoint = await db.BrokerEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == endpointId && e.RemovedAtUtc == null, cancellationToken);
        if (endpoint is null)
        {
            return Result.NotFound();
        }

        if (!endpoint.IsAuthorized)
        {
            return Result.ConflictWith(RunRefusal.NotAuthorized, "Run.NotAuthorized");
        }

        if (!ExposureRules.IsDue(endpoint.CheckClaimedAtUtc, time.GetUtcNow().UtcDateTime, ExposureRules.MinInterval))
        {
            return Result.ConflictWith(RunRefusal.TooSoon, "Run.TooSoon",
                new NextCheck(ExposureRules.NextAllowedUtc(endpoint.CheckClaimedAtUtc!.Value, ExposureRules.MinInterval)));
        }

        return await StartAsync(new RunRequest(RunTrigger.OnDemand, RunTarget.Endpoint, endpoint.CoopId, endpoint.Id), cancellationToken);
    }

    /// <summary>Checks one co-op's authorized endpoints that are due (<see cref="RunRefusal.NothingDue"/> when none is).</summary>
    public async Task<Result<RunStart>> CheckCoopAsync(int coopId, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Coop), coopId.ToString(CultureInfo.InvariantCulture), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Coops.AnyAsync(c => c.Id == coopId, cancellationToken))
        {
            return Result.NotFound();
        }

        return await DueAsync(db.BrokerEndpoints.Where(e => e.CoopId == coopId), cancellationToken)
            ? await StartAsync(new RunRequest(RunTrigger.OnDemand, RunTarget.Coop, coopId), cancellationToken)
            : NothingDue();
    }

    /// <summary>Checks every co-op's authorized endpoints that are due (<see cref="RunRefusal.NothingDue"/> when none is).</summary>
    public async Task<Result<RunStart>> CheckAllAsync(CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(ExposureRun), null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await DueAsync(db.BrokerEndpoints, cancellationToken)
            ? await StartAsync(new RunRequest(RunTrigger.OnDemand, RunTarget.All), cancellationToken)
            : NothingDue();
    }

    /// <summary>
    /// Asks a running run to stop; the instance running it stops within a second. A run that has already ended is
    /// <see cref="RunRefusal.NotRunning"/>.
    /// </summary>
    public async Task<Result> CancelAsync(int runId, CancellationToken cancellationToken = default)
    {
        var id = runId.ToString(CultureInfo.InvariantCulture);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(ExposureRun), id, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.ExposureRuns.FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return Result.NotFound();
        }

        if (run.State != RunState.Running)
        {
            return Result.ConflictWith(RunRefusal.NotRunning, "Runs.NotRunning");
        }

        run.CancelRequestedAtUtc ??= time.GetUtcNow().UtcDateTime;
        run.CancelRequestedBy ??= user.Name;
        await audit.SaveChangesAsync(db, new AuditRecord(CancelRequestedAction, nameof(ExposureRun), id,
            JsonSerializer.Serialize(new { run.TargetLabel, run.Planned })), cancellationToken: cancellationToken);
        runner.CancelHere(runId);
        return Result.Success();
    }

    /// <summary>The latest runs, newest first; officers and auditors (nothing for anyone else).</summary>
    public async Task<IReadOnlyList<RunView>> RecentAsync(int count = 10, CancellationToken cancellationToken = default)
    {
        // Runs are the federation's own operation and carry no co-op (no query filter): the role decides.
        if (!user.IsOfficerOrAuditor)
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

    private async Task<Result<RunStart>> StartAsync(RunRequest request, CancellationToken cancellationToken)
    {
        // Another officer's run may have taken the last due endpoints between the look above and the claim.
        var started = await runner.StartAsync(request, new AuditActor(user.UserId, user.Name, user.ClientIp), cancellationToken);
        return started is null ? NothingDue() : Result.Success(started);
    }

    private static Failure NothingDue() => Result.ConflictWith(RunRefusal.NothingDue, "Run.NothingDue");
}
