using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Coops;
using IncidentDesk.Core.Exposure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentDesk.Data.Configurations;

internal sealed class BrokerEndpointConfiguration : IEntityTypeConfiguration<BrokerEndpoint>
{
    public void Configure(EntityTypeBuilder<BrokerEndpoint> b)
    {
        b.Property(e => e.Host).HasMaxLength(EndpointAddress.MaxHost);
        b.Property(e => e.DeclaredBy).HasMaxLength(256);
        b.Property(e => e.AuthorizedBy).HasMaxLength(256);
        b.Property(e => e.RemovedBy).HasMaxLength(256);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.Ignore(e => e.IsAuthorized);
        b.Ignore(e => e.Address);
        // One declaration per co-op and address; a removed one is declared again by bringing it back.
        b.HasIndex(e => new { e.CoopId, e.Host, e.Port }).IsUnique();
        b.HasIndex(e => e.LastOutcome);
        b.HasOne<Coop>().WithMany().HasForeignKey(e => e.CoopId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExposureCheckConfiguration : IEntityTypeConfiguration<ExposureCheck>
{
    public void Configure(EntityTypeBuilder<ExposureCheck> b)
    {
        b.Property(c => c.ContactedAddress).HasMaxLength(64);
        b.Property(c => c.TopicNames).HasMaxLength(ExposureCheck.MaxTopicNamesLength);
        b.Ignore(c => c.TopicNameList);
        b.HasIndex(c => new { c.EndpointId, c.CheckedAtUtc });
        b.HasIndex(c => c.CheckedAtUtc);
        b.HasIndex(c => c.RunId);
        b.HasOne<BrokerEndpoint>().WithMany().HasForeignKey(c => c.EndpointId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Coop>().WithMany().HasForeignKey(c => c.CoopId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ExposureRun>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExposureFindingConfiguration : IEntityTypeConfiguration<ExposureFinding>
{
    public void Configure(EntityTypeBuilder<ExposureFinding> b)
    {
        b.HasIndex(f => f.EndpointId);
        b.HasIndex(f => f.CoopTaskId).IsUnique();
        b.HasOne<BrokerEndpoint>().WithMany().HasForeignKey(f => f.EndpointId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Coop>().WithMany().HasForeignKey(f => f.CoopId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Campaign>().WithMany().HasForeignKey(f => f.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CoopTask>().WithMany().HasForeignKey(f => f.CoopTaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ExposureCheck>().WithMany().HasForeignKey(f => f.OpenedByCheckId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExposureRunConfiguration : IEntityTypeConfiguration<ExposureRun>
{
    public void Configure(EntityTypeBuilder<ExposureRun> b)
    {
        b.Property(r => r.TargetLabel).HasMaxLength(ExposureRun.MaxLabel);
        b.Property(r => r.SlotKey).HasMaxLength(32);
        b.Property(r => r.StartedBy).HasMaxLength(256);
        b.Property(r => r.CancelRequestedBy).HasMaxLength(256);
        // The arbiter between instances: a slot's run can be inserted once (null keys, runs on demand, are not compared).
        b.HasIndex(r => r.SlotKey).IsUnique();
        b.HasIndex(r => r.StartedAtUtc);
    }
}
