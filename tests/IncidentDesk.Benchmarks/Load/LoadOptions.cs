namespace IncidentDesk.Benchmarks.Load;

/// <summary>The shape of a load run: K liaisons each updating their co-op's task every interval, M officers watching.</summary>
internal sealed record LoadOptions
{
    public int Liaisons { get; init; } = 340;
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);
    public int Officers { get; init; } = 50;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Update this campaign's tasks (each co-op's last one) instead of launching a one-task campaign: the load then lands
    /// on what open matrix pages show.
    /// </summary>
    public int? CampaignId { get; init; }

    /// <summary>A fault injected once, <see cref="FaultAt"/> into the run (e.g. restarting PostgreSQL); null for none.</summary>
    public Func<Task>? Fault { get; init; }

    public TimeSpan FaultAt { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long officers may still receive the last updates after the liaisons stop before a delivery counts as missing.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>What a load run measured. Latencies in milliseconds.</summary>
internal sealed record LoadResult(
    LoadOptions Options,
    TimeSpan Elapsed,
    int Attempts,
    int Updated,
    int Conflicts,
    int Errors,
    IReadOnlyList<string> ErrorSamples,
    int HubDisconnects,
    long ExpectedDeliveries,
    long MissingDeliveries,
    long UnexpectedDeliveries,
    IReadOnlyList<double> DeliveryMs,
    IReadOnlyList<long> DeliverySentAt,
    IReadOnlyList<double> ApiMs,
    double CpuShare,
    long PeakWorkingSet,
    long PeakGcHeap,
    int Gen2Collections)
{
    /// <summary>503 answers while the database was away (retried by the liaisons at their next interval).</summary>
    public int Unavailable { get; init; }

    /// <summary>Tasks whose stored version is below what their acknowledged updates made it: acknowledged writes lost.</summary>
    public int LostWrites { get; init; }

    public int CatchUps { get; init; }

    /// <summary>EF Core queries and saves during the run, over every context of the process (both instances when scaled out).</summary>
    public long DatabaseCalls { get; init; }

    /// <summary>When each update that did not reach an officer was sent (one entry per officer missing it).</summary>
    public IReadOnlyList<long> MissedSentAt { get; init; } = [];

    /// <summary>Missed deliveries no catch-up message followed: changes an officer's client would never learn of.</summary>
    public int MissedWithoutCatchUp { get; init; }

    /// <summary>When the injected fault began and ended (Stopwatch timestamps); null without a fault.</summary>
    public (long Started, long Ended)? Fault { get; init; }

    public double UpdatesPerSecond => Updated / Elapsed.TotalSeconds;
}
