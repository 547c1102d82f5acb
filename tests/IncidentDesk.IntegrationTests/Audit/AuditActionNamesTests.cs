using System.Globalization;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Admin;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Campaigns.Tasks;
using IncidentDesk.Web.Features.Coops;
using IncidentDesk.Web.Features.Incidents.Evidence;
using IncidentDesk.Web.Features.Incidents.Figures;
using IncidentDesk.Web.Features.Incidents.Intake;
using IncidentDesk.Web.Features.Incidents.Involvement;
using IncidentDesk.Web.Features.Incidents.Timeline;
using IncidentDesk.Web.Features.Notifications.Versions;
using IncidentDesk.Web.Features.Playbooks;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Audit;

/// <summary>
/// The main writes name their audit action with a constant of <see cref="AuditActions"/>: each write below is done through
/// its service, as a page or the API does it, and its audit entry carries exactly that name — so searching the code for
/// the name an auditor reads in the trail ("CoopTask.Updated") finds the constant, its writer and this test.
/// </summary>
public sealed class AuditActionNamesTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A write: the action it must be recorded as, and how to do it (answering the id of the entry's entity).</summary>
    private sealed record Write(string Action, Func<AuditActionNamesTests, Task<string?>> Act);

    private static readonly Dictionary<string, Write> Writes = new()
    {
        ["a liaison answers their co-op's task"] = new(AuditActions.TaskUpdated, t => t.LiaisonAnswersTaskAsync()),
        ["an officer registers an incident"] = new(AuditActions.IncidentCreated, t => t.NewIncidentAsync()),
        ["an officer edits an incident"] = new(AuditActions.IncidentEdited, async t =>
        {
            var id = int.Parse((await t.NewIncidentAsync())!, CultureInfo.InvariantCulture);
            Check(await t.AsOfficer<IncidentIntakeService>().UpdateAsync(id, IntakeTests.Draft($"Título corrigido {Guid.NewGuid():N}"), cancellationToken: Ct));
            return Key(id);
        }),
        ["an officer moves an incident's status on"] = new(AuditActions.IncidentStatusChanged, async t =>
        {
            var id = int.Parse((await t.NewIncidentAsync())!, CultureInfo.InvariantCulture);
            Check(await t.AsOfficer<IncidentIntakeService>().TransitionAsync(id, IncidentStatus.Triage, null, Ct));
            return Key(id);
        }),
        ["an officer adds a key figure"] = new(AuditActions.KeyFigureCreated, t => t.NewFigureAsync()),
        ["an officer edits a key figure"] = new(AuditActions.KeyFigureUpdated, async t =>
        {
            var id = int.Parse((await t.NewFigureAsync())!, CultureInfo.InvariantCulture);
            Check(await t.AsOfficer<KeyFigureService>().UpdateAsync(id, Figure("Registros expostos", 2_500m), Ct));
            return Key(id);
        }),
        ["an officer involves a co-op"] = new(AuditActions.InvolvementCreated, async t => Key(await t.NewInvolvementAsync())),
        ["an officer edits an involvement"] = new(AuditActions.InvolvementUpdated, async t =>
        {
            var id = await t.NewInvolvementAsync();
            await using var db = t.Fixture.CreateDb();
            var involvement = await db.CoopInvolvements.SingleAsync(v => v.Id == id, Ct);
            Check(await t.AsOfficer<InvolvementService>().UpdateAsync(
                id, involvement.Role, involvement.KnowledgeAtUtc, null, "Operadora do chatbot", Ct));
            return Key(id);
        }),
        ["an officer adds a fact to the timeline"] = new(AuditActions.TimelineEventCreated, async t =>
        {
            var input = new ManualEventInput(new PartialDateInput(2026, 4, 6, null, TimePrecision.Day), "Fato", null, "Fonte", false);
            return Key(Check(await t.AsOfficer<TimelineService>().AddEventAsync(await t.Fixture.ReferenceIncidentIdAsync(), input, Ct)));
        }),
        ["an officer uploads evidence"] = new(AuditActions.EvidenceCreated, async t =>
        {
            var pdf = EvidenceUploadTests.SmallPdf(Guid.NewGuid().ToString("N"));
            return Key(Check(await t.AsOfficer<EvidenceService>().AddFileAsync(await t.Fixture.ReferenceIncidentIdAsync(),
                "Ofício da ANPD", null, false, "oficio.pdf", new MemoryStream(pdf), pdf.Length, Ct)));
        }),
        ["an officer keeps a notification draft as a version"] = new(AuditActions.DraftVersionSaved, async t => Key(await t.NewDraftVersionAsync())),
        ["an officer approves a notification draft"] = new(AuditActions.DraftApproved, async t =>
        {
            var version = await t.NewDraftVersionAsync();
            Check(await t.AsOfficer<DraftVersionService>().ApproveAsync(await t.Fixture.ReferenceIncidentIdAsync(), version, asPreliminary: true, Ct));
            return Key(version);
        }),
        ["an officer launches a campaign"] = new(AuditActions.CampaignLaunched, async t => Key(await t.LaunchToAcreAsync())),
        ["an officer edits a playbook"] = new(AuditActions.PlaybookUpdated, async t =>
        {
            var playbooks = t.AsOfficer<PlaybookService>();
            var id = Check(await playbooks.CreateAsync(new PlaybookDraft
            {
                Name = $"Vazamento {Guid.NewGuid():N}", Description = "Para testes",
                Steps = [new PlaybookStepDraft { Title = "Isolar os servidores", Instructions = "Agora", DueInBusinessDays = 2 }],
            }, Ct));
            var detail = Check(await playbooks.GetAsync(id, Ct));
            detail.Draft.Description = "Revisado depois do incidente";
            Check(await playbooks.UpdateAsync(id, detail.Draft, detail.UpdatedAtUtc, Ct));
            return Key(id);
        }),
        ["an officer imports the co-op directory"] = new(AuditActions.CoopsImported, async t =>
        {
            var export = Check(await t.AsOfficer<CoopDirectoryService>().ExportAsync(Ct));
            Check(await t.AsOfficer<CoopImportService>().ImportAsync(new MemoryStream(export), Ct));
            return null;
        }),
        ["an officer moves a liaison to another co-op"] = new(AuditActions.UserCoopChanged, async t =>
        {
            var userId = await t.NewLiaisonIdAsync();
            await using var db = t.Fixture.CreateDb();
            var rj = await db.Coops.Where(c => c.Code == "RJ-001").Select(c => c.Id).SingleAsync(Ct);
            Check(await t.AsOfficer<UserAdministrationService>().ChangeCoopAsync(userId, rj, Ct));
            return userId;
        }),
        ["an officer deactivates an account"] = new(AuditActions.UserDeactivated, async t =>
        {
            var userId = await t.NewLiaisonIdAsync();
            Check(await t.AsOfficer<UserAdministrationService>().DeactivateAsync(userId, Ct));
            return userId;
        }),
    };

    public static TheoryData<string> WriteNames => [.. Writes.Keys];

    private OwnHostFixture Fixture => fixture;

    private readonly List<AsyncServiceScope> _scopes = [];

    [Theory]
    [MemberData(nameof(WriteNames))]
    public async Task The_write_is_recorded_under_its_named_action(string write)
    {
        var (action, act) = Writes[write];
        var before = await LastSequenceAsync();

        string? entityId;
        try
        {
            entityId = await act(this);
        }
        finally
        {
            foreach (var scope in _scopes)
            {
                await scope.DisposeAsync();
            }
        }

        await using var db = fixture.CreateDb();
        var written = await db.AuditEntries.Where(e => e.Sequence > before).Select(e => new { e.Action, e.EntityId }).ToListAsync(Ct);
        Assert.Contains(written, e => e.Action == action && (entityId is null || e.EntityId == entityId));
    }

    [Fact]
    public async Task A_write_named_for_a_change_it_does_not_make_is_refused_and_saves_nothing()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var before = await LastSequenceAsync();
        await using var scope = ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<IncidentDeskDbContext>>().CreateDbContextAsync(Ct))
        {
            db.KeyFigures.Add(new KeyFigure
            {
                IncidentId = incidentId, Label = "Mal rotulado", Value = 1m, Unit = "registros", Source = "teste", AsOf = new DateOnly(2026, 4, 7),
            });

            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                scope.ServiceProvider.GetRequiredService<AuditLog>().SaveChangesAsync(db, AuditActions.TaskUpdated, Ct));
        }

        await using var check = fixture.CreateDb();
        Assert.False(await check.KeyFigures.AnyAsync(f => f.Label == "Mal rotulado", Ct));
        Assert.Equal(before, await LastSequenceAsync());
    }

    private T AsOfficer<T>()
        where T : notnull
    {
        var scope = ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        _scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    private async Task<long> LastSequenceAsync()
    {
        await using var db = fixture.CreateDb();
        return await db.AuditEntries.MaxAsync(e => (long?)e.Sequence, Ct) ?? 0;
    }

    private async Task<string?> NewIncidentAsync() =>
        Key(Check(await AsOfficer<IncidentIntakeService>().CreateAsync(IntakeTests.Draft($"Incidente nomeado {Guid.NewGuid():N}"), Ct)).Id);

    private async Task<string?> NewFigureAsync() =>
        Key(Check(await AsOfficer<KeyFigureService>().AddAsync(await fixture.ReferenceIncidentIdAsync(), Figure("Registros expostos", 1_000m), Ct)));

    private async Task<int> NewInvolvementAsync()
    {
        var incidentId = int.Parse((await NewIncidentAsync())!, CultureInfo.InvariantCulture);
        await using var db = fixture.CreateDb();
        var go = await db.Coops.Where(c => c.Code == "GO-001").Select(c => c.Id).SingleAsync(Ct);
        Check(await AsOfficer<InvolvementService>().AddAsync(incidentId, [go], InvolvementRole.Operator, Ct));
        return await db.CoopInvolvements.Where(v => v.IncidentId == incidentId && v.CoopId == go).Select(v => v.Id).SingleAsync(Ct);
    }

    private async Task<int> NewDraftVersionAsync()
    {
        await using var db = fixture.CreateDb();
        var go = await db.Coops.Where(c => c.Code == "GO-001").Select(c => c.Id).SingleAsync(Ct);
        return Check(await AsOfficer<DraftVersionService>().SaveGeneratedAsync(await fixture.ReferenceIncidentIdAsync(), go, DraftKind.AnpdPreliminary, Ct));
    }

    private async Task<int> LaunchToAcreAsync() =>
        Check(await AsOfficer<CampaignService>().LaunchAsync(new CampaignLaunch(await fixture.ReferenceIncidentIdAsync(),
            $"Confirmação {Guid.NewGuid():N}", null, [new("Confirmar o uso do aplicativo", null, 2, false, TaskAnswerType.StatusOnly)],
            CampaignAudience.Uf, "AC"), Ct)).CampaignId;

    private async Task<string?> LiaisonAnswersTaskAsync()
    {
        var campaignId = await LaunchToAcreAsync();
        var liaison = await TestAccounts.CreateAsync(fixture.Host, AppRoles.CoopLiaison, "AC-001", twoFactor: false);
        await using var db = fixture.CreateDb();
        var ac001 = await db.Coops.Where(c => c.Code == "AC-001").Select(c => c.Id).SingleAsync(Ct);
        var task = await db.CoopTasks.Where(t => t.CampaignId == campaignId && t.CoopId == ac001).SingleAsync(Ct);
        var scope = await fixture.Host.ActingAsAsync(liaison);
        _scopes.Add(scope);
        Check(await scope.ServiceProvider.GetRequiredService<CoopTaskService>()
            .UpdateStatusAsync(task.Id, new TaskStatusInput(CoopTaskStatus.Done, null, null, task.Version), Ct));
        return Key(task.Id);
    }

    private async Task<string> NewLiaisonIdAsync()
    {
        var liaison = await TestAccounts.CreateAsync(fixture.Host, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        await using var db = fixture.CreateDb();
        return await db.Users.Where(u => u.Email == liaison.Email).Select(u => u.Id).SingleAsync(Ct);
    }

    private static KeyFigureInput Figure(string label, decimal value) =>
        new(label, value, "registros", FigureStatus.Claimed, "Relatório do fornecedor", new DateOnly(2026, 4, 7), null);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static T Check<T>(Result<T> result)
    {
        Assert.True(result.Succeeded, result.ToString());
        return result.Value;
    }

    private static void Check(Result result) => Assert.True(result.Succeeded, result.ToString());
}
