using IncidentDesk.Core.Coops;
using IncidentDesk.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentDesk.Data.Configurations;

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> b)
    {
        b.Property(m => m.DedupKey).HasMaxLength(OutboxMail.KeyMax);
        b.Property(m => m.MessageId).HasMaxLength(200);
        b.Property(m => m.ToAddress).HasMaxLength(OutboxMail.AddressMax);
        b.Property(m => m.ToName).HasMaxLength(OutboxMail.NameMax);
        b.Property(m => m.RecipientUserId).HasMaxLength(450);
        b.Property(m => m.Subject).HasMaxLength(OutboxMail.SubjectMax);
        b.Property(m => m.UnsubscribeUrl).HasMaxLength(1000);
        b.Property(m => m.Fingerprint).HasMaxLength(64);
        b.Property(m => m.Culture).HasMaxLength(10);
        b.Property(m => m.LastAnswer).HasMaxLength(OutboxMail.AnswerMax);
        b.Property(m => m.LeaseOwner).HasMaxLength(100);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.Ignore(m => m.HasBody);
        b.HasIndex(m => m.DedupKey).IsUnique();
        b.HasIndex(m => m.MessageId).IsUnique();
        // The sender's claim: due rows in order.
        b.HasIndex(m => new { m.State, m.NextAttemptAtUtc });
        // Rate limits (sent per recipient in the last hour) and the hold of a repeated notice (same fingerprint within the hour).
        b.HasIndex(m => new { m.ToAddress, m.SentAtUtc });
        b.HasIndex(m => new { m.Fingerprint, m.CreatedAtUtc });
        b.HasIndex(m => m.CreatedAtUtc);
        b.HasIndex(m => m.SentAtUtc);
        b.HasOne<Coop>().WithMany().HasForeignKey(m => m.CoopId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MailRunConfiguration : IEntityTypeConfiguration<MailRun>
{
    public void Configure(EntityTypeBuilder<MailRun> b)
    {
        b.Property(r => r.Kind).HasMaxLength(40);
        b.HasIndex(r => new { r.Kind, r.Day }).IsUnique();
    }
}
