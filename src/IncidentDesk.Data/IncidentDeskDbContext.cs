using IncidentDesk.Core.Audit;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Compliance.Assessment;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Coops;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Reports;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Data;

/// <summary>
/// The desk's database. Each context reads and writes within its <see cref="CoopScope"/> (CoopScoping.cs) and saves only
/// through the audit trail (AuditedWrites.cs).
/// </summary>
public sealed partial class IncidentDeskDbContext(DbContextOptions<IncidentDeskDbContext> options)
    : IdentityDbContext<AppUser>(options)
{
    public DbSet<Federation> Federations => Set<Federation>();
    public DbSet<Coop> Coops => Set<Coop>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<KeyFigure> KeyFigures => Set<KeyFigure>();
    public DbSet<CoopInvolvement> CoopInvolvements => Set<CoopInvolvement>();
    public DbSet<TimelineEvent> TimelineEvents => Set<TimelineEvent>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<Playbook> Playbooks => Set<Playbook>();
    public DbSet<PlaybookStep> PlaybookSteps => Set<PlaybookStep>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignTask> CampaignTasks => Set<CampaignTask>();
    public DbSet<CoopTask> CoopTasks => Set<CoopTask>();
    public DbSet<BusinessClosure> BusinessClosures => Set<BusinessClosure>();
    public DbSet<RelevanceAssessment> RelevanceAssessments => Set<RelevanceAssessment>();
    public DbSet<DraftVersion> DraftVersions => Set<DraftVersion>();
    public DbSet<CommunicationFiling> CommunicationFilings => Set<CommunicationFiling>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<Core.Mail.OutboxMail> OutboxMails => Set<Core.Mail.OutboxMail>();
    public DbSet<Core.Mail.MailRun> MailRuns => Set<Core.Mail.MailRun>();
    public DbSet<SecurityReport> SecurityReports => Set<SecurityReport>();
    public DbSet<SecurityReportMessage> SecurityReportMessages => Set<SecurityReportMessage>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(IncidentDeskDbContext).Assembly);
        SearchText.Map(builder, Database.IsNpgsql());
        ApplyCoopScope(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Everything is stored in UTC; the converter only restores DateTimeKind.Utc on read so that
        // display code never mistakes a stored instant for local time.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
