using IncidentDesk.Core.Common;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Web.Features.Incidents.Figures;

namespace IncidentDesk.Web.Features.Incidents;

/// <summary>
/// The desk's own timeline entries (status changes, figures, involvement): exact time, officers only,
/// written in pt-BR because the timeline is the incident record's language, and never edited afterwards.
/// </summary>
internal static class AutomaticEvents
{
    public static TimelineEvent Create(int incidentId, DateTime nowUtc, string title, string? description, string actor) => new()
    {
        IncidentId = incidentId,
        OccurredAtUtc = nowUtc,
        RecordedAtUtc = nowUtc,
        Precision = TimePrecision.Exact,
        Kind = TimelineEventKind.Action,
        SharedWithCoops = false,
        Title = AutoEventText.Limit(title, AutoEventText.TitleMax),
        Description = description is null ? null : AutoEventText.Limit(description, AutoEventText.DescriptionMax),
        Source = AutoEventText.Limit($"IncidentDesk · {actor}", AutoEventText.SourceMax),
    };
}
