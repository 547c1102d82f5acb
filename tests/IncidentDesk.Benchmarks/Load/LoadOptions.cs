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
    IReadOnlyList<double> ApiMs,
    double CpuShare,
    long PeakWorkingSet,
    long PeakGcHeap,
    int Gen2Collections)
{
    public double UpdatesPerSecond => Updated / Elapsed.TotalSeconds;
}
