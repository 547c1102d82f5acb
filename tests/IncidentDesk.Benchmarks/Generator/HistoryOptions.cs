namespace IncidentDesk.Benchmarks.Generator;

/// <summary>
/// What federation history to generate. The same seed, counts and end date give the same rows: a figure measured on a
/// generated history can be measured again on the same history.
/// </summary>
internal sealed record HistoryOptions
{
    public const int IncidentsPerYear = 200;

    public int Years { get; init; } = 5;

    /// <summary>Incidents to write; <see cref="IncidentsPerYear"/> per year when not given.</summary>
    public int? Incidents { get; init; }
    public int Seed { get; init; } = 42;

    /// <summary>The average timeline length the history aims at (automatic events plus people's facts and actions).</summary>
    public int EventsPerIncident { get; init; } = 500;

    /// <summary>The history ends as this day (UTC) begins; today when not given, so recent incidents are still open.</summary>
    public DateOnly? Until { get; init; }

    public int IncidentCount => Incidents ?? Years * IncidentsPerYear;
}

/// <summary>What a generation wrote and how fast.</summary>
internal sealed record HistoryReport(
    string DatabasePath,
    int Incidents,
    int Involvements,
    int KeyFigures,
    int Campaigns,
    int CampaignTasks,
    int CoopTasks,
    int TimelineEvents,
    TimeSpan SchemaTime,
    TimeSpan WriteTime)
{
    public long Rows => (long)Incidents + Involvements + KeyFigures + Campaigns + CampaignTasks + CoopTasks + TimelineEvents;
    public double RowsPerSecond => Rows / Math.Max(WriteTime.TotalSeconds, 1e-9);
}
