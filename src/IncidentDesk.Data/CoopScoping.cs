using IncidentDesk.Core.Audit;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Compliance.Assessment;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Coops;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Reports;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace IncidentDesk.Data;

/// <summary>
/// Which co-ops' rows a person may read and write. Every co-op is its own data controller, so this is the rule that keeps
/// one co-op's answers, evidence, assessments and drafts away from the other 339. It is decided here and nowhere else:
/// every <see cref="IncidentDeskDbContext"/> carries one, its query filters (below) hide what the scope may not read, and
/// its save refuses a change to a row the scope may not write.
/// </summary>
public sealed record CoopScope
{
    private CoopScope(string name, bool readsAll, bool writesAll, int? coopId)
    {
        Name = name;
        ReadsAll = readsAll;
        WritesAll = writesAll;
        CoopId = coopId;
    }

    /// <summary>Anonymous visitors, and anyone whose role gives no co-op: no co-op's rows. The default of every context.</summary>
    public static CoopScope Nobody { get; } = new("nobody", readsAll: false, writesAll: false, coopId: null);

    /// <summary>
    /// Every co-op's rows. Only for work that is not done on a person's behalf — start-up, background jobs, the operators'
    /// command line, sign-in before anyone is known, the audit chain — through <see cref="FederationWideDb"/>.
    /// </summary>
    public static CoopScope FederationWide { get; } = new("federation-wide", readsAll: true, writesAll: true, coopId: null);

    /// <summary>For display and logs: "officer", "auditor", "coop-12", "nobody"…</summary>
    public string Name { get; }

    public bool ReadsAll { get; }

    public bool WritesAll { get; }

    /// <summary>The one co-op a liaison acts for; null for everyone else.</summary>
    public int? CoopId { get; }

    /// <summary>
    /// Privacy officers read and write every co-op's rows (the federation coordinates the response); auditors read every
    /// co-op's rows and write none; a liaison reads and writes their own co-op's only; anyone else, nothing.
    /// </summary>
    public static CoopScope For(bool officer, bool auditor, bool liaison, int? liaisonCoopId) =>
        officer ? new("officer", readsAll: true, writesAll: true, coopId: null)
        : auditor ? new("auditor", readsAll: true, writesAll: false, coopId: null)
        : liaison && liaisonCoopId is { } coopId ? new($"coop-{coopId}", readsAll: false, writesAll: false, coopId)
        : Nobody;

    public bool CanRead(int coopId) => ReadsAll || CoopId == coopId;

    public bool CanWrite(int coopId) => WritesAll || CoopId == coopId;
}

/// <summary>A change to a co-op's row that the context's <see cref="CoopScope"/> may not write; nothing was saved.</summary>
public sealed class CoopScopeViolationException(string message) : InvalidOperationException(message);

public sealed partial class IncidentDeskDbContext
{
    /// <summary>
    /// Entity types that carry no co-op's data, with the reason; every other entity type has a co-op rule below. A new
    /// entity type must be added to one or the other (a test enumerates the model).
    /// </summary>
    public static IReadOnlyDictionary<Type, string> UnscopedEntities { get; } = new Dictionary<Type, string>
    {
        [typeof(Federation)] = "a state federation's name and code: public directory data, no co-op's work",
        [typeof(Playbook)] = "a federation-wide template of tasks; officers and auditors only, enforced by role",
        [typeof(PlaybookStep)] = "a step of a federation-wide template",
        [typeof(Core.Compliance.BusinessClosure)] = "the business calendar every co-op's deadlines are counted on",
        [typeof(PersonalAccessToken)] = "a person's own API token, read only by its owner's token service and the bearer check",
        [typeof(Core.Mail.MailRun)] = "the day a scheduled mail run happened and how many mails it queued; no co-op's data",
        [typeof(Core.Exposure.ExposureRun)] = "a round of exposure checks, the federation's own operation; officers and auditors only, enforced by role",
        [typeof(IdentityRole)] = IdentityTable,
        [typeof(IdentityRoleClaim<string>)] = IdentityTable,
        [typeof(IdentityUserClaim<string>)] = IdentityTable,
        [typeof(IdentityUserLogin<string>)] = IdentityTable,
        [typeof(IdentityUserRole<string>)] = IdentityTable,
        [typeof(IdentityUserToken<string>)] = IdentityTable,
    };

    private const string IdentityTable =
        "ASP.NET Identity's own table (roles, claims, logins, authenticator keys), read only by its stores; the account it hangs off is scoped";

    private CoopScope _scope = CoopScope.Nobody;

    /// <summary>What this context may read and write; set once by the factory that creates it.</summary>
    public CoopScope Scope
    {
        get => _scope;
        init => _scope = value ?? throw new ArgumentNullException(nameof(value));
    }

    // Read by the query filters: EF Core evaluates them per query against the context that runs it.
    private bool ScopeReadsAll => _scope.ReadsAll;

    private int? ScopeCoopId => _scope.CoopId;

