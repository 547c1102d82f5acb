using IncidentDesk.Core.Mail;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Features.Mail.MailLog;

/// <summary>How mail kinds and states read on screen: a word and an icon each, never a colour alone.</summary>
internal static class MailText
{
    public static string Kind(this IStringLocalizer<MailResource> text, MailKind kind) => text[$"Kind.{kind}"];

    public static string State(this IStringLocalizer<MailResource> text, MailState state) => text[$"State.{state}"];

    public static string StateIcon(MailState state) => state switch
    {
        MailState.Sent => MudBlazor.Icons.Material.Filled.CheckCircle,
        MailState.Failed => MudBlazor.Icons.Material.Filled.Error,
        MailState.Retrying => MudBlazor.Icons.Material.Filled.Autorenew,
        MailState.Held => MudBlazor.Icons.Material.Filled.PauseCircle,
        MailState.Discarded => MudBlazor.Icons.Material.Filled.DoNotDisturbOn,
        _ => MudBlazor.Icons.Material.Filled.Schedule,
    };

    public static MudBlazor.Color StateColor(MailState state) => state switch
    {
        MailState.Sent => MudBlazor.Color.Success,
        MailState.Failed => MudBlazor.Color.Error,
        MailState.Retrying or MailState.Held => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Default,
    };
}
