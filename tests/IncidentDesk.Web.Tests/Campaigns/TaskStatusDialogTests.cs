using IncidentDesk.Web.Features.Campaigns.Tasks;
using IncidentDesk.Testing;
using System.Security.Claims;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Incidents.Evidence;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace IncidentDesk.Web.Tests.Campaigns;

/// <summary>
/// The liaison's status dialog over the real <see cref="CoopTaskService"/>: a refused update says why in Portuguese and
/// keeps what was typed; a stale one shows who changed the task and when, and saves only when the person confirms.
/// </summary>
public sealed class TaskStatusDialogTests : MudComponentTestBase, IClassFixture<ProgressMatrixDatabase>
{
    private static readonly TimeSpan Patience = Waits.Patience;
    private readonly ProgressMatrixDatabase _database;
    private readonly CurrentUser _liaison = new();

    public TaskStatusDialogTests(ProgressMatrixDatabase database)
    {
        _database = database;
        AddDeskDatabase(database.Directory.Configure);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(new EvidenceStore(Options.Create(new IncidentDeskOptions()), new NoWebRoot()));
        Services.AddScoped<AuditLog>();
        Services.AddScoped<CoopTaskService>();
        Services.AddScoped<EvidenceService>();
        Services.AddScoped(_ => _liaison);
    }

    private async Task<(CoopTaskView Task, IRenderedComponent<MudDialogProvider> Dialogs)> OpenAsync(string coopCode, int order)
    {
        await using var db = _database.Directory.CreateContext();
        var coopId = await db.Coops.Where(c => c.Code == coopCode).Select(c => c.Id).SingleAsync();
        var taskId = await db.CoopTasks.Where(t => t.CampaignId == _database.CampaignId && t.CoopId == coopId && t.CampaignTask!.Order == order)
            .Select(t => t.Id).SingleAsync();
        _liaison.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "liaison"), new Claim(ClaimTypes.Name, $"liaison.{coopCode.ToLowerInvariant()}@coop.example"),
             new Claim(ClaimTypes.Role, AppRoles.CoopLiaison), new Claim(CurrentUser.CoopIdClaim, coopId.ToString(PtBr))], "test")));

        var task = (await Services.GetRequiredService<CoopTaskService>().GetAsync(taskId))!;
        RenderWithMud<MudText>();
        var dialogs = Render<MudDialogProvider>();
        var parameters = new DialogParameters<TaskStatusDialog> { { d => d.CoopTask, task } };
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<TaskStatusDialog>(task.Title, parameters));
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=task-save]")), Patience);
        return (task, dialogs);
    }

    private async Task<CoopTask> ReadAsync(int taskId)
    {
        await using var db = _database.Directory.CreateContext();
        return await db.CoopTasks.AsNoTracking().SingleAsync(t => t.Id == taskId);
    }

    [Fact]
    public async Task Blocked_without_a_reason_is_refused_with_the_reason_in_portuguese_and_nothing_is_saved()
    {
        var (task, dialogs) = await OpenAsync("AC-002", order: 2);

        dialogs.Find("[data-testid=task-status-select]").Closest(".mud-input-control")!.MouseDown();
        PopoverProvider.WaitForElements(".mud-list-item", Patience).Single(item => item.TextContent.Trim() == "Bloqueada").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Motivo do bloqueio", dialogs.Markup, StringComparison.Ordinal), Patience);
        dialogs.Find("[data-testid=task-save]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("Informe o motivo do bloqueio.", dialogs.Find("[data-testid=task-error]").TextContent.Trim()), Patience);
        Assert.NotEmpty(dialogs.FindAll("[data-testid=task-status-dialog]"));
        Assert.Equal(task.Version, (await ReadAsync(task.Id)).Version);
    }

    [Fact]
    public async Task A_task_changed_meanwhile_shows_who_and_when_and_saves_only_when_confirmed()
    {
        var (task, dialogs) = await OpenAsync("SP-001", order: 3);
        await using (var db = _database.Directory.CreateContext())
        {
            await db.ArrangeAsync(d => d.CoopTasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, CoopTaskStatus.Blocked).SetProperty(t => t.UpdatedBy, "colega@coop.example")
                .SetProperty(t => t.Note, "Sem acesso ao servidor").SetProperty(t => t.Version, task.Version + 1), Xunit.TestContext.Current.CancellationToken), Xunit.TestContext.Current.CancellationToken);
        }

        dialogs.Find("textarea[data-testid=task-note]").Change("Credenciais trocadas no cofre");
        dialogs.Find("[data-testid=task-save]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("alterada por colega@coop.example", dialogs.Find("[data-testid=task-conflict]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Contains("“Bloqueada”", dialogs.Find("[data-testid=task-conflict]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Salvar mesmo assim", dialogs.Find("[data-testid=task-save]").TextContent.Trim());
        Assert.Equal("Credenciais trocadas no cofre", dialogs.Find("textarea[data-testid=task-note]").GetAttribute("value") ?? dialogs.Find("textarea[data-testid=task-note]").TextContent);
        Assert.Equal(CoopTaskStatus.Blocked, (await ReadAsync(task.Id)).Status);

        dialogs.Find("[data-testid=task-save]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=task-status-dialog]")), Patience);
        var saved = await ReadAsync(task.Id);
        Assert.Equal((CoopTaskStatus.InProgress, "Credenciais trocadas no cofre"), (saved.Status, saved.Note));
    }

    [Fact]
    public async Task The_dialog_lists_the_tasks_evidence_and_offers_to_attach_some()
    {
        var (_, dialogs) = await OpenAsync("SP-002", order: 3);

        dialogs.WaitForAssertion(() => Assert.Equal("Nenhuma evidência anexada.", dialogs.Find("[data-testid=task-evidence-empty]").TextContent.Trim()), Patience);
        Assert.Equal("Anexar arquivo", dialogs.Find("[data-testid=task-evidence-choose]").TextContent.Trim());
    }
}
