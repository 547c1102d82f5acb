using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace IncidentDesk.Benchmarks.Faults;

/// <summary>One update the desk acknowledged with a 2xx: the task, the version it answered and the note sent.</summary>
internal sealed record AcknowledgedUpdate(int TaskId, int Version, string Note, long AnsweredAt);

/// <summary>
/// Liaisons' tools sending status updates as fast as the desk answers (<c>PATCH /api/v1/tasks/{id}</c> with the version
/// last read), each liaison round-robin over their co-op's tasks, until the desk stops answering or the run is stopped.
/// Records what was acknowledged; an update whose answer never came is not counted as acknowledged.
/// </summary>
internal sealed class TaskBurst(Uri baseAddress, IReadOnlyList<FaultLiaison> liaisons, string tag)
{
    private readonly ConcurrentQueue<AcknowledgedUpdate> _acknowledged = new();
    private readonly TaskCompletionSource _firstSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _refused;

    public IReadOnlyCollection<AcknowledgedUpdate> Acknowledged => _acknowledged;

    /// <summary>Answers other than 2xx (conflicts, errors): a healthy burst has none.</summary>
    public int Refused => _refused;

    /// <summary>Completes when the first update is on the wire.</summary>
    public Task FirstSent => _firstSent.Task;

    /// <summary>Completes at the first acknowledgement: the burst is in full swing.</summary>
    public Task FirstAnswered => _firstAnswered.Task;

    /// <summary>Runs until every loop has stopped: <paramref name="stop"/> cancelled or the desk gone.</summary>
    public Task RunAsync(IReadOnlyDictionary<int, int> versions, CancellationToken stop) =>
        Task.WhenAll(liaisons.Select((liaison, index) => LoopAsync(liaison, index, versions, stop)));

    private async Task LoopAsync(FaultLiaison liaison, int index, IReadOnlyDictionary<int, int> versions, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", liaison.Token);
        var known = liaison.TaskIds.ToDictionary(id => id, id => versions[id]);
        for (var n = 1; !stop.IsCancellationRequested; n++)
        {
            var taskId = liaison.TaskIds[n % liaison.TaskIds.Count];
            var note = $"[{tag} l{index} n{n}]";
            try
            {
                var sending = http.PatchAsync(new Uri($"api/v1/tasks/{taskId}", UriKind.Relative),
                    JsonContent.Create(new { status = "InProgress", note, version = known[taskId] }), stop);
                _firstSent.TrySetResult();
                using var response = await sending;
                var body = await response.Content.ReadAsStringAsync(stop);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _refused);
                    return;
                }

                var version = JsonDocument.Parse(body).RootElement.GetProperty("version").GetInt32();
                known[taskId] = version;
                _acknowledged.Enqueue(new AcknowledgedUpdate(taskId, version, note, Stopwatch.GetTimestamp()));
                _firstAnswered.TrySetResult();
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                // The desk was killed (connection refused or reset) or the run stopped: what was in flight is unacknowledged.
                return;
            }
        }
    }
}
