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
    public static IReadOnlyList<TimelineEventVersion> Versions(IEnumerable<TimelineAuditEntry> entries)
    {
        var versions = new List<TimelineEventVersion>();
        State? state = null;
        foreach (var entry in entries)
        {
            if (entry.Changes is null)
            {
                continue;
            }

            using var json = JsonDocument.Parse(entry.Changes);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var created = entry.Action.EndsWith(".Created", StringComparison.Ordinal);
            var next = (state ?? new State()) with { };
            var changed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in json.RootElement.EnumerateObject())
            {
                var value = created ? property.Value : property.Value.ValueKind == JsonValueKind.Object
                    && property.Value.TryGetProperty("to", out var to) ? to : default;
                if (value.ValueKind == JsonValueKind.Undefined || !next.Set(property.Name, value))
                {
                    continue; // bookkeeping (IncidentId, RecordedBy, EditedAtUtc…), not what the event says
                }

                changed.Add(property.Name);
            }

            if (state is not null && changed.Count == 0)
            {
                continue;
            }

            state = next;
            versions.Add(new TimelineEventVersion(versions.Count + 1, entry.AtUtc, entry.Who, state.OccurredAtUtc, state.Precision,
                state.Kind, state.Title, state.Description, state.Source, state.SharedWithCoops, created ? new HashSet<string>() : changed));
        }

        return versions;
    }

    private sealed record State
    {
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
