using System.Security.Claims;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data.Seeding;
using IncidentDesk.Testing;
using IncidentDesk.Web.Components;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Incidents.Involvement;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IncidentDesk.Web.Tests.Campaigns;

/// <summary>
/// The launch dialog over the real <see cref="CampaignService"/> and the seeded directory (340 co-ops, the starter
/// playbook of 8 steps): it says what the launch will create before the confirm button, and when the same playbook is
/// still active for the incident it says so and launches only after an explicit confirmation with a reason.
/// </summary>
public sealed class LaunchDialogTests : MudComponentTestBase, IClassFixture<SeededDirectoryDatabase>
{
    private static readonly TimeSpan Patience = Waits.Patience;
    private readonly SeededDirectoryDatabase _database;

    public LaunchDialogTests(SeededDirectoryDatabase database)
    {
        _database = database;
        AddDeskDatabase(database.Configure);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(BusinessCalendar.Default);
        Services.AddScoped<AuditLog>();
        Services.AddDeskMail();
        Services.AddScoped<CampaignService>();
        Services.AddScoped<InvolvementService>();
        var officer = new CurrentUser();
        officer.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "officer"), new Claim(ClaimTypes.Name, "officer@federacao.example"),
             new Claim(ClaimTypes.Role, AppRoles.PrivacyOfficer)], "test")));
        Services.AddScoped(_ => officer);
    }

    private async Task<int> IncidentAsync()
    {
        await using var db = _database.CreateContext();
        var now = DateTime.UtcNow;
        var incident = new Incident
        {
            Reference = $"INC-T-{Guid.NewGuid():N}"[..20], Title = "Kafka exposto", Summary = "Resumo",
            ReportedAtUtc = now, KnowledgeAtUtc = now, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        db.Incidents.Add(incident);
        await db.SaveArrangedAsync();
        return incident.Id;
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(int incidentId)
    {
        RenderWithMud<MudText>();
        var dialogs = Render<MudDialogProvider>();
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<LaunchCampaignDialog>("Lançar campanha",
            new DialogParameters<LaunchCampaignDialog> { { d => d.IncidentId, incidentId } }));
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=launch-summary]")), Patience);
        return dialogs;
    }

    [Fact]
    public async Task Before_confirming_it_says_how_many_coops_tasks_per_coop_total_tasks_and_the_first_due_date()
    {
        var dialogs = await OpenAsync(await IncidentAsync());

        Assert.Equal("340", dialogs.Find("[data-testid=launch-summary-coops]").TextContent.Trim());
        Assert.Equal("8", dialogs.Find("[data-testid=launch-summary-per-coop]").TextContent.Trim());
        Assert.Equal("2.720", dialogs.Find("[data-testid=launch-summary-total]").TextContent.Trim());
        // The playbook's shortest step is due at the end of the next business day, in Brasília.
        var due = TaskDueDate.Compute(DateTime.UtcNow, 1, BusinessCalendar.Default);
        Assert.Equal(BrasiliaTime.Format(due.AddMinutes(-1), culture: PtBr), dialogs.Find("[data-testid=launch-summary-first-due]").TextContent.Trim());
        Assert.Contains("Primeiro prazo", dialogs.Markup, StringComparison.Ordinal);
        Assert.Empty(dialogs.FindAll("[data-testid=launch-duplicate]"));
        Assert.Equal("Lançar", dialogs.Find("[data-testid=launch-confirm]").TextContent.Trim());
    }

    [Fact]
    public async Task A_repeat_of_an_active_playbook_is_named_with_its_progress_and_launches_only_with_a_confirmation_and_a_reason()
    {
        var incidentId = await IncidentAsync();
        var playbookId = await ArrangeActiveCampaignAsync(incidentId);
        var dialogs = await OpenAsync(incidentId);

        dialogs.WaitForAssertion(() => Assert.Contains("Já existe uma campanha ativa deste playbook neste incidente: “Contenção”, com 1 de 2 tarefas respondidas.",
            dialogs.Find("[data-testid=launch-duplicate]").TextContent, StringComparison.Ordinal), Patience);
        Assert.True(dialogs.Find("[data-testid=launch-confirm]").HasAttribute("disabled"));
        Assert.Empty(dialogs.FindAll("[data-testid=launch-duplicate-reason]"));

        var confirm = dialogs.Find("[data-testid=launch-allow-duplicate]");
        (confirm.TagName == "INPUT" ? confirm : confirm.QuerySelector("input")!).Change(true);
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=launch-duplicate-reason]")), Patience);
        Assert.Equal("Lançar segunda campanha", dialogs.Find("[data-testid=launch-confirm]").TextContent.Trim());
        dialogs.Find("[data-testid=launch-confirm]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Campo obrigatório.",
            dialogs.Find("[data-testid=launch-duplicate-reason]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal(1, await CampaignsAsync(incidentId, playbookId));

        dialogs.Find("[data-testid=launch-duplicate-reason]").Change("O broker voltou a ficar exposto");
        dialogs.Find("[data-testid=launch-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=launch-dialog]")), Patience);
        Assert.Equal(2, await CampaignsAsync(incidentId, playbookId));
    }

    private async Task<int> CampaignsAsync(int incidentId, int playbookId)
    {
        await using var db = _database.CreateContext();
        return await db.Campaigns.CountAsync(c => c.IncidentId == incidentId && c.PlaybookId == playbookId);
    }

    // A campaign of the starter playbook with one co-op task answered and one still open.
    private async Task<int> ArrangeActiveCampaignAsync(int incidentId)
    {
        await using var db = _database.CreateContext();
        var playbookId = await db.Playbooks.Where(p => p.Name == PlaybookSeed.ExposedBrokerName).Select(p => p.Id).SingleAsync();
        var coops = await db.Coops.OrderBy(c => c.Code).Select(c => c.Id).Take(2).ToListAsync();
        var now = DateTime.UtcNow;
        var campaign = new Campaign { IncidentId = incidentId, Title = "Contenção", PlaybookId = playbookId, LaunchedAtUtc = now, LaunchedBy = "officer@federacao.example" };
        campaign.Tasks.Add(new CampaignTask { Order = 1, Title = "Isolar o broker", DueAtUtc = now.AddDays(2) });
        db.Campaigns.Add(campaign);
        await db.SaveArrangedAsync();
        db.CoopTasks.AddRange(
            new CoopTask { CampaignTaskId = campaign.Tasks[0].Id, CampaignId = campaign.Id, CoopId = coops[0], Status = CoopTaskStatus.Done, UpdatedAtUtc = now },
            new CoopTask { CampaignTaskId = campaign.Tasks[0].Id, CampaignId = campaign.Id, CoopId = coops[1], Status = CoopTaskStatus.Open, UpdatedAtUtc = now });
        await db.SaveArrangedAsync();
        return playbookId;
    }
}
