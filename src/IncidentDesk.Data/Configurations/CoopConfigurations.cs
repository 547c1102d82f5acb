using IncidentDesk.Core.Coops;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentDesk.Data.Configurations;

internal sealed class FederationConfiguration : IEntityTypeConfiguration<Federation>
{
    public void Configure(EntityTypeBuilder<Federation> b)
    {
        b.Property(f => f.Code).HasMaxLength(16);
        b.Property(f => f.Name).HasMaxLength(200);
        b.Property(f => f.Uf).HasMaxLength(2);
        b.HasIndex(f => f.Code).IsUnique();
    }
}

internal sealed class CoopConfiguration : IEntityTypeConfiguration<Coop>
{
    public void Configure(EntityTypeBuilder<Coop> b)
    {
        b.Property(c => c.Code).HasMaxLength(16);
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Cnpj).HasMaxLength(14).IsFixedLength();
        b.Property(c => c.Uf).HasMaxLength(2);
        b.Property(c => c.City).HasMaxLength(120);
        b.Property(c => c.EncarregadoName).HasMaxLength(200);
        b.Property(c => c.EncarregadoEmail).HasMaxLength(254);
        b.Property(c => c.EncarregadoPhone).HasMaxLength(32);
        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => c.Cnpj).IsUnique();
        b.HasIndex(c => c.Uf);
        b.HasOne(c => c.Federation).WithMany(f => f.Coops).HasForeignKey(c => c.FederationId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
