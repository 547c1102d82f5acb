using IncidentDesk.Core.Incidents;
using MudBlazor;

namespace IncidentDesk.Web.Features.Incidents;

/// <summary>One mapping from domain states to badge colours, so every screen speaks the same colour language.</summary>
internal static class IncidentBadges
{
    public static Color For(IncidentSeverity severity) => severity switch
    {
        IncidentSeverity.Critical => Color.Error,
        IncidentSeverity.High => Color.Warning,
        IncidentSeverity.Medium => Color.Info,
        _ => Color.Default,
    };

    public static Color For(IncidentStatus status) => status switch
    {
        IncidentStatus.Reported or IncidentStatus.Triage => Color.Secondary,
        IncidentStatus.Investigating or IncidentStatus.Notifying => Color.Primary,
        IncidentStatus.Contained => Color.Info,
        _ => Color.Default,
    };

    public static Color For(FigureStatus status) => status switch
    {
        FigureStatus.Confirmed => Color.Success,
        FigureStatus.Disputed => Color.Error,
        FigureStatus.Estimated => Color.Info,
        _ => Color.Warning,
    };
}
