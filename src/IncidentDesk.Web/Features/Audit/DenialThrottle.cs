using System.Collections.Concurrent;
using IncidentDesk.Data.Audit;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Audit;

/// <summary>
/// How many of one caller's refused attempts reach the trail in full: the first few of each window, the rest only counted. A
/// window's count is written when it closes (<see cref="DenialCountFlush"/>) with who and what was refused last, so a flood
/// costs a handful of entries per caller per window and loses nothing.
/// </summary>
public sealed class DenialThrottle(IOptions<IncidentDeskOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public TimeSpan WindowLength => TimeSpan.FromSeconds(Math.Max(1, options.Value.RateLimits.DenialWindowSeconds));

    private int Budget => Math.Max(1, options.Value.RateLimits.DenialsRecordedPerWindow);

    /// <summary>True when this refusal is recorded in full; false when the caller's window only counts it.</summary>
    public bool Admit(AuditActor actor, AuditRecord refusal)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = time.GetUtcNow();
        var key = KeyOf(actor);
        lock (_gate)
        {
            if (!_windows.TryGetValue(key, out var window)
                || (now - window.Opened >= WindowLength && window.Suppressed == 0))
            {
                _windows[key] = new Window(now, actor, refusal, Recorded: 1, Suppressed: 0);
                return true;
            }

            // A closed window whose count the flush has not taken yet keeps counting: the count is written either way.
            if (window.Recorded < Budget && now - window.Opened < WindowLength)
            {
                _windows[key] = window with { Recorded = window.Recorded + 1 };
                return true;
            }

            _windows[key] = window with { Suppressed = window.Suppressed + 1, Last = refusal };
            return false;
        }
    }

    /// <summary>The windows that closed (all of them at shutdown) with refusals only counted; taken windows are forgotten.</summary>
    public IReadOnlyList<Window> TakeClosed(bool all = false)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var closed = _windows.Where(w => all || now - w.Value.Opened >= WindowLength).ToList();
            foreach (var (key, _) in closed)
            {
                _windows.TryRemove(key, out _);
            }

            return [.. closed.Select(w => w.Value).Where(w => w.Suppressed > 0)];
        }
    }

    private static string KeyOf(AuditActor actor) => actor.Id ?? $"{actor.Name}@{actor.ClientIp}";

    /// <summary>One caller's window: when it opened, who, the last refusal, how many were recorded and how many only counted.</summary>
    public sealed record Window(DateTimeOffset Opened, AuditActor Actor, AuditRecord Last, int Recorded, int Suppressed);
}
