using System.Globalization;
using System.Text.Json;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Timeline;

namespace IncidentDesk.Web.Features.Incidents.Timeline;

/// <summary>An audit line about one timeline event, as <see cref="TimelineHistory"/> needs it.</summary>
internal sealed record TimelineAuditEntry(string Action, DateTime AtUtc, string Who, string? Changes);

/// <summary>
/// Rebuilds a manual event's versions from its audit lines: the creation carries every field, each update the
/// fields it changed ("from"/"to"), so replaying them in sequence order gives the event as it read at each moment.
/// </summary>
internal static class TimelineHistory
{
    /// <param name="entries">The event's Created/Updated audit lines in sequence order.</param>
    /// <param name="current">
    /// The event as stored now. Events written without an audit line (the demo seed, imports) have no creation entry:
    /// their first version is then the current row with every recorded change undone ("from" values, newest first).
    /// </param>
    public static IReadOnlyList<TimelineEventVersion> Versions(IReadOnlyList<TimelineAuditEntry> entries, TimelineEvent? current)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var versions = new List<TimelineEventVersion>();
        State? state = null;
        if (current is not null && (entries.Count == 0 || !entries[0].Action.EndsWith(".Created", StringComparison.Ordinal)))
        {
            state = State.Of(current);
            foreach (var entry in entries.Reverse())
            {
                Replay(entry.Changes, "from", state, []);
            }

            versions.Add(Version(1, current.RecordedAtUtc, current.RecordedBy, state, new HashSet<string>()));
        }

        foreach (var entry in entries)
        {
            if (entry.Changes is null)
            {
                continue;
            }

            var created = entry.Action.EndsWith(".Created", StringComparison.Ordinal);
            var next = (state ?? new State()) with { };
            var changed = new HashSet<string>(StringComparer.Ordinal);
            Replay(entry.Changes, created ? null : "to", next, changed);
            if (state is not null && changed.Count == 0)
            {
                continue;
            }

            state = next;
            versions.Add(Version(versions.Count + 1, entry.AtUtc, entry.Who, state, created ? new HashSet<string>() : changed));
        }

        return versions;
    }

    private static TimelineEventVersion Version(int number, DateTime atUtc, string who, State s, IReadOnlySet<string> changed) =>
        new(number, atUtc, who, s.OccurredAtUtc, s.Precision, s.Kind, s.Title, s.Description, s.Source, s.SharedWithCoops, changed);

    /// <summary>Applies one audit payload to <paramref name="state"/>: plain values (creation) or one side of each change.</summary>
    private static void Replay(string? changes, string? side, State state, HashSet<string> changed)
    {
        if (changes is null)
        {
            return;
        }

        using var json = JsonDocument.Parse(changes);
        if (json.RootElement.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in json.RootElement.EnumerateObject())
        {
            var value = side is null ? property.Value : property.Value.ValueKind == JsonValueKind.Object
                && property.Value.TryGetProperty(side, out var part) ? part : default;
            if (value.ValueKind != JsonValueKind.Undefined && state.Set(property.Name, value))
            {
                changed.Add(property.Name); // bookkeeping (IncidentId, RecordedBy, EditedAtUtc…) is not what the event says
            }
        }
    }

    private sealed record State
    {
        public static State Of(TimelineEvent e) => new()
        {
            OccurredAtUtc = DateTime.SpecifyKind(e.OccurredAtUtc, DateTimeKind.Utc), Precision = e.Precision, Kind = e.Kind,
            Title = e.Title, Description = e.Description, Source = e.Source, SharedWithCoops = e.SharedWithCoops,
        };

        public DateTime OccurredAtUtc { get; private set; }
        public TimePrecision Precision { get; private set; }
        public TimelineEventKind Kind { get; private set; }
        public string Title { get; private set; } = "";
        public string? Description { get; private set; }
        public string Source { get; private set; } = "";
        public bool SharedWithCoops { get; private set; }

        /// <summary>Takes one field's value; false for fields that are not part of what the event says.</summary>
        public bool Set(string field, JsonElement value)
        {
            switch (field)
            {
                case nameof(TimelineEvent.OccurredAtUtc):
                    OccurredAtUtc = DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
                    return true;
                case nameof(TimelineEvent.Precision):
                    Precision = (TimePrecision)value.GetInt32();
                    return true;
                case nameof(TimelineEvent.Kind):
                    Kind = (TimelineEventKind)value.GetInt32();
                    return true;
                case nameof(TimelineEvent.Title):
                    Title = value.GetString() ?? "";
                    return true;
                case nameof(TimelineEvent.Description):
                    Description = value.ValueKind == JsonValueKind.Null ? null : value.GetString();
                    return true;
                case nameof(TimelineEvent.Source):
                    Source = value.GetString() ?? "";
                    return true;
                case nameof(TimelineEvent.SharedWithCoops):
                    SharedWithCoops = value.GetBoolean();
                    return true;
                default:
                    return false;
            }
        }
    }
}
