using System.Text.Json;
using IncidentDesk.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace IncidentDesk.Data.Audit;

/// <summary>Turns tracked entity changes into before/after audit payloads.</summary>
internal sealed class AuditChanges
{
    // Secrets never enter the audit trail, not even hashed; nor do mail bodies and unsubscribe links (an invitation's
    // body carries its single-use link).
    private static readonly HashSet<string> Redacted =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", "AuthenticatorKey", "TextBody", "HtmlBody", "UnsubscribeUrl", "FollowUpCodeHash"];

    private readonly EntityEntry _entry;
    private readonly string _verb;
    private readonly Dictionary<string, object?> _changes;

    private AuditChanges(EntityEntry entry, string verb, Dictionary<string, object?> changes)
    {
        _entry = entry;
        _verb = verb;
        _changes = changes;
    }

    public static IReadOnlyList<AuditChanges> Capture(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        return [.. tracker.Entries()
            .Where(e => e.Entity is not AuditEntry && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => new AuditChanges(e, Verb(e.State), Values(e)))];
    }

    /// <summary>The action this change is recorded as: <c>Type.Created|Updated|Deleted</c>, e.g. <c>CoopTask.Updated</c>.</summary>
    public string Action => $"{_entry.Metadata.ClrType.Name}.{_verb}";

    /// <summary>Built after saving, so new entities already carry their database-generated ids.</summary>
    public AuditRecord ToRecord()
    {
        var key = _entry.Metadata.FindPrimaryKey()?.Properties.Select(p => _entry.Property(p.Name).CurrentValue?.ToString());
        return new AuditRecord(Action, _entry.Metadata.ClrType.Name, key is null ? null : string.Join(",", key), JsonSerializer.Serialize(_changes));
    }

    private static string Verb(EntityState state) => state switch
    {
        EntityState.Added => "Created",
        EntityState.Deleted => "Deleted",
        _ => "Updated",
    };

    private static Dictionary<string, object?> Values(EntityEntry entry)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (property.Metadata.IsPrimaryKey() || (entry.State == EntityState.Modified && !property.IsModified))
            {
                continue;
            }

            object? Show(object? value) => Redacted.Contains(name) ? "***" : value;
            values[name] = entry.State switch
            {
                EntityState.Added => Show(property.CurrentValue),
                EntityState.Deleted => Show(property.OriginalValue),
                _ => new { from = Show(property.OriginalValue), to = Show(property.CurrentValue) },
            };
        }

        return values;
    }
}
