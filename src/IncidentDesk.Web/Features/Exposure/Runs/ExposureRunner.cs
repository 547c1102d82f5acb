using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using IncidentDesk.Core.Exposure;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Exposure.Findings;
using IncidentDesk.Web.Features.Exposure.Probe;
using IncidentDesk.Web.Features.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Exposure.Runs;

/// <summary>
/// Runs rounds of checks in the background of this instance. Bounded: at most <see cref="ExposureWatchOptions.MaxConcurrentChecks"/>
/// checks in flight across all runs here, each with short timeouts, and a run that outlives
/// <see cref="ExposureWatchOptions.RunTimeout"/> is cancelled. Cancellable: by the officer (through the run's row, so it
/// works whichever instance runs it), by the timeout, or by the app stopping. What was checked before a cancellation stays
/// recorded; what was not is released, so it can be checked again at once.
/// </summary>
public sealed partial class ExposureRunner(
    FederationWideDb federationDb, AuditTrail trail, KafkaProbe probe, CheckRecorder recorder, IChangeFeed feed,
    IOptions<ExposureWatchOptions> options, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<ExposureRunner> logger)
    : IDisposable
{
    public const string FinishedAction = "Exposure.RunFinished";

    /// <summary>How often a running run looks whether someone asked to cancel it.</summary>
    public static readonly TimeSpan CancelPoll = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _inFlight = new(Math.Max(1, options.Value.MaxConcurrentChecks));
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _running = new();
    private long _lastPublish;

    /// <summary>The runs going on in this instance.</summary>
    public IReadOnlyCollection<int> RunningHere => [.. _running.Keys];

    /// <summary>
    /// Takes the request's due endpoints and starts checking them; null when the request is a schedule slot another instance
    /// already took. Work nobody does in a request: the run reads and writes federation-wide, under <paramref name="actor"/>.
    /// </summary>
    public async Task<RunStart?> StartAsync(RunRequest request, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        ClaimedRun? claim;
        await using (var db = federationDb.CreateDbContext())
        {
            claim = await RunClaim.TryAsync(db, trail, request, actor, time.GetUtcNow().UtcDateTime, cancellationToken);
        }

        if (claim is null)
        {
            return null;
        }

        var stop = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
        stop.CancelAfter(options.Value.RunTimeout);
        _running[claim.Run.Id] = stop;
        await PublishAsync(actor, claim.Run.Id);
        var completion = Task.Run(() => RunAsync(claim, actor, stop), CancellationToken.None);
        return new RunStart(claim.Run.Id, claim.Run.Planned, claim.Run.SkippedRecent, claim.Run.Unauthorized, completion);
    }

    /// <summary>Stops a run going on in this instance at once (other instances notice the run's row within a second).</summary>
    public bool CancelHere(int runId)
    {
        if (_running.TryGetValue(runId, out var stop))
        {
            stop.Cancel();
            return true;
        }

        return false;
    }

    public void Dispose() => _inFlight.Dispose();

    private async Task<RunState> RunAsync(ClaimedRun claim, AuditActor actor, CancellationTokenSource stop)
    {
        var runId = claim.Run.Id;
        var done = new ConcurrentDictionary<int, bool>();
        int exposed = 0;
        var state = RunState.Finished;
        using var watcher = WatchForCancellation(runId, stop);
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxConcurrentChecks), CancellationToken = stop.Token };
            await Parallel.ForEachAsync(claim.Endpoints, parallel, async (endpoint, token) =>
            {
                await _inFlight.WaitAsync(token);
                ProbeResult result;
                try
                {
                    result = await probe.CheckAsync(endpoint.Host, endpoint.Port, token);
                }
                finally
                {
                    _inFlight.Release();
                }

                // Once a check has happened it is recorded, even if the run is being cancelled meanwhile.
                await recorder.RecordAsync(runId, endpoint.Id, result, actor, CancellationToken.None);
                done[endpoint.Id] = true;
                if (result.Outcome == ExposureOutcome.Exposed)
                {
                    Interlocked.Increment(ref exposed);
                }

                await PublishThrottledAsync(actor, runId);
            });
        }
        catch (OperationCanceledException)
        {
            state = RunState.Cancelled;
        }
