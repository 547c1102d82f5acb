using IncidentDesk.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentDesk.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.ActorId).HasMaxLength(64);
        b.Property(a => a.ActorName).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.EntityType).HasMaxLength(64);
        b.Property(a => a.EntityId).HasMaxLength(64);
        b.Property(a => a.ClientIp).HasMaxLength(64);
        b.Property(a => a.KeyId).HasMaxLength(32);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.HasIndex(a => a.Sequence).IsUnique();
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => a.ActorId);
        b.HasIndex(a => a.Action);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}
