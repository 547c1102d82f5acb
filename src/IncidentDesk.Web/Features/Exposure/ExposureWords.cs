using IncidentDesk.Core.Exposure;
using IncidentDesk.Web.Components;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Features.Exposure;

/// <summary>How an endpoint's state reads, looks and is announced — words, colour and icon together, never colour alone.</summary>
internal static class ExposureWords
{
    /// <summary>The state the list filters by: no authorization first (nothing is checked without it), then the last check.</summary>
    public static EndpointState StateOf(EndpointRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.LastOutcome is { } outcome ? (EndpointState)(int)outcome
            : row.IsAuthorized ? EndpointState.NeverChecked : EndpointState.NotAuthorized;
    }

    public static string State(IStringLocalizer text, EndpointState state) => text[$"State.{state}"];

    public static string Outcome(IStringLocalizer text, ExposureOutcome outcome) => text[$"State.{outcome}"];

    public static string Detail(IStringLocalizer text, CheckDetail detail) => text[$"Detail.{detail}"];

    /// <summary>"Declarado em 05/12/2026 13:20 por …": under the address, where the declaration belongs.</summary>
    public static string Declared(IStringLocalizer text, EndpointRow row)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(row);
        return text["Declared.By", row.DeclaredBy, When(row.DeclaredAtUtc)];
    }

    public static string Topics(IStringLocalizer text, int count) => count == 1 ? text["Topics.One"] : text["Topics.Many", count];

    public static MudBlazor.Color Color(EndpointState state) => state switch
    {
        EndpointState.Exposed => MudBlazor.Color.Error,
        EndpointState.AuthRequired => MudBlazor.Color.Success,
        EndpointState.NotAuthorized or EndpointState.TargetRefused => MudBlazor.Color.Warning,
        EndpointState.NotKafka => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };

    public static string Icon(EndpointState state) => state switch
    {
        EndpointState.Exposed => MudBlazor.Icons.Material.Filled.LockOpen,
        EndpointState.AuthRequired => MudBlazor.Icons.Material.Filled.Lock,
        EndpointState.Unreachable => MudBlazor.Icons.Material.Filled.CloudOff,
        EndpointState.NotKafka => MudBlazor.Icons.Material.Filled.HelpOutline,
        EndpointState.TargetRefused => MudBlazor.Icons.Material.Filled.Block,
        EndpointState.NotAuthorized => MudBlazor.Icons.Material.Filled.Gavel,
        _ => MudBlazor.Icons.Material.Filled.Schedule,
    };

    public static string When(DateTime utc) => BrasiliaTime.Format(utc);
}
