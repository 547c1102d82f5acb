using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Coops;
using IncidentDesk.Core.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentDesk.Data.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.Property(c => c.Title).HasMaxLength(300);
        b.Property(c => c.LaunchedBy).HasMaxLength(200);
        b.HasOne<Incident>().WithMany().HasForeignKey(c => c.IncidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Tasks).WithOne().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CoopTaskConfiguration : IEntityTypeConfiguration<CoopTask>
{
    public void Configure(EntityTypeBuilder<CoopTask> b)
    {
        b.Property(t => t.Title).HasMaxLength(300);
        b.Property(t => t.Instructions).HasMaxLength(8000);
        b.Property(t => t.Answer).HasMaxLength(8000);
        b.Property(t => t.UpdatedBy).HasMaxLength(200);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => new { t.CoopId, t.Status });
        b.HasOne<Coop>().WithMany().HasForeignKey(t => t.CoopId).OnDelete(DeleteBehavior.Restrict);
    }
}
