using System.Globalization;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Data.Seeding;
using IncidentDesk.IntegrationTests.Audit;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Playbooks;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.IntegrationTests.Playbooks;

/// <summary>
/// Officers keep the federation's playbooks; launching copies the steps, so an edit never reaches a campaign already
/// sent to the co-ops. Every change is on the audit trail with its before and after, every refusal too.
/// </summary>
public sealed class PlaybookManagementTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PlaybookStepDraft Step(string title, int days = 2, TaskAnswerType answer = TaskAnswerType.StatusOnly) =>
        new() { Title = title, Instructions = $"Instruções de {title}", DueInBusinessDays = days, AnswerType = answer };

    private static PlaybookDraft Draft(string name, params PlaybookStepDraft[] steps) =>
        new() { Name = name, Description = "Para testes", Steps = [.. steps] };

    private static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    private async Task<T> AsAsync<T>(string role, Func<PlaybookService, Task<T>> action, int? coopId = null)
    {
        await using var scope = ActingAs.Scope(fixture.Host, role, coopId);
        return await action(scope.ServiceProvider.GetRequiredService<PlaybookService>());
    }

    private Task<T> AsOfficerAsync<T>(Func<PlaybookService, Task<T>> action) => AsAsync(AppRoles.PrivacyOfficer, action);

    private async Task<int> CreateAsync(PlaybookDraft draft)
    {
        var result = await AsOfficerAsync(s => s.CreateAsync(draft, Ct));
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return result.Value;
    }

    [Fact]
    public async Task A_playbook_saved_by_a_colleague_while_the_editor_was_open_is_not_overwritten_until_the_officer_saves_again()
    {
        var id = await CreateAsync(Draft(UniqueName("Ransomware"), Step("Isolar os servidores")));
        var mine = (await AsOfficerAsync(s => s.GetAsync(id, Ct))).Value;
        var theirs = (await AsOfficerAsync(s => s.GetAsync(id, Ct))).Value;
        theirs.Draft.Steps.Add(Step("Acionar o seguro cibernético"));
        Assert.True((await AsOfficerAsync(s => s.UpdateAsync(id, theirs.Draft, theirs.UpdatedAtUtc, Ct))).Succeeded);

        mine.Draft.Steps[0].Title = "Isolar os servidores afetados";
        var refused = await AsOfficerAsync(s => s.UpdateAsync(id, mine.Draft, mine.UpdatedAtUtc, Ct));

        Assert.False(refused.Succeeded);
        var saved = (await AsOfficerAsync(s => s.GetAsync(id, Ct))).Value;
        Assert.Equal(new PlaybookConflict(saved.UpdatedBy, saved.UpdatedAtUtc), refused.CurrentState<PlaybookConflict>());
        Assert.Equal(["Isolar os servidores", "Acionar o seguro cibernético"], saved.Draft.Steps.Select(s => s.Title));

        // Saving again, knowingly, replaces the colleague's version with this one.
        Assert.True((await AsOfficerAsync(s => s.UpdateAsync(id, mine.Draft, refused.CurrentState<PlaybookConflict>()!.ChangedAtUtc, Ct))).Succeeded);
        var replaced = (await AsOfficerAsync(s => s.GetAsync(id, Ct))).Value;
        Assert.Equal(["Isolar os servidores afetados"], replaced.Draft.Steps.Select(s => s.Title));
    }

    [Fact]
    public async Task Officer_creates_and_edits_a_playbook_and_the_audit_trail_shows_the_reordered_steps_before_and_after()
    {
        var name = UniqueName("Vazamento por e-mail");
        var id = await CreateAsync(Draft(name, Step("Bloquear a conta"), Step("Trocar senhas"), Step("Avisar titulares", 3, TaskAnswerType.Text)));
        var created = (await AsOfficerAsync(s => s.GetAsync(id, Ct))).Value;
        var ids = created.Draft.Steps.Select(s => s.Id!.Value).ToList();

        // The officer moves the last step to the top, edits one, removes one and adds a new one.
        var edit = created.Draft;
        var notice = edit.Steps[2];
        edit.Steps.RemoveAt(2);
        edit.Steps.Insert(0, notice);
        edit.Steps[1].Title = "Bloquear a conta comprometida";
        edit.Steps.RemoveAt(2);
        edit.Steps.Add(Step("Preservar os logs", 1));
        var updated = await AsOfficerAsync(s => s.UpdateAsync(id, edit, cancellationToken: Ct));

        Assert.True(updated.Succeeded, string.Join(", ", updated.Errors));
        var stored = (await AsOfficerAsync(s => s.GetAsync(id, Ct))).Value;
        Assert.Equal("Avisar titulares | Bloquear a conta comprometida | Preservar os logs", string.Join(" | ", stored.Draft.Steps.Select(s => s.Title)));
        Assert.Equal((ids[2], ids[0]), (stored.Draft.Steps[0].Id!.Value, stored.Draft.Steps[1].Id!.Value));
        Assert.Equal(TaskAnswerType.Text, stored.Draft.Steps[0].AnswerType);

        await using var db = fixture.CreateDb();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(PlaybookStep) || e.EntityType == nameof(Playbook))
            .OrderBy(e => e.Sequence).ToListAsync(Ct);
        var moved = entries.Last(e => e.Action == "PlaybookStep.Updated" && e.EntityId == Key(ids[2]));
        Assert.Contains("\"Order\":{\"from\":3,\"to\":1}", moved.Changes, StringComparison.Ordinal);
        var renamed = entries.Last(e => e.Action == "PlaybookStep.Updated" && e.EntityId == Key(ids[0]));
        Assert.Contains("\"from\":\"Bloquear a conta\",\"to\":\"Bloquear a conta comprometida\"", renamed.Changes, StringComparison.Ordinal);
        Assert.Contains(entries, e => e.Action == "PlaybookStep.Deleted" && e.EntityId == Key(ids[1]) && e.Changes!.Contains("Trocar senhas", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Action == "Playbook.Created" && e.EntityId == Key(id) && e.Changes!.Contains(name, StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Action == "Playbook.Updated" && e.EntityId == Key(id) && e.ActorName == "privacyofficer@federacao.example");

        var row = Assert.Single((await AsOfficerAsync(s => s.ListAsync(Ct))).Value, r => r.Id == id);
        Assert.Equal((3, 0, "privacyofficer@federacao.example"), (row.StepCount, row.CampaignCount, row.UpdatedBy));
    }

    [Fact]
    public async Task Saving_an_unchanged_playbook_writes_nothing()
    {
        var id = await CreateAsync(Draft(UniqueName("Sem mudança"), Step("Único passo")));
        await using var before = fixture.CreateDb();
        var count = await before.AuditEntries.CountAsync(Ct);

        var result = await AsOfficerAsync(async s => await s.UpdateAsync(id, (await s.GetAsync(id, Ct)).Value.Draft, cancellationToken: Ct));

        Assert.True(result.Succeeded);
        await using var after = fixture.CreateDb();
        Assert.Equal(count, await after.AuditEntries.CountAsync(Ct));
    }

    [Fact]
    public async Task A_campaign_launched_before_an_edit_keeps_its_original_tasks_and_the_launch_dialog_offers_the_edited_steps()
    {
        var name = UniqueName("Ransomware em prestador");
        var id = await CreateAsync(Draft(name, Step("Isolar as máquinas", 1), Step("Acionar o seguro", 5, TaskAnswerType.YesNo)));
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        Result<LaunchedCampaign> launch;
        await using (var scope = ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer))
        {
            launch = await scope.ServiceProvider.GetRequiredService<CampaignService>()
                .LaunchAsync(new CampaignLaunch(incidentId, name, id, null, CampaignAudience.Uf, "AC"), Ct);
        }

        Assert.True(launch.Succeeded, string.Join(", ", launch.Errors));

        var edit = (await AsOfficerAsync(s => s.GetAsync(id, Ct))).Value.Draft;
        edit.Steps.Reverse();
        edit.Steps[0].Title = "Acionar o seguro cibernético";
        edit.Steps.Add(Step("Registrar boletim de ocorrência"));
        Assert.True((await AsOfficerAsync(s => s.UpdateAsync(id, edit, cancellationToken: Ct))).Succeeded);

        await using var db = fixture.CreateDb();
        var tasks = await db.CampaignTasks.AsNoTracking().Where(t => t.CampaignId == launch.Value.CampaignId).OrderBy(t => t.Order).ToListAsync(Ct);
        Assert.Equal("Isolar as máquinas | Acionar o seguro", string.Join(" | ", tasks.Select(t => t.Title)));
        Assert.Equal(TaskAnswerType.YesNo, tasks[1].AnswerType);

        await using var scope2 = ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var offered = Assert.Single(await scope2.ServiceProvider.GetRequiredService<CampaignService>().PlaybooksAsync(Ct), p => p.Id == id);
        Assert.Equal("Acionar o seguro cibernético | Isolar as máquinas | Registrar boletim de ocorrência", string.Join(" | ", offered.Steps.Select(s => s.Title)));
        Assert.Equal(1, Assert.Single((await AsOfficerAsync(s => s.ListAsync(Ct))).Value, r => r.Id == id).CampaignCount);
    }

    [Fact]
    public async Task A_used_playbook_cannot_be_deleted_but_is_archived_out_of_the_launch_dialog_and_back()
    {
        await using var db = fixture.CreateDb();
        var seeded = await db.Playbooks.SingleAsync(p => p.Name == PlaybookSeed.ExposedBrokerName, Ct);
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using (var scope = ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer))
        {
            var launch = await scope.ServiceProvider.GetRequiredService<CampaignService>()
                .LaunchAsync(new CampaignLaunch(incidentId, "Contenção", seeded.Id, null, CampaignAudience.Uf, "RR"), Ct);
            Assert.True(launch.Succeeded, string.Join(", ", launch.Errors));
        }

        var refused = await AsOfficerAsync(s => s.DeleteAsync(seeded.Id, Ct));

        Assert.Equal(PlaybookError.InUse, refused.ErrorCodes[PlaybookField.Playbook]);
        Assert.True(await db.Playbooks.AnyAsync(p => p.Id == seeded.Id, Ct));

        Assert.True((await AsOfficerAsync(s => s.SetArchivedAsync(seeded.Id, archived: true, Ct))).Succeeded);
        Assert.DoesNotContain(await OfferedAsync(), p => p.Id == seeded.Id);
        Assert.True((await AsOfficerAsync(s => s.SetArchivedAsync(seeded.Id, archived: false, Ct))).Succeeded);
        Assert.Contains(await OfferedAsync(), p => p.Id == seeded.Id);
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "Playbook.Updated" && e.EntityId == Key(seeded.Id), Ct));
    }

    [Fact]
    public async Task A_playbook_never_launched_can_be_deleted_with_its_steps()
    {
        var id = await CreateAsync(Draft(UniqueName("Rascunho"), Step("Passo provisório")));

        Assert.True((await AsOfficerAsync(s => s.DeleteAsync(id, Ct))).Succeeded);

        await using var db = fixture.CreateDb();
        Assert.False(await db.PlaybookSteps.AnyAsync(s => s.PlaybookId == id, Ct));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "Playbook.Deleted" && e.EntityId == Key(id), Ct));
        Assert.True((await AsOfficerAsync(s => s.GetAsync(id, Ct))).IsNotFound);
    }

    [Fact]
    public async Task Invalid_playbooks_answer_one_code_per_field_and_store_nothing()
    {
        var empty = await AsOfficerAsync(s => s.CreateAsync(new PlaybookDraft { Name = "  " }, Ct));
        Assert.Equal(new Dictionary<string, string> { ["Name"] = "Required", ["Steps"] = "Required" }, empty.ErrorCodes);

        var steps = new[]
        {
            Step(""), Step("Prazo zero", days: 0), Step("Prazo longo", days: 61), Step("Tipo inválido", answer: (TaskAnswerType)99),
            new PlaybookStepDraft { Title = new string('t', 301), Instructions = new string('i', 8001), DueInBusinessDays = 60 },
        };
        // The seeded name in other letter case is the same playbook to a person.
        var bad = await AsOfficerAsync(s => s.CreateAsync(Draft(PlaybookSeed.ExposedBrokerName.ToUpperInvariant(), steps), Ct));
        Assert.Equal(new Dictionary<string, string>
        {
            ["Name"] = "Duplicate", ["Steps[0].Title"] = "Required", ["Steps[1].DueInBusinessDays"] = "OutOfRange",
            ["Steps[2].DueInBusinessDays"] = "OutOfRange", ["Steps[3].AnswerType"] = "Unknown", ["Steps[4].Title"] = "TooLong",
            ["Steps[4].Instructions"] = "TooLong",
        }, bad.ErrorCodes);

        var tooLong = await AsOfficerAsync(s => s.CreateAsync(Draft(new string('n', 201), [.. Enumerable.Range(1, 31).Select(i => Step($"Passo {i}"))]), Ct));
        Assert.Equal(new Dictionary<string, string> { ["Name"] = "TooLong", ["Steps"] = "TooManySteps" }, tooLong.ErrorCodes);

        await using var db = fixture.CreateDb();
        Assert.False(await db.Playbooks.AnyAsync(p => p.Name.StartsWith("nnnn") || p.Name == "  ", Ct));
    }

    [Theory]
    [InlineData(AppRoles.Auditor)]
    [InlineData(AppRoles.CoopLiaison)]
    public async Task Writes_by_anyone_but_an_officer_are_refused_and_audited(string role)
    {
        var id = await CreateAsync(Draft(UniqueName($"Intocável {role}"), Step("Passo")));
        int? coop = role == AppRoles.CoopLiaison ? await CoopIdAsync("SP-004") : null;
        var draft = Draft(UniqueName("Tentativa"), Step("Passo"));

        Assert.True((await AsAsync(role, s => s.CreateAsync(draft, Ct), coop)).IsForbidden);
        Assert.True((await AsAsync(role, s => s.UpdateAsync(id, draft, cancellationToken: Ct), coop)).IsForbidden);
        Assert.True((await AsAsync(role, s => s.SetArchivedAsync(id, true, Ct), coop)).IsForbidden);
        Assert.True((await AsAsync(role, s => s.DeleteAsync(id, Ct), coop)).IsForbidden);

        await using var db = fixture.CreateDb();
        var stored = await db.Playbooks.SingleAsync(p => p.Id == id, Ct);
        Assert.False(stored.IsArchived);
        Assert.False(await db.Playbooks.AnyAsync(p => p.Name == draft.Name, Ct));
        var actor = $"{role.ToLowerInvariant()}@federacao.example";
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AccessDenied && e.EntityType == nameof(Playbook)
            && e.EntityId == Key(id) && e.ActorName == actor, Ct));
    }

    [Fact]
    public async Task Auditors_read_playbooks_and_liaisons_are_refused_even_reading()
    {
        var seeded = (await AsAsync(AppRoles.Auditor, s => s.ListAsync(Ct))).Value;
        Assert.Contains(seeded, r => r.Name == PlaybookSeed.ExposedBrokerName && r.StepCount == 8);
        var detail = await AsAsync(AppRoles.Auditor, s => s.GetAsync(seeded[0].Id, Ct));
        Assert.True(detail.Succeeded);

        var coop = await CoopIdAsync("SP-004");
        Assert.True((await AsAsync(AppRoles.CoopLiaison, s => s.ListAsync(Ct), coop)).IsForbidden);
        Assert.True((await AsAsync(AppRoles.CoopLiaison, s => s.GetAsync(seeded[0].Id, Ct), coop)).IsForbidden);
        await using var db = fixture.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessDenied && e.EntityType == nameof(Playbook)
            && e.EntityId == Key(seeded[0].Id) && e.ActorName == "coopliaison@federacao.example", Ct));
    }

    private async Task<int> CoopIdAsync(string code)
    {
        await using var db = fixture.CreateDb();
        return await db.Coops.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(Ct);
    }

    private async Task<IReadOnlyList<PlaybookOption>> OfferedAsync()
    {
        await using var scope = ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        return await scope.ServiceProvider.GetRequiredService<CampaignService>().PlaybooksAsync(Ct);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
