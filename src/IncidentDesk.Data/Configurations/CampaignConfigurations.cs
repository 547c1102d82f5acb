using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Coops;
using IncidentDesk.Core.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentDesk.Data.Configurations;

internal sealed class PlaybookConfiguration : IEntityTypeConfiguration<Playbook>
{
    public void Configure(EntityTypeBuilder<Playbook> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Description).HasMaxLength(4000);
        b.Property(p => p.UpdatedBy).HasMaxLength(256);
        b.HasIndex(p => p.Name).IsUnique();
        b.HasMany(p => p.Steps).WithOne().HasForeignKey(s => s.PlaybookId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlaybookStepConfiguration : IEntityTypeConfiguration<PlaybookStep>
{
    public void Configure(EntityTypeBuilder<PlaybookStep> b)
    {
        b.Property(s => s.Title).HasMaxLength(300);
        b.Property(s => s.Instructions).HasMaxLength(8000);
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.Property(c => c.Title).HasMaxLength(300);
        b.Property(c => c.LaunchedBy).HasMaxLength(256);
        b.Property(c => c.AudienceFilter).HasMaxLength(20);
        b.Property(c => c.CancelledBy).HasMaxLength(256);
        b.Property(c => c.CancellationReason).HasMaxLength(2000);
        b.Ignore(c => c.IsCancelled);
        b.HasIndex(c => c.IncidentId);
        b.HasOne<Incident>().WithMany().HasForeignKey(c => c.IncidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Playbook>().WithMany().HasForeignKey(c => c.PlaybookId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(c => c.Tasks).WithOne().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CampaignTaskConfiguration : IEntityTypeConfiguration<CampaignTask>
{
    public void Configure(EntityTypeBuilder<CampaignTask> b)
    {
        b.Property(t => t.Title).HasMaxLength(300);
        b.Property(t => t.Instructions).HasMaxLength(8000);
        b.Ignore(t => t.Requirements);
        b.HasMany(t => t.CoopTasks).WithOne(c => c.CampaignTask).HasForeignKey(c => c.CampaignTaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CoopTaskConfiguration : IEntityTypeConfiguration<CoopTask>
{
    public void Configure(EntityTypeBuilder<CoopTask> b)
    {
        b.Property(t => t.Answer).HasMaxLength(8000);
        b.Property(t => t.Note).HasMaxLength(4000);
        b.Property(t => t.UpdatedBy).HasMaxLength(256);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => new { t.CampaignTaskId, t.CoopId }).IsUnique();
        b.HasIndex(t => new { t.CampaignId, t.CoopId });
        // Covers the progress counts per (task, status) of an incident's campaigns without touching the rows.
        b.HasIndex(t => new { t.CampaignId, t.CampaignTaskId, t.Status });
        b.HasIndex(t => new { t.CoopId, t.Status });
        b.HasOne<Campaign>().WithMany().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<Coop>().WithMany().HasForeignKey(t => t.CoopId).OnDelete(DeleteBehavior.Restrict);
    }
}
