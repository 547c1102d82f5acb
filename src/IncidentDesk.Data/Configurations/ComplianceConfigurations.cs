using IncidentDesk.Core.Compliance;
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
