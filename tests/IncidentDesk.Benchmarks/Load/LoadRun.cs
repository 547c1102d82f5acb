using System.Diagnostics;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Benchmarks.Load;

/// <summary>
/// Liaisons updating their co-ops' tasks through the API while officers watch the hub, on the real app. A one-task
/// campaign to every co-op is launched on the most recent open incident first, so each liaison has a task of their own
/// and the run does not depend on which tasks the generated history left open.
/// </summary>
internal static class LoadRun
{
    public static async Task<LoadResult> RunAsync(FederationRun run, LoadOptions options, TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        var (incidentId, tasks) = options.CampaignId is { } existing ? await ExistingAsync(run, existing, options.Liaisons) : await LaunchAsync(run, options.Liaisons);
        log?.WriteLine($"Campaign on incident {incidentId}: {tasks.Count} co-op tasks; creating {tasks.Count} liaison and {options.Officers} officer tokens…");

        // Scaled out, liaisons and officers are spread over the instances as a load balancer would spread them: most
        // updates then cross from one instance to the other on their way to an officer.
        var http = run.Instances.Select(i => new HttpClient { BaseAddress = i.BaseAddress, Timeout = TimeSpan.FromSeconds(30) }).ToList();
        var liaisons = new List<LiaisonLoop>(tasks.Count);
        var officerTokens = new List<string>(options.Officers);
        using (var accounts = new LoadAccounts(run.Host))
        {
            foreach (var (coopId, taskId, version) in tasks)
            {
                liaisons.Add(new LiaisonLoop(http[liaisons.Count % http.Count], await accounts.TokenAsync(AppRoles.CoopLiaison, coopId), taskId, version));
            }

            for (var i = 0; i < options.Officers; i++)
            {
                officerTokens.Add(await accounts.TokenAsync(AppRoles.PrivacyOfficer, null));
            }
        }

        var deliveries = new DeliveryCount();
        var officers = new List<OfficerListener>(options.Officers);
        try
        {
            foreach (var token in officerTokens)
            {
                var instance = run.Instances[officers.Count % run.Instances.Count];
                officers.Add(await OfficerListener.ConnectAsync(instance.BaseAddress, token, incidentId, deliveries.Add));
            }

            log?.WriteLine($"{officers.Count} officers connected; {liaisons.Count} liaisons updating every {options.Interval.TotalSeconds:0.###} s for {options.Duration.TotalSeconds:0.#} s…");
            using var meter = ProcessMeter.Start();
            var started = Stopwatch.GetTimestamp();
            var stopAt = started + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
            var jitter = new Random(7);
            var fault = options.Fault is { } act ? InjectAsync(act, options.FaultAt, log) : Task.FromResult<(long, long)?>(null);
            await Task.WhenAll(liaisons.Select(l =>
                l.RunAsync(options.Interval * jitter.NextDouble(), options.Interval, stopAt, cancellationToken)));
            var elapsed = Stopwatch.GetElapsedTime(started);
            var faultWindow = await fault;

            var expected = (long)liaisons.Sum(l => l.SentAt.Count) * officers.Count;
            var complete = await deliveries.WaitForAsync(expected, options.Grace);
            var usage = await meter.StopAsync();
            log?.WriteLine(complete ? "Every update reached every officer." : "Some deliveries did not arrive within the grace period.");
            return Summarise(options, elapsed, liaisons, officers, expected, usage) with
            {
                Unavailable = liaisons.Sum(l => l.Unavailable),
                LostWrites = await LostWritesAsync(run, liaisons),
                CatchUps = officers.Sum(o => o.CatchUps),
                DatabaseCalls = usage.DatabaseCalls,
                Fault = faultWindow,
            };
        }
        finally
        {
            foreach (var officer in officers)
            {
                await officer.DisposeAsync();
            }

            http.ForEach(client => client.Dispose());
        }
    }

    private static LoadResult Summarise(LoadOptions options, TimeSpan elapsed, List<LiaisonLoop> liaisons, List<OfficerListener> officers,
        long expected, ProcessUsage usage)
    {
        var sentAt = liaisons.ToDictionary(l => l.TaskId, l => l.SentAt);
        var latencies = new List<double>();
        var latencySentAt = new List<long>();
        var missedSentAt = new List<long>();
        var uncovered = 0;
        long missing = 0, unexpected = 0;
        foreach (var officer in officers)
        {
            var arrivalsByTask = officer.Arrivals.GroupBy(a => a.TaskId).ToDictionary(g => g.Key, g => g.Select(a => a.At).Order().ToList());
            foreach (var (taskId, sent) in sentAt)
            {
                // As many arrivals as updates: the n-th arrival is the n-th update (the hub keeps a sender's order). Otherwise
                // (changes lost in an outage) each arrival belongs to the latest update sent before it, and an update no
                // arrival claims went missing.
                var arrivals = arrivalsByTask.GetValueOrDefault(taskId) ?? [];
                var inOrder = arrivals.Count == sent.Count;
                var claimed = new bool[sent.Count];
                var k = -1;
                foreach (var at in arrivals)
                {
                    if (inOrder)
                    {
                        k++;
                    }

                    while (!inOrder && k + 1 < sent.Count && sent[k + 1] <= at)
                    {
                        k++;
                    }

                    if (k < 0 || claimed[k])
                    {
                        unexpected++;
                        continue;
                    }

                    claimed[k] = true;
                    latencies.Add(Stopwatch.GetElapsedTime(sent[k], at).TotalMilliseconds);
                    latencySentAt.Add(sent[k]);
                }

                missing += claimed.Count(c => !c);
                missedSentAt.AddRange(sent.Where((_, i) => !claimed[i]));
                // A miss the officer's client never had a catch-up for afterwards would be a change it never learns of.
                uncovered += sent.Where((_, i) => !claimed[i]).Count(at => at > officer.LastCatchUpAt);
            }
        }

        return new LoadResult(options, elapsed, liaisons.Sum(l => l.Attempts), liaisons.Sum(l => l.SentAt.Count), liaisons.Sum(l => l.Conflicts),
            liaisons.Sum(l => l.Errors), [.. liaisons.SelectMany(l => l.ErrorSamples).Take(5)], officers.Sum(o => o.Disconnects), expected, missing,
            unexpected, latencies, latencySentAt, [.. liaisons.SelectMany(l => l.ApiMs)], usage.CpuShare, usage.PeakWorkingSet, usage.PeakGcHeap, usage.Gen2Collections)
        {
            MissedSentAt = missedSentAt,
            MissedWithoutCatchUp = uncovered,
        };
    }

