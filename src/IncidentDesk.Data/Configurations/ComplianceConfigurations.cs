using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Compliance.Assessment;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Coops;
using IncidentDesk.Core.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentDesk.Data.Configurations;

internal sealed class BusinessClosureConfiguration : IEntityTypeConfiguration<BusinessClosure>
{
    public void Configure(EntityTypeBuilder<BusinessClosure> b)
    {
        b.Property(c => c.Reason).HasMaxLength(BusinessClosure.ReasonMax);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        // One closure per day: a second reason for the same day would not move any deadline further.
        b.HasIndex(c => c.Date).IsUnique();
    }
}

internal sealed class RelevanceAssessmentConfiguration : IEntityTypeConfiguration<RelevanceAssessment>
{
    public void Configure(EntityTypeBuilder<RelevanceAssessment> b)
    {
        b.Property(a => a.Rationale).HasMaxLength(RelevanceAssessment.RationaleMax);
        b.Property(a => a.AssessedBy).HasMaxLength(256);
        b.HasIndex(a => new { a.IncidentId, a.CoopId, a.Version }).IsUnique();
        b.HasOne<Incident>().WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Coop>().WithMany().HasForeignKey(a => a.CoopId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DraftVersionConfiguration : IEntityTypeConfiguration<DraftVersion>
{
    public void Configure(EntityTypeBuilder<DraftVersion> b)
    {
        b.Property(v => v.Markdown).HasMaxLength(DraftVersion.MarkdownMax);
        b.Property(v => v.MissingCodes).HasMaxLength(1000);
        b.Property(v => v.CreatedBy).HasMaxLength(256);
        b.Property(v => v.ApprovedBy).HasMaxLength(256);
        b.Ignore(v => v.IsApproved);
        b.HasIndex(v => new { v.IncidentId, v.CoopId, v.Kind, v.Version }).IsUnique();
        b.HasOne<Incident>().WithMany().HasForeignKey(v => v.IncidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Coop>().WithMany().HasForeignKey(v => v.CoopId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommunicationFilingConfiguration : IEntityTypeConfiguration<CommunicationFiling>
{
    public void Configure(EntityTypeBuilder<CommunicationFiling> b)
    {
        b.Property(f => f.Protocol).HasMaxLength(CommunicationFiling.ProtocolMax);
        b.Property(f => f.RecordedBy).HasMaxLength(256);
        b.HasIndex(f => new { f.IncidentId, f.CoopId, f.Kind });
        b.HasOne<Incident>().WithMany().HasForeignKey(f => f.IncidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Coop>().WithMany().HasForeignKey(f => f.CoopId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DraftVersion>().WithMany().HasForeignKey(f => f.DraftVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
