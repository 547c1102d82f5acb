using System.Security.Claims;
using IncidentDesk.Core.Compliance.Assessment;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Compliance.Relevance;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Testing;

namespace IncidentDesk.Web.Tests.Compliance;

/// <summary>
/// The relevance checklist over the real <see cref="RelevanceService"/> and SQLite: a first assessment of an incident
/// with health data starts with items I and V ticked and says they were suggested; a save without rationale answers in
/// Portuguese next to the field and loses none of the ticks.
/// </summary>
public sealed class RelevancePanelTests : MudComponentTestBase, IClassFixture<SeededDirectoryDatabase>
{
    private static readonly TimeSpan Patience = Waits.Patience;
    private readonly SeededDirectoryDatabase _database;
    private readonly CurrentUser _viewer = new();

    public RelevancePanelTests(SeededDirectoryDatabase database)
    {
        _database = database;
        AddDeskDatabase(database.Configure);
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<AuditLog>();
        Services.AddScoped<RelevanceService>();
        Services.AddScoped(_ => _viewer);
        _viewer.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "officer"), new Claim(ClaimTypes.Name, "officer@federacao.example"),
             new Claim(ClaimTypes.Role, AppRoles.PrivacyOfficer)], "test")));
    }

    private async Task<int> HealthIncidentAsync()
    {
        await using var db = _database.CreateContext();
        var coop = await db.Coops.OrderBy(c => c.Code).FirstAsync(Xunit.TestContext.Current.CancellationToken);
        var now = DateTime.UtcNow;
        var incident = new Incident
        {
            Reference = $"INC-2026-{Random.Shared.Next(1000, 999999)}", Title = "Prontuários expostos", Summary = "Resumo",
            ReportedAtUtc = now, KnowledgeAtUtc = now, CreatedAtUtc = now, UpdatedAtUtc = now,
            DataCategories = DataCategories.Health | DataCategories.Contact,
        };
        incident.Involvements.Add(new CoopInvolvement { CoopId = coop.Id, Role = InvolvementRole.ControllerAffected, KnowledgeAtUtc = now });
        db.Incidents.Add(incident);
        await db.SaveArrangedAsync(Xunit.TestContext.Current.CancellationToken);
        return incident.Id;
    }

    private static bool Ticked(IRenderedComponent<RelevancePanel> panel, RelevanceCriteria item) =>
        panel.Find($"input[data-criterion={item}]").HasAttribute("checked");

    [Fact]
    public async Task Health_data_prefills_items_i_and_v_with_the_suggestion_hint()
    {
        var id = await HealthIncidentAsync();

        var panel = RenderWithMud<RelevancePanel>(p => p.Add(c => c.IncidentId, id));
        panel.WaitForElement("[data-testid=relevance-suggested]", Patience);

        Assert.True(Ticked(panel, RelevanceCriteria.SensitiveData));
        Assert.True(Ticked(panel, RelevanceCriteria.SecrecyProtected));
        Assert.False(Ticked(panel, RelevanceCriteria.FinancialData));
        Assert.False(Ticked(panel, RelevanceCriteria.LargeScale));
        Assert.Contains("sugerido a partir das categorias de dados", panel.Find("[data-testid=relevance-suggested]").TextContent, StringComparison.Ordinal);
        // Criterion A is not answered yet, so the live result says "record only" until the officer decides.
        Assert.Equal("Apenas registrar", panel.Find("[data-testid=relevance-result]").TextContent.Trim());
        Assert.Contains("Nenhuma avaliação registrada ainda.", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_without_rationale_shows_the_portuguese_error_and_keeps_the_ticks()
    {
        var id = await HealthIncidentAsync();
        var panel = RenderWithMud<RelevancePanel>(p => p.Add(c => c.IncidentId, id));
        panel.WaitForElement("[data-testid=relevance-save]", Patience);

        panel.Find("input[data-criterion=FinancialData]").Change(true);
        panel.Find("input[data-testid=relevance-a-yes]").Click();
        panel.Find("input[data-harm=Fraud]").Change(true);
        panel.WaitForAssertion(() => Assert.Equal("Comunicar à ANPD e aos titulares", panel.Find("[data-testid=relevance-result]").TextContent.Trim()), Patience);
        panel.Find("[data-testid=relevance-save]").Click();

        panel.WaitForAssertion(() => Assert.Contains("Escreva a fundamentação da avaliação.", panel.Markup, StringComparison.Ordinal), Patience);
        Assert.True(Ticked(panel, RelevanceCriteria.SensitiveData));
        Assert.True(Ticked(panel, RelevanceCriteria.SecrecyProtected));
        Assert.True(Ticked(panel, RelevanceCriteria.FinancialData));
        Assert.True(panel.Find("input[data-harm=Fraud]").HasAttribute("checked"));
        await using var db = _database.CreateContext();
        Assert.False(await db.RelevanceAssessments.AnyAsync(a => a.IncidentId == id, Xunit.TestContext.Current.CancellationToken));
    }
}
