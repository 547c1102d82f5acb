using System.Security.Claims;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns.Tasks;
using IncidentDesk.Web.Features.Incidents.Evidence;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace IncidentDesk.Web.Tests.Campaigns;

/// <summary>
/// The liaison's status dialog when the server's disk is full (every save answered with SQLite's <c>SQLITE_FULL</c>, as the
/// integration tests produce for real on a filled tmpfs): the dialog says so in Portuguese, stays open with what was typed,
/// and nothing is saved.
/// </summary>
public sealed class TaskStatusDialogDiskFullTests : MudComponentTestBase, IClassFixture<ProgressMatrixDatabase>
{
    private static readonly TimeSpan Patience = Waits.Patience;
    private readonly ProgressMatrixDatabase _database;
    private readonly CurrentUser _liaison = new();

    public TaskStatusDialogDiskFullTests(ProgressMatrixDatabase database)
    {
        _database = database;
        AddDeskDatabase(options =>
        {
            database.Directory.Configure(options);
            options.AddInterceptors(new FullDisk());
        });
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(new EvidenceStore(Options.Create(new IncidentDeskOptions()), new NoWebRoot()));
        Services.AddScoped<AuditLog>();
        Services.AddScoped<CoopTaskService>();
        Services.AddScoped<EvidenceService>();
        Services.AddScoped(_ => _liaison);
    }

    [Fact]
    public async Task A_full_disk_is_said_in_portuguese_the_dialog_keeps_what_was_typed_and_nothing_is_saved()
    {
        await using var db = _database.Directory.CreateContext();
        var coopId = await db.Coops.Where(c => c.Code == "AC-002").Select(c => c.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
        var stored = await db.CoopTasks.AsNoTracking()
            .FirstAsync(t => t.CampaignId == _database.CampaignId && t.CoopId == coopId && t.Status == CoopTaskStatus.Open, Xunit.TestContext.Current.CancellationToken);
        _liaison.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "liaison"), new Claim(ClaimTypes.Name, "liaison.ac-002@coop.example"),
             new Claim(ClaimTypes.Role, AppRoles.CoopLiaison), new Claim(CurrentUser.CoopIdClaim, coopId.ToString(PtBr))], "test")));
        var task = (await Services.GetRequiredService<CoopTaskService>().GetAsync(stored.Id, Xunit.TestContext.Current.CancellationToken))!;
        RenderWithMud<MudText>();
        var dialogs = Render<MudDialogProvider>();
        var parameters = new DialogParameters<TaskStatusDialog> { { d => d.CoopTask, task } };
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<TaskStatusDialog>(task.Title, parameters));
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=task-save]")), Patience);

        dialogs.Find("textarea[data-testid=task-note]").Change("Inventário dos brokers enviado ao encarregado");
        dialogs.Find("[data-testid=task-save]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(
            "O servidor está sem espaço em disco: a resposta não foi salva. O que você escreveu continua aqui; salve de novo em alguns minutos.",
            dialogs.Find("[data-testid=task-error]").TextContent.Trim()), Patience);
        Assert.NotEmpty(dialogs.FindAll("[data-testid=task-status-dialog]"));
        var note = dialogs.Find("textarea[data-testid=task-note]");
        Assert.Equal("Inventário dos brokers enviado ao encarregado", note.GetAttribute("value") ?? note.TextContent);
        await using var after = _database.Directory.CreateContext();
        Assert.Equal(stored.Version, (await after.CoopTasks.AsNoTracking().SingleAsync(t => t.Id == stored.Id, Xunit.TestContext.Current.CancellationToken)).Version);
    }

    /// <summary>Every save refused as SQLite refuses one on a full disk.</summary>
    private sealed class FullDisk : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
    }
}
