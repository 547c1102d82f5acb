using IncidentDesk.Core.Common;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Web.Features.Incidents.Figures;

namespace IncidentDesk.Web.Features.Incidents;

/// <summary>
/// The desk's own timeline entries (status changes, figures, involvement, evidence…): exact time, officers only,
/// written in pt-BR because the timeline is the incident record's language, and never edited afterwards.
/// </summary>
internal static class AutomaticEvents
{
    public static TimelineEvent Create(
        int incidentId, TimelineEventKind kind, DateTime nowUtc, string title, string? description, string actor)
    {
        if (kind.IsManual())
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Automatic events have a system kind.");
        }

        return new()
        {
            IncidentId = incidentId,
            Kind = kind,
            OccurredAtUtc = nowUtc,
            RecordedAtUtc = nowUtc,
            RecordedBy = AutoEventText.Limit(actor, 256),
            Precision = TimePrecision.Exact,
            SharedWithCoops = false,
            Title = AutoEventText.Limit(title, AutoEventText.TitleMax),
            Description = description is null ? null : AutoEventText.Limit(description, AutoEventText.DescriptionMax),
            Source = AutoEventText.Limit($"IncidentDesk · {actor}", AutoEventText.SourceMax),
        };
    }
}
