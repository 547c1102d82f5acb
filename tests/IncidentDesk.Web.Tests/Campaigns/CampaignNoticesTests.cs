using IncidentDesk.Web.Features.Campaigns.Tasks;
using System.Security.Claims;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IncidentDesk.Web.Tests.Campaigns;

/// <summary>
/// The layout's quiet notices: an officer hears of co-ops' answers wherever they are (a burst folds into one count), a
/// liaison only of their own co-op's work, and nobody of their own changes.
/// </summary>
public sealed class CampaignNoticesTests : MudComponentTestBase, IClassFixture<ProgressMatrixDatabase>
{
    private static readonly TimeSpan Patience = Waits.Patience;
    private readonly ProgressMatrixDatabase _database;
    private readonly CurrentUser _viewer = new();

    public CampaignNoticesTests(ProgressMatrixDatabase database)
    {
        _database = database;
        AddDeskDatabase(database.Directory.Configure);
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<AuditLog>();
        Services.AddScoped<CoopTaskService>();
        Services.AddSingleton(IncidentDesk.Core.Compliance.BusinessCalendar.Default);
        Services.AddDeskMail();
        Services.AddScoped<CampaignService>();
        Services.AddScoped(_ => _viewer);
    }

    private void ActAs(string name, string role, int? coopId = null)
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, name), new(ClaimTypes.Name, name), new(ClaimTypes.Role, role)];
        if (coopId is { } id)
        {
            claims.Add(new Claim(CurrentUser.CoopIdClaim, id.ToString(PtBr)));
        }

        _viewer.Set(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
    }

    private async Task<int> CoopIdAsync(string code)
    {
        await using var db = _database.Directory.CreateContext();
        return await db.Coops.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
    }

    private IRenderedComponent<MudSnackbarProvider> RenderNotices()
    {
        RenderWithMud<CampaignNotices>();
        return Render<MudSnackbarProvider>();
    }

    private Task PublishAsync(ChangeKind kind, string actor, int? coopId = null, int? entityId = null) =>
        Services.GetRequiredService<IChangeFeed>().PublishAsync(
            new DeskChange(kind, _database.IncidentId, coopId, entityId ?? 1, actor, DateTime.UtcNow), Xunit.TestContext.Current.CancellationToken);

    [Fact]
    public async Task An_officer_hears_of_coops_answers_as_one_growing_count_but_not_of_their_own_changes()
    {
        ActAs("officer@federacao.example", AppRoles.PrivacyOfficer);
        var snackbars = RenderNotices();

        await PublishAsync(ChangeKind.Task, "officer@federacao.example", await CoopIdAsync("AC-001"));
        Assert.Empty(snackbars.FindAll(".mud-snackbar"));

        await PublishAsync(ChangeKind.Task, "liaison.ac-001@coop.example", await CoopIdAsync("AC-001"));
        snackbars.WaitForAssertion(() => Assert.Contains("Uma cooperativa atualizou uma tarefa.", snackbars.Markup, StringComparison.Ordinal), Patience);
        await PublishAsync(ChangeKind.Task, "liaison.sp-001@coop.example", await CoopIdAsync("SP-001"));

        snackbars.WaitForAssertion(() => Assert.Contains("2 atualizações de tarefas pelas cooperativas.", snackbars.Markup, StringComparison.Ordinal), Patience);
        Assert.Single(snackbars.FindAll(".mud-snackbar"));
    }

    [Fact]
    public async Task A_liaison_hears_only_of_their_own_coops_tasks_and_of_campaigns_that_ask_them_something()
    {
        ActAs("liaison.sp-001@coop.example", AppRoles.CoopLiaison, await CoopIdAsync("SP-001"));
        var snackbars = RenderNotices();

        await PublishAsync(ChangeKind.Task, "liaison.ac-001@coop.example", await CoopIdAsync("AC-001"));
        await PublishAsync(ChangeKind.Campaign, "officer@federacao.example", entityId: _database.LiveCampaignId);
        await PublishAsync(ChangeKind.Task, "officer@federacao.example", await CoopIdAsync("SP-001"));

        snackbars.WaitForAssertion(() => Assert.Contains(
            "Uma tarefa da sua cooperativa foi atualizada por officer@federacao.example.", snackbars.Markup, StringComparison.Ordinal), Patience);
        Assert.Single(snackbars.FindAll(".mud-snackbar"));

        await PublishAsync(ChangeKind.Campaign, "officer@federacao.example", entityId: _database.CampaignId);
        snackbars.WaitForAssertion(() => Assert.Contains("Novas tarefas para a sua cooperativa: 2.", snackbars.Markup, StringComparison.Ordinal), Patience);
    }
}