    /// <summary>Launches the load's campaign through the app's own service; returns each co-op's task and its version.</summary>
    private static async Task<(int IncidentId, List<(int CoopId, int TaskId, int Version)> Tasks)> LaunchAsync(FederationRun run, int liaisons)
    {
        int incidentId;
        await using (var db = run.CreateDb())
        {
            incidentId = await db.Incidents
                .Where(i => i.Status != IncidentStatus.Closed && i.Status != IncidentStatus.Dismissed)
                .OrderByDescending(i => i.ReportedAtUtc).Select(i => i.Id).FirstOrDefaultAsync();
        }

        incidentId = incidentId == 0 ? run.IncidentId : incidentId;
        await using var scope = run.ActingAs(AppRoles.PrivacyOfficer);
        var launched = await scope.ServiceProvider.GetRequiredService<CampaignService>().LaunchAsync(new CampaignLaunch(incidentId,
            $"Carga {DateTime.UtcNow:HH:mm:ss}", null, [new CampaignTaskInput("Confirmar recebimento", "Atualize o andamento.", 5, false, TaskAnswerType.StatusOnly)],
            CampaignAudience.AllCoops));
        var campaignId = launched.Succeeded ? launched.Value.CampaignId : throw new InvalidOperationException(launched.ToString());
        await using var read = run.CreateDb();
        var tasks = await read.CoopTasks.Where(t => t.CampaignId == campaignId).OrderBy(t => t.CoopId).Take(liaisons)
            .Select(t => new { t.CoopId, t.Id, t.Version }).ToListAsync();
        return (incidentId, [.. tasks.Select(t => (t.CoopId, t.Id, t.Version))]);
    }

    private static async Task<(long, long)?> InjectAsync(Func<Task> fault, TimeSpan at, TextWriter? log)
    {
        await Task.Delay(at); // pacing the scenario: the fault comes this far into the run
        var started = Stopwatch.GetTimestamp();
        log?.WriteLine("Injecting the fault…");
        await fault();
        log?.WriteLine($"Fault over after {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s.");
        return (started, Stopwatch.GetTimestamp());
    }

    /// <summary>
    /// Every acknowledged update raised its task's version by one, so a stored version below the start plus the
    /// acknowledgements means an acknowledged write was lost. (One above is an update committed whose answer was lost.)
    /// </summary>
    private static async Task<int> LostWritesAsync(FederationRun run, List<LiaisonLoop> liaisons)
    {
        await using var db = run.CreateDb();
        var ids = liaisons.Select(l => l.TaskId).ToList();
        var stored = await db.CoopTasks.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Version);
        return liaisons.Count(l => stored.GetValueOrDefault(l.TaskId) < l.StartVersion + l.SentAt.Count);
    }

    /// <summary>Each co-op's last task of an existing campaign and its version.</summary>
    private static async Task<(int IncidentId, List<(int CoopId, int TaskId, int Version)> Tasks)> ExistingAsync(FederationRun run, int campaignId, int liaisons)
    {
        await using var read = run.CreateDb();
        var incidentId = await read.Campaigns.Where(c => c.Id == campaignId).Select(c => c.IncidentId).SingleAsync();
        var tasks = await read.CoopTasks.Where(t => t.CampaignId == campaignId)
            .Select(t => new { t.CoopId, t.Id, t.Version, Order = t.CampaignTask!.Order }).ToListAsync();
        var last = tasks.GroupBy(t => t.CoopId).Select(g => g.MaxBy(t => t.Order)!).OrderBy(t => t.CoopId).Take(liaisons);
        return (incidentId, [.. last.Select(t => (t.CoopId, t.Id, t.Version))]);
    }

    /// <summary>Counts deliveries and lets the run wait until the expected number has arrived (or the grace runs out).</summary>
    private sealed class DeliveryCount
    {
        private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long count;
        private long expected = long.MaxValue;

        public void Add()
        {
            if (Interlocked.Increment(ref count) >= Interlocked.Read(ref expected))
            {
                reached.TrySetResult();
            }
        }

        public async Task<bool> WaitForAsync(long total, TimeSpan grace)
        {
            Interlocked.Exchange(ref expected, total);
            if (Interlocked.Read(ref count) >= total)
            {
                return true;
            }

            try
            {
                await reached.Task.WaitAsync(grace);
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }
}
