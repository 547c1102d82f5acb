using System.Data.Common;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Timeline;

namespace IncidentDesk.Benchmarks.Generator;

/// <summary>The prepared inserts of every table the history fills, and the next id of each (ids continue after the seed's rows).</summary>
internal sealed class HistoryWriter : IDisposable
{
    private readonly Dictionary<string, int> lastIds = [];

    private HistoryWriter(DbConnection connection)
    {
        Incidents = TableInsert.Prepare(connection, "Incidents", "Id", "Reference", "Title", "Summary", "Status", "Severity", "Source",
            "ReporterName", "ReporterOrganisation", "ReporterContact", "ReportedAtUtc", "DiscoveredAtUtc", "DiscoveredAtPrecision",
            "KnowledgeAtUtc", "AffectedSystems", "DataCategories", "DataSubjectCategories", "Type", "Impact", "MeasuresBefore",
            "CreatedAtUtc", "UpdatedAtUtc");
        Involvements = TableInsert.Prepare(connection, "CoopInvolvements", "Id", "IncidentId", "CoopId", "Role", "KnowledgeAtUtc", "Notes", "DelayReasons");
        KeyFigures = TableInsert.Prepare(connection, "KeyFigures", "Id", "IncidentId", "Label", "Value", "Unit", "Status", "Source", "AsOf", "Note", "SortOrder");
        Campaigns = TableInsert.Prepare(connection, "Campaigns", "Id", "IncidentId", "Title", "PlaybookId", "Audience", "AudienceFilter", "LaunchedAtUtc", "LaunchedBy");
        CampaignTasks = TableInsert.Prepare(connection, "CampaignTasks", "Id", "CampaignId", "Order", "Title", "Instructions", "DueAtUtc", "EvidenceRequired", "AnswerType");
        CoopTasks = TableInsert.Prepare(connection, "CoopTasks", "CampaignTaskId", "CampaignId", "CoopId", "Status", "Answer", "Note", "UpdatedAtUtc", "UpdatedBy", "Version");
        Timeline = TableInsert.Prepare(connection, "TimelineEvents", "IncidentId", "OccurredAtUtc", "Precision", "Title", "Description", "Source",
            "Kind", "SharedWithCoops", "RecordedAtUtc", "RecordedBy", "EditedAtUtc", "EditedBy");
    }

    public TableInsert Incidents { get; }
    public TableInsert Involvements { get; }
    public TableInsert KeyFigures { get; }
    public TableInsert Campaigns { get; }
    public TableInsert CampaignTasks { get; }
    public TableInsert CoopTasks { get; }
    public TableInsert Timeline { get; }

    private IEnumerable<TableInsert> All => [Incidents, Involvements, KeyFigures, Campaigns, CampaignTasks, CoopTasks, Timeline];

    public static async Task<HistoryWriter> CreateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var writer = new HistoryWriter(connection);
        foreach (var table in new[] { "Incidents", "CoopInvolvements", "KeyFigures", "Campaigns", "CampaignTasks" })
        {
            await using var max = connection.CreateCommand();
#pragma warning disable CA2100 // constant table names
            max.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"";
#pragma warning restore CA2100
            writer.lastIds[table] = Convert.ToInt32(await max.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        return writer;
    }

    public void Use(DbTransaction transaction)
    {
        foreach (var insert in All)
        {
            insert.Use(transaction);
        }
    }

    public int NextId(TableInsert insert) => ++System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(lastIds, insert.Table, out _);

    /// <summary>An event the desk wrote by itself when something changed (as AutomaticEvents.Create does in the app).</summary>
    public void Automatic(int incidentId, TimelineEventKind kind, DateTime atUtc, string title, string? description, string actor) =>
        Timeline.Row(incidentId, atUtc, TimePrecision.Exact, Limit(title, 300), description, Limit($"IncidentDesk · {actor}", 300),
            kind, false, atUtc, actor, null, null);

    /// <summary>A fact or action someone wrote by hand, some shared with the co-ops, some edited later.</summary>
    public void Manual(int incidentId, TimelineEventKind kind, DateTime occurredUtc, TimePrecision precision, string title, string? description,
        string source, bool shared, DateTime recordedUtc, string recordedBy, DateTime? editedUtc) =>
        Timeline.Row(incidentId, occurredUtc, precision, title, description, source, kind, shared, recordedUtc, recordedBy,
            editedUtc, editedUtc is null ? null : recordedBy);

    private static string Limit(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    public void Dispose()
    {
        foreach (var insert in All)
        {
            insert.Dispose();
        }
    }
}
