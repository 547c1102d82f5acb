using IncidentDesk.Core.Coops;
using IncidentDesk.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentDesk.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.Culture).HasMaxLength(10);
        b.Property(u => u.MailCulture).HasMaxLength(10);
        b.HasOne<Coop>().WithMany().HasForeignKey(u => u.CoopId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.Property(i => i.Email).HasMaxLength(256);
        b.Property(i => i.Role).HasMaxLength(32);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.Property(i => i.InvitedByUserId).HasMaxLength(450);
        b.Property(i => i.AcceptedUserId).HasMaxLength(450);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => i.Email);
        b.HasOne<Coop>().WithMany().HasForeignKey(i => i.CoopId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> b)
    {
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.Property(t => t.Prefix).HasMaxLength(16);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => t.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
