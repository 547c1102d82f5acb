using System.Reflection;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Compliance.Assessment;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Coops;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Data.Identity;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Security;

/// <summary>
/// The co-op scope (src/IncidentDesk.Data/CoopScoping.cs) proven entity by entity, through the contexts the feature
/// services get: every entity type that carries a co-op — directly, or through its incident or campaign — has a read
/// rule; a liaison's context reads no row of another co-op of any of them, and cannot write one.
/// </summary>
public sealed class CoopScopeRuleTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>, IAsyncLifetime
{
    private const string CoopA = "SP-004"; // involved in the reference incident
    private const string CoopB = "RJ-001"; // involved in nothing, tasked with nothing

    // Rows only the federation reads: a liaison sees none, not even their own co-op's.
    private static readonly HashSet<Type> FederationOnly =
        [typeof(Core.Audit.AuditEntry), typeof(Invitation), typeof(Core.Mail.OutboxMail), typeof(Core.Reports.SecurityReport), typeof(Core.Reports.SecurityReportMessage)];

    // A row carries a co-op when it names one, or names the incident, campaign or campaign task it belongs to.
    private static readonly string[] CoopCarryingKeys = ["CoopId", "IncidentId", "CampaignId", "CampaignTaskId"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private int _coopA;
    private int _coopB;
    private TestAccount _liaisonA = default!;
    private TestAccount _liaisonB = default!;

    public async ValueTask InitializeAsync()
    {
        await using var db = fixture.CreateDb();
        _coopA = await db.Coops.Where(c => c.Code == CoopA).Select(c => c.Id).SingleAsync(Ct);
        _coopB = await db.Coops.Where(c => c.Code == CoopB).Select(c => c.Id).SingleAsync(Ct);
        _liaisonA = await TestAccounts.CreateAsync(fixture.Host, AppRoles.CoopLiaison, CoopA, twoFactor: false);
        _liaisonB = await TestAccounts.CreateAsync(fixture.Host, AppRoles.CoopLiaison, CoopB, twoFactor: false);
        if (!await db.Campaigns.AnyAsync(Ct))
        {
            await ArrangeCoopAsWorkAsync(db, await fixture.ReferenceIncidentIdAsync());
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public void Every_entity_type_that_carries_a_coop_has_a_read_rule_and_every_other_is_named_with_its_reason()
    {
        using var db = fixture.CreateDb();
        var problems = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            var scoped = entity.GetDeclaredQueryFilters().Count > 0;
            var named = IncidentDeskDbContext.UnscopedEntities.ContainsKey(entity.ClrType);
            if (CarriesACoop(entity) && !scoped)
            {
                problems.Add($"{entity.ClrType.Name} carries a co-op but has no read rule in CoopScoping.cs");
            }

            if (scoped == named)
            {
                problems.Add($"{entity.ClrType.Name} must have either a read rule or an entry in UnscopedEntities, not {(scoped ? "both" : "neither")}");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_liaisons_context_reads_no_row_of_another_coop_of_any_scoped_entity_and_their_own_of_each()
    {
        await using var federation = fixture.CreateDb();
        await using var scopeA = await fixture.Host.ActingAsAsync(_liaisonA);
        await using var scopeB = await fixture.Host.ActingAsAsync(_liaisonB);
        await using var dbA = await ContextOf(scopeA);
        await using var dbB = await ContextOf(scopeB);

        foreach (var entity in ScopedEntities(federation))
        {
            var all = await RowsAsync(federation, entity);
            var others = all.Where(r => OwningCoop(federation, r) != _coopB).ToList();
            Assert.True(others.Count > 0, $"arrange a row of {entity.ClrType.Name} that belongs to another co-op");

            var seenByB = await RowsAsync(dbB, entity);
            Assert.All(seenByB, row => Assert.Equal(_coopB, OwningCoop(dbB, row)));

            if (!FederationOnly.Contains(entity.ClrType))
            {
                Assert.True((await RowsAsync(dbA, entity)).Count > 0, $"liaison of {CoopA} reads none of their own {entity.ClrType.Name}");
            }
        }
    }

    [Fact]
    public async Task A_liaisons_context_cannot_write_another_coops_row_even_through_the_audit_trail()
    {
        await using var federation = fixture.CreateDb();
        var task = await federation.CoopTasks.AsNoTracking().FirstAsync(t => t.CoopId == _coopA, Ct);
        await using var scopeB = await fixture.Host.ActingAsAsync(_liaisonB);
        var audit = scopeB.ServiceProvider.GetRequiredService<AuditLog>();

        await using (var dbB = await ContextOf(scopeB))
        {
            dbB.Attach(task);
            task.Note = "written by another co-op";
            await Assert.ThrowsAsync<CoopScopeViolationException>(() => audit.SaveChangesAsync(dbB, cancellationToken: Ct));
        }

        await using (var dbB = await ContextOf(scopeB))
        {
            dbB.Evidence.Add(new Evidence
            {
                IncidentId = await fixture.ReferenceIncidentIdAsync(), Kind = EvidenceKind.Link, Title = "planted", Url = "https://example.org/",
                CoopId = _coopA, AddedBy = _liaisonB.Email,
            });
            await Assert.ThrowsAsync<CoopScopeViolationException>(() => audit.SaveChangesAsync(dbB, cancellationToken: Ct));
        }

        Assert.NotEqual("written by another co-op", (await federation.CoopTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id, Ct)).Note);
        Assert.False(await federation.Evidence.AnyAsync(e => e.Title == "planted", Ct));
    }

    [Fact]
    public async Task An_auditor_reads_every_coop_but_writes_none()
    {
        var auditor = await TestAccounts.CreateAsync(fixture.Host, AppRoles.Auditor, twoFactor: false);
        await using var scope = await fixture.Host.ActingAsAsync(auditor);
        await using var db = await ContextOf(scope);

        var coop = await db.Coops.SingleAsync(c => c.Id == _coopA, Ct);
        Assert.Equal(340, await db.Coops.CountAsync(Ct));
        coop.City = "Alterada por auditor";
        await Assert.ThrowsAsync<CoopScopeViolationException>(() =>
            scope.ServiceProvider.GetRequiredService<AuditLog>().SaveChangesAsync(db, cancellationToken: Ct));
    }

    private static bool CarriesACoop(IReadOnlyEntityType entity) =>
        entity.ClrType == typeof(Coop) || entity.ClrType == typeof(Incident)
        || CoopCarryingKeys.Any(p => entity.FindProperty(p) is not null);

    /// <summary>Every entity not named federation-wide: a rule forgotten in CoopScoping.cs shows up here as a leak, not a pass.</summary>
    private static IEnumerable<IEntityType> ScopedEntities(IncidentDeskDbContext db) =>
        db.Model.GetEntityTypes().Where(e => !e.IsOwned() && !IncidentDeskDbContext.UnscopedEntities.ContainsKey(e.ClrType));

    private static Task<IncidentDeskDbContext> ContextOf(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<IDbContextFactory<IncidentDeskDbContext>>().CreateDbContextAsync(Ct);

    /// <summary>The co-op a row belongs to directly; null for rows that belong to one through their incident or campaign.</summary>
    private static int? OwningCoop(IncidentDeskDbContext db, object row) => row switch
    {
        Coop coop => coop.Id,
        _ when db.Model.FindEntityType(row.GetType())?.FindProperty("CoopId") is not null =>
            (int?)db.Model.FindEntityType(row.GetType())!.FindProperty("CoopId")!.PropertyInfo!.GetValue(row),
        _ => null,
    };

    private static async Task<List<object>> RowsAsync(IncidentDeskDbContext db, IEntityType entity)
    {
        var method = typeof(CoopScopeRuleTests).GetMethod(nameof(RowsOfAsync), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(entity.ClrType);
        return await (Task<List<object>>)method.Invoke(null, [db])!;
    }

    private static async Task<List<object>> RowsOfAsync<T>(IncidentDeskDbContext db)
        where T : class => [.. await db.Set<T>().AsNoTracking().ToListAsync(Ct)];

    /// <summary>A's work on the reference incident, one row of every kind: a campaign task, evidence, an assessment, an
    /// approved draft, a filing, an invitation and a declared broker with a check and a finding (figures, events and
    /// involvements come with the seeded incident).</summary>
    private async Task ArrangeCoopAsWorkAsync(IncidentDeskDbContext db, int incidentId)
    {
        var now = DateTime.UtcNow;
        var campaign = new Campaign { IncidentId = incidentId, Title = "Escopo", LaunchedAtUtc = now, LaunchedBy = "test" };
        var step = new CampaignTask { Order = 1, Title = "Confirmar uso", DueAtUtc = now.AddDays(3) };
        campaign.Tasks.Add(step);
        db.Campaigns.Add(campaign);
        db.Evidence.Add(new Evidence { IncidentId = incidentId, Kind = EvidenceKind.Link, Title = "Relatório", Url = "https://example.org/r",
            SharedWithCoops = true, AddedBy = "test", AddedAtUtc = now });
        db.RelevanceAssessments.Add(new RelevanceAssessment { IncidentId = incidentId, CoopId = _coopA, Version = 1, Rationale = "Dados de saúde.",
            Result = RelevanceResult.MustNotify, AssessedAtUtc = now, AssessedBy = "test" });
        var draft = new DraftVersion { IncidentId = incidentId, CoopId = _coopA, Kind = DraftKind.AnpdComplete, Version = 1, Markdown = "# Comunicação",
            CreatedAtUtc = now, CreatedBy = "test", ApprovedAtUtc = now, ApprovedBy = "test" };
        db.DraftVersions.Add(draft);
        db.Invitations.Add(new Invitation { Email = "convite@coop.example", Role = AppRoles.CoopLiaison, CoopId = _coopA, TokenHash = "hash",
            CreatedAtUtc = now, ExpiresAtUtc = now.AddDays(3), InvitedByUserId = "test" });
        db.OutboxMails.Add(new Core.Mail.OutboxMail { Kind = Core.Mail.MailKind.CampaignNotice, DedupKey = "scope-rule", MessageId = "scope-rule@test",
            ToAddress = "ponto@coop.example", CoopId = _coopA, Subject = "Novas tarefas", TextBody = "Olá", Fingerprint = "scope-rule",
            CreatedAtUtc = now, NextAttemptAtUtc = now });
        // An outside report naming A's co-op, with a message on its thread: still the federation's intake, not A's.
        var report = new Core.Reports.SecurityReport
        {
            Year = 2026, Sequence = 9001, Reference = "RPT-2026-9001", ReceivedAtUtc = now, UpdatedAtUtc = now, Finding = "Broker aberto",
            Target = "mqtt.exemplo.coop.br", CoopId = _coopA, FollowUpCodeHash = new string('0', 64),
        };
        report.Messages.Add(new Core.Reports.SecurityReportMessage { Body = "Recebido.", SentAtUtc = now, AuthorName = "test" });
        db.SecurityReports.Add(report);
        await db.SaveArrangedAsync(Ct);

        var coopTask = new CoopTask { CampaignId = campaign.Id, CampaignTaskId = step.Id, CoopId = _coopA, UpdatedAtUtc = now };
        db.CoopTasks.Add(coopTask);
        await db.SaveArrangedAsync(Ct);
        db.Evidence.Add(new Evidence { IncidentId = incidentId, Kind = EvidenceKind.Link, Title = "Resposta de SP-004", Url = "https://example.org/a",
            CoopId = _coopA, CoopTaskId = coopTask.Id, AddedBy = "test", AddedAtUtc = now });
        db.CommunicationFilings.Add(new CommunicationFiling { IncidentId = incidentId, CoopId = _coopA, Kind = FilingKind.AnpdCommunication,
            DraftVersionId = draft.Id, Protocol = "00261.000001/2026-01", FiledAtUtc = now, RecordedAtUtc = now, RecordedBy = "test" });
        var endpoint = new Core.Exposure.BrokerEndpoint { CoopId = _coopA, Host = "kafka.sp-004.example", Port = 9092, DeclaredAtUtc = now, DeclaredBy = "test" };
        db.BrokerEndpoints.Add(endpoint);
        await db.SaveArrangedAsync(Ct);
        var check = new Core.Exposure.ExposureCheck { EndpointId = endpoint.Id, CoopId = _coopA, CheckedAtUtc = now, Outcome = Core.Exposure.ExposureOutcome.Exposed, TopicCount = 1 };
        db.ExposureChecks.Add(check);
        await db.SaveArrangedAsync(Ct);
        db.ExposureFindings.Add(new Core.Exposure.ExposureFinding { EndpointId = endpoint.Id, CoopId = _coopA, CampaignId = campaign.Id,
            CoopTaskId = coopTask.Id, OpenedByCheckId = check.Id, OpenedAtUtc = now, TopicCount = 1 });
        await db.SaveArrangedAsync(Ct);
    }
}