#pragma warning disable CA1031 // A failed run is recorded as failed; the instance goes on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogRunFailed(logger, exception, runId);
            state = RunState.Failed;
        }
        finally
        {
            _running.TryRemove(runId, out _);
            await stop.CancelAsync(); // ends the watcher
            stop.Dispose();
        }

        await FinishAsync(claim, actor, state, done, exposed);
        await PublishAsync(actor, runId);
        return state;
    }

    /// <summary>Writes how the run ended and gives back the endpoints it took but never checked.</summary>
    private async Task FinishAsync(ClaimedRun claim, AuditActor actor, RunState state, ConcurrentDictionary<int, bool> done, int exposed)
    {
        try
        {
            await using var db = federationDb.CreateDbContext();
            var run = await db.ExposureRuns.SingleAsync(r => r.Id == claim.Run.Id);
            run.State = state;
            run.FinishedAtUtc = time.GetUtcNow().UtcDateTime;
            run.Checked = done.Count;
            run.Exposed = exposed;
            var untouched = claim.Endpoints.Where(e => !done.ContainsKey(e.Id)).ToDictionary(e => e.Id, e => e.PreviousClaimUtc);
            if (untouched.Count > 0)
            {
                var ids = untouched.Keys.ToList();
                foreach (var endpoint in await db.BrokerEndpoints.Where(e => ids.Contains(e.Id)).ToListAsync())
                {
                    endpoint.CheckClaimedAtUtc = untouched[endpoint.Id];
                }
            }

            await trail.SaveChangesAsync(db, actor, new AuditRecord(FinishedAction, nameof(ExposureRun),
                run.Id.ToString(CultureInfo.InvariantCulture), JsonSerializer.Serialize(new
                {
                    State = state.ToString(), run.Planned, run.Checked, run.Exposed, Released = untouched.Count,
                    DurationMs = (int)(run.FinishedAtUtc.Value - run.StartedAtUtc).TotalMilliseconds,
                })));
        }
#pragma warning disable CA1031 // The instance goes on; the run's row stays "running" and the log says why.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogFinishFailed(logger, exception, claim.Run.Id);
        }
    }

    /// <summary>Polls the run's row for a cancellation asked on any instance.</summary>
    private PeriodicTimer WatchForCancellation(int runId, CancellationTokenSource stop)
    {
        var timer = new PeriodicTimer(CancelPoll, time);
        _ = Task.Run(async () =>
        {
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    await using var db = federationDb.CreateDbContext();
                    if (await db.ExposureRuns.AnyAsync(r => r.Id == runId && r.CancelRequestedAtUtc != null, stop.Token))
                    {
                        await stop.CancelAsync();
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The run ended.
            }
            catch (ObjectDisposedException)
            {
                // The run ended while the poll was reading.
            }
        }, CancellationToken.None);
        return timer;
    }

    /// <summary>Open pages follow a run's progress about once a second, not once per endpoint (680 re-reads per page).</summary>
    private Task PublishThrottledAsync(AuditActor actor, int runId)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastPublish);
        if (time.GetElapsedTime(last, now) < TimeSpan.FromSeconds(1) || Interlocked.CompareExchange(ref _lastPublish, now, last) != last)
        {
            return Task.CompletedTask;
        }

        return PublishAsync(actor, runId);
    }

    private Task PublishAsync(AuditActor actor, int runId) =>
        feed.PublishAsync(new DeskChange(ChangeKind.Exposure, 0, null, runId, actor.Name, time.GetUtcNow().UtcDateTime));

    [LoggerMessage(Level = LogLevel.Error, Message = "Exposure run {RunId} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, int runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording the end of exposure run {RunId} failed")]
    private static partial void LogFinishFailed(ILogger logger, Exception exception, int runId);
}