    /// <summary>
    /// The read rule, per entity type. A liaison reads: their own co-op and its involvements, tasks, assessments, filings,
    /// approved drafts, declared brokers with their checks and findings; the incidents their co-op is involved in or tasked
    /// about, with those incidents' key figures, shared timeline events and shared evidence; the campaigns (and their tasks) that asked their co-op something; the
    /// accounts of their own co-op. Officers and auditors read everything; nobody else reads anything. The filters reference
    /// each other only downwards (incident → campaign → co-op task), never in a cycle.
    /// </summary>
    private void ApplyCoopScope(ModelBuilder builder)
    {
        builder.Entity<Coop>().HasQueryFilter(c => ScopeReadsAll || c.Id == ScopeCoopId);
        builder.Entity<CoopInvolvement>().HasQueryFilter(v => ScopeReadsAll || v.CoopId == ScopeCoopId);
        builder.Entity<CoopTask>().HasQueryFilter(t => ScopeReadsAll || t.CoopId == ScopeCoopId);
        builder.Entity<RelevanceAssessment>().HasQueryFilter(a => ScopeReadsAll || a.CoopId == ScopeCoopId);
        builder.Entity<CommunicationFiling>().HasQueryFilter(f => ScopeReadsAll || f.CoopId == ScopeCoopId);
        builder.Entity<DraftVersion>().HasQueryFilter(d => ScopeReadsAll || (d.CoopId == ScopeCoopId && d.ApprovedAtUtc != null));
        builder.Entity<AppUser>().HasQueryFilter(u => ScopeReadsAll || u.CoopId == ScopeCoopId);
        builder.Entity<Invitation>().HasQueryFilter(_ => ScopeReadsAll);
        builder.Entity<AuditEntry>().HasQueryFilter(_ => ScopeReadsAll);
        // The mail log holds every co-op's addresses: officers and auditors only, a liaison nothing, not even their own mails.
        builder.Entity<Core.Mail.OutboxMail>().HasQueryFilter(_ => ScopeReadsAll);
        // Outside reports may name a co-op, but they are the federation's intake: a liaison reads none of them, even
        // one that names their own co-op (it may concern a flaw the co-op has not been told about yet).
        builder.Entity<SecurityReport>().HasQueryFilter(_ => ScopeReadsAll);
        builder.Entity<SecurityReportMessage>().HasQueryFilter(_ => ScopeReadsAll);
        builder.Entity<Core.Exposure.BrokerEndpoint>().HasQueryFilter(e => ScopeReadsAll || e.CoopId == ScopeCoopId);
        builder.Entity<Core.Exposure.ExposureCheck>().HasQueryFilter(c => ScopeReadsAll || c.CoopId == ScopeCoopId);
        builder.Entity<Core.Exposure.ExposureFinding>().HasQueryFilter(f => ScopeReadsAll || f.CoopId == ScopeCoopId);

        builder.Entity<Campaign>().HasQueryFilter(c => ScopeReadsAll
            || Set<CoopTask>().Any(t => t.CampaignId == c.Id && t.CoopId == ScopeCoopId));
        builder.Entity<CampaignTask>().HasQueryFilter(ct => ScopeReadsAll
            || Set<CoopTask>().Any(t => t.CampaignTaskId == ct.Id && t.CoopId == ScopeCoopId));
        builder.Entity<Incident>().HasQueryFilter(i => ScopeReadsAll
            || Set<CoopInvolvement>().Any(v => v.IncidentId == i.Id && v.CoopId == ScopeCoopId)
            || Set<Campaign>().Any(c => c.IncidentId == i.Id));
        builder.Entity<KeyFigure>().HasQueryFilter(k => ScopeReadsAll || Set<Incident>().Any(i => i.Id == k.IncidentId));
        builder.Entity<TimelineEvent>().HasQueryFilter(e => ScopeReadsAll
            || (e.SharedWithCoops && Set<Incident>().Any(i => i.Id == e.IncidentId)));
        builder.Entity<Evidence>().HasQueryFilter(e => ScopeReadsAll || e.CoopId == ScopeCoopId
            || (e.SharedWithCoops && Set<Incident>().Any(i => i.Id == e.IncidentId)));
    }

    /// <summary>
    /// The write rule: a change to a row that belongs to a co-op — the co-op itself or anything carrying its id — is refused
    /// unless the scope may write for that co-op (an auditor writes none; a liaison only their own). A change that moves a
    /// row from one co-op to another needs both.
    /// </summary>
    private void EnsureScopeMayWrite()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            foreach (var coopId in OwningCoops(entry))
            {
                if (!_scope.CanWrite(coopId))
                {
                    throw new CoopScopeViolationException(
                        $"{_scope.Name} may not change {entry.Metadata.ClrType.Name} of co-op {coopId}.");
                }
            }
        }
    }

    private static IEnumerable<int> OwningCoops(EntityEntry entry)
    {
        if (entry.Entity is Coop coop)
        {
            yield return coop.Id;
            yield break;
        }

        if (entry.Metadata.FindProperty(nameof(CoopTask.CoopId)) is not { } property)
        {
            yield break;
        }

        var member = entry.Property(property.Name);
        if (member.CurrentValue is int current)
        {
            yield return current;
        }

        if (entry.State == EntityState.Modified && member.OriginalValue is int original && !Equals(original, member.CurrentValue))
        {
            yield return original;
        }
    }
}
