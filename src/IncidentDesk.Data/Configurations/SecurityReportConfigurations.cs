using IncidentDesk.Core.Coops;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentDesk.Data.Configurations;

internal sealed class SecurityReportConfiguration : IEntityTypeConfiguration<SecurityReport>
{
    public void Configure(EntityTypeBuilder<SecurityReport> b)
    {
        b.Property(r => r.Reference).HasMaxLength(20);
        b.Property(r => r.Finding).HasMaxLength(SecurityReport.FindingMax);
        b.Property(r => r.Target).HasMaxLength(SecurityReport.TargetMax);
        b.Property(r => r.HowFound).HasMaxLength(SecurityReport.HowFoundMax);
        b.Property(r => r.ProofOfConcept).HasMaxLength(SecurityReport.ProofMax);
        b.Property(r => r.OthersInformed).HasMaxLength(SecurityReport.OthersInformedMax);
        b.Property(r => r.ReporterName).HasMaxLength(SecurityReport.NameMax);
        b.Property(r => r.ReporterOrganisation).HasMaxLength(SecurityReport.NameMax);
        b.Property(r => r.ReporterEmail).HasMaxLength(SecurityReport.EmailMax);
        b.Property(r => r.FollowUpCodeHash).HasMaxLength(64);
        b.HasIndex(r => r.Reference).IsUnique();
        b.HasIndex(r => new { r.Year, r.Sequence }).IsUnique();
        b.HasIndex(r => r.FollowUpCodeHash).IsUnique();
        // The hourly cap counts recent receipts; the inbox lists by status and age.
        b.HasIndex(r => r.ReceivedAtUtc);
        b.HasIndex(r => r.Status);
        b.HasOne<Coop>().WithMany().HasForeignKey(r => r.CoopId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Incident>().WithMany().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Messages).WithOne().HasForeignKey(m => m.SecurityReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SecurityReportMessageConfiguration : IEntityTypeConfiguration<SecurityReportMessage>
{
    public void Configure(EntityTypeBuilder<SecurityReportMessage> b)
    {
        b.Property(m => m.Body).HasMaxLength(SecurityReportMessage.BodyMax);
        b.Property(m => m.AuthorName).HasMaxLength(256);
        b.HasIndex(m => new { m.SecurityReportId, m.SentAtUtc });
    }
}
