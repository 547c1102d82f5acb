using IncidentDesk.Web.Security;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Features.Admin;

/// <summary>How roles and invitation states read on screen.</summary>
internal static class AdminText
{
    public static string Role(this IStringLocalizer<AdminResource> text, string? role) =>
        role is not null && AppRoles.All.Contains(role, StringComparer.Ordinal) ? text[$"Role.{role}"] : text["Role.None"];

    public static string RoleHint(this IStringLocalizer<AdminResource> text, string role) => text[$"RoleHint.{role}"];

    public static string Status(this IStringLocalizer<AdminResource> text, InvitationStatus status) => text[$"Status.{status}"];

    public static MudBlazor.Color StatusColor(InvitationStatus status) => status switch
    {
        InvitationStatus.Pending => MudBlazor.Color.Info,
        InvitationStatus.Accepted => MudBlazor.Color.Success,
        InvitationStatus.Expired => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Default,
    };

    public static string Coop(string? code, string? name) => code is null ? "—" : $"{code} — {name}";
}
