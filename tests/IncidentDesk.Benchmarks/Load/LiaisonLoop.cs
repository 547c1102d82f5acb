using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace IncidentDesk.Benchmarks.Load;

/// <summary>
/// One liaison's tool: every interval (first one jittered so 340 liaisons do not fire together) it moves its co-op's task
/// forward through <c>PATCH /api/v1/tasks/{id}</c> with the version it last read; on 409 it takes the version the answer
/// carries, as a real tool re-reads before trying again.
/// </summary>
internal sealed class LiaisonLoop(HttpClient http, string token, int taskId, int startVersion)
{
    private int version = startVersion;

    private readonly List<string> errorSamples = [];

    public int TaskId => taskId;

    /// <summary>When each successful update was sent, in order: the n-th change an officer receives for the task is the n-th here.</summary>
    public List<long> SentAt { get; } = [];
    public List<double> ApiMs { get; } = [];
    public int Attempts { get; private set; }
    public int Conflicts { get; private set; }

    /// <summary>503 answers (the database restarting): said plainly by the desk, and sent again at the next interval.</summary>
    public int Unavailable { get; private set; }

    /// <summary>The version the liaison started from: the stored version must end at least this plus every acknowledged update.</summary>
    public int StartVersion { get; } = startVersion;
    public int Errors { get; private set; }
    public IReadOnlyList<string> ErrorSamples => errorSamples;

    public async Task RunAsync(TimeSpan firstAfter, TimeSpan interval, long stopAtTimestamp, CancellationToken cancellationToken)
    {
        var next = Stopwatch.GetTimestamp() + (long)(firstAfter.TotalSeconds * Stopwatch.Frequency);
        var step = (long)(interval.TotalSeconds * Stopwatch.Frequency);
        while (next < stopAtTimestamp && !cancellationToken.IsCancellationRequested)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero)
            {
                // Pacing the load generator, not waiting for a result.
                await Task.Delay(wait, cancellationToken);
            }

            await UpdateAsync(cancellationToken);
            // A late update does not make the next one early: the rate per liaison stays at most one per interval.
            next = Math.Max(next + step, Stopwatch.GetTimestamp());
        }
    }

    private async Task UpdateAsync(CancellationToken cancellationToken)
    {
        Attempts++;
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri($"api/v1/tasks/{taskId}", UriKind.Relative))
        {
            Content = JsonContent.Create(new { status = "InProgress", note = string.Create(CultureInfo.InvariantCulture, $"Carga {Attempts}"), version }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var sent = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                ApiMs.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                SentAt.Add(sent);
                version = JsonDocument.Parse(body).RootElement.GetProperty("version").GetInt32();
            }
            else if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null)
            {
                Unavailable++;
            }
            else if (response.StatusCode == HttpStatusCode.Conflict)
            {
                Conflicts++;
                version = JsonDocument.Parse(body).RootElement.GetProperty("current").GetProperty("version").GetInt32();
            }
            else
            {
                Fail($"{(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
            }
        }
        catch (HttpRequestException e)
        {
            Fail(e.Message);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            Fail($"timeout: {e.Message}");
        }
    }

    private void Fail(string problem)
    {
        Errors++;
        if (errorSamples.Count < 3)
        {
            errorSamples.Add($"task {taskId}: {problem}");
        }
    }
}
