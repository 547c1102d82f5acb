using System.Security.Claims;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Compliance;
using IncidentDesk.Web.Features.Notifications;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Testing;

namespace IncidentDesk.Web.Tests.Notifications;

/// <summary>
/// The "Minutas" section over the real <see cref="DraftService"/> and SQLite: the rendered preview keeps user text as
/// text (a summary with a script tag or a javascript: link runs nothing), and what the draft lacks links to the tab where
/// it is filled.
/// </summary>
public sealed class DraftsPanelTests : MudComponentTestBase, IClassFixture<SeededDirectoryDatabase>
{
    private static readonly TimeSpan Patience = Waits.Patience;
    private const string Script = "<script>alert(1)</script>";
    private readonly SeededDirectoryDatabase _database;
    private readonly CurrentUser _viewer = new();

    public DraftsPanelTests(SeededDirectoryDatabase database)
    {
        _database = database;
        AddDeskDatabase(database.Configure);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<BusinessCalendarProvider>();
        Services.AddSingleton<ICommunicationFilings, NoFilings>();
        Services.AddScoped<AuditLog>();
        Services.AddScoped<DraftService>();
        Services.AddScoped<IncidentDesk.Web.Features.Incidents.Timeline.TimelineService>();
        Services.AddScoped<IncidentDesk.Web.Features.Notifications.Versions.DraftVersionService>();
        Services.AddScoped<IncidentDesk.Web.Features.Notifications.Versions.FilingService>();
        Services.AddScoped(_ => _viewer);
        _viewer.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "officer"), new Claim(ClaimTypes.Name, "officer@federacao.example"),
             new Claim(ClaimTypes.Role, AppRoles.PrivacyOfficer)], "test")));
    }

    private async Task<int> IncidentAsync(string summary)
    {
        await using var db = _database.CreateContext();
        var coop = await db.Coops.OrderBy(c => c.Code).FirstAsync(Xunit.TestContext.Current.CancellationToken);
        var now = DateTime.UtcNow;
        var incident = new Incident
        {
            Reference = $"INC-2026-{Random.Shared.Next(1000, 999999)}", Title = $"Título {Script}", Summary = summary,
            ReportedAtUtc = now, KnowledgeAtUtc = now, CreatedAtUtc = now, UpdatedAtUtc = now,
            DataCategories = DataCategories.Health,
        };
        incident.Involvements.Add(new CoopInvolvement { CoopId = coop.Id, Role = InvolvementRole.ControllerAffected, KnowledgeAtUtc = now });
        db.Incidents.Add(incident);
        await db.SaveArrangedAsync(Xunit.TestContext.Current.CancellationToken);
        return incident.Id;
    }

    [Fact]
    public async Task The_preview_shows_user_text_literally_and_runs_no_script()
    {
        var id = await IncidentAsync($"Resumo {Script} e [clique aqui](javascript:alert(2)).");

        var panel = RenderWithMud<DraftsPanel>(p => p.Add(c => c.IncidentId, id));
        panel.WaitForElement("[data-testid=draft-preview] h1", Patience);

        var preview = panel.Find("[data-testid=draft-preview]");
        Assert.Empty(preview.QuerySelectorAll("script"));
        Assert.Contains(Script, preview.TextContent, StringComparison.Ordinal);
        Assert.Contains(DraftTexts.SectionIdentification, preview.TextContent, StringComparison.Ordinal);
        // People's text is escaped Markdown: a link typed into a summary stays the words typed, never a link.
        Assert.Empty(preview.QuerySelectorAll("a"));
        Assert.Contains("[clique aqui](javascript:alert(2))", preview.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_items_link_to_the_tab_where_they_are_filled()
    {
        var id = await IncidentAsync("Resumo");

        var panel = RenderWithMud<DraftsPanel>(p => p.Add(c => c.IncidentId, id));
        panel.WaitForElement("[data-testid=draft-missing] li", Patience);

        var subjects = panel.Find($"[data-code={MissingCodes.SubjectCountUnknown}]");
        var link = subjects.QuerySelector("a[data-testid=missing-link]");
        Assert.NotNull(link);
        Assert.Equal($"incidents/{id}?tab=figures", link.GetAttribute("href"));
        Assert.Contains("Ir para Números-chave", link.TextContent, StringComparison.Ordinal);
        Assert.Contains("Número de titulares afetados", subjects.TextContent, StringComparison.Ordinal);
        var measures = panel.Find($"[data-code={MissingCodes.NoMeasuresRecorded}] a");
        Assert.Equal($"incidents/{id}?tab=timeline", measures.GetAttribute("href"));
        Assert.Equal($"incidents/{id}/drafts/{await CoopOfAsync(id)}/AnpdComplete/md",
            panel.Find("[data-testid=draft-download]").GetAttribute("href"));
    }

    private async Task<int> CoopOfAsync(int incidentId)
    {
        await using var db = _database.CreateContext();
        return await db.CoopInvolvements.Where(v => v.IncidentId == incidentId).Select(v => v.CoopId).SingleAsync(Xunit.TestContext.Current.CancellationToken);
    }

    private sealed class NoFilings : ICommunicationFilings
    {
        public Task<IReadOnlyDictionary<int, DateTime>> FiledAtAsync(int incidentId, IReadOnlyCollection<int> coopIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<int, DateTime>>(new Dictionary<int, DateTime>());
    }
}
