using System.Text.Json;

namespace IncidentDesk.Web.Features.Admin;

/// <summary>Before/after payloads in the same shape <c>AuditChanges</c> writes for entity updates.</summary>
internal static class AdminAudit
{
    public const string UserEntity = "User";
    public const string InvitationEntity = "Invitation";

    public static object Change(object? from, object? to) => new { from, to };

    public static string Json(params (string Field, object? Value)[] fields) =>
        JsonSerializer.Serialize(fields.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal));
}
