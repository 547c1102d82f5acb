using System.Security.Claims;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Compliance;
using IncidentDesk.Web.Features.Notifications;
using IncidentDesk.Web.Features.Notifications.Versions;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Testing;

namespace IncidentDesk.Web.Tests.Notifications;

/// <summary>
/// The approval and the editor of draft versions over the real services and SQLite: approval with missing items is
/// blocked, in Portuguese words, until the officer confirms "as preliminary"; the editor saves a new version and keeps
/// what was typed when the save is refused; a liaison never sees a generated draft.
/// </summary>
public sealed class VersionComponentsTests : MudComponentTestBase, IClassFixture<SeededDirectoryDatabase>
{
    private static readonly TimeSpan Patience = Waits.Patience;
    private const string Editor = "[data-testid=editor-text] textarea, textarea[data-testid=editor-text]";
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
    private readonly SeededDirectoryDatabase _database;
    private readonly CurrentUser _viewer = new();

    public VersionComponentsTests(SeededDirectoryDatabase database)
    {
        _database = database;
        AddDeskDatabase(database.Configure);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<BusinessCalendarProvider>();
        Services.AddScoped<ICommunicationFilings, RecordedCommunicationFilings>();
        Services.AddScoped<AuditLog>();
        Services.AddScoped<DraftService>();
        Services.AddScoped<IncidentDesk.Web.Features.Incidents.Timeline.TimelineService>();
        Services.AddScoped<DraftVersionService>();
        Services.AddScoped<FilingService>();
        Services.AddScoped(_ => _viewer);
        ActAs(AppRoles.PrivacyOfficer, null);
    }

    private void ActAs(string role, int? coopId)
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, role), new(ClaimTypes.Name, $"{role}@federacao.example"), new(ClaimTypes.Role, role)];
        if (coopId is { } id)
        {
            claims.Add(new Claim(CurrentUser.CoopIdClaim, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        _viewer.Set(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
    }

    /// <summary>An incident with one controller co-op and a saved version of its ANPD communication (items missing).</summary>
    private async Task<(int Incident, int Coop, DraftVersionDetail Version)> SavedVersionAsync()
    {
        int incidentId, coopId;
        await using (var db = _database.CreateContext())
        {
            var coop = await db.Coops.OrderBy(c => c.Code).FirstAsync(Ct);
            var now = DateTime.UtcNow;
            var incident = new Incident
            {
                Reference = $"INC-2026-{Random.Shared.Next(1000, 999999)}", Title = "Vazamento", Summary = "Resumo",
                ReportedAtUtc = now, KnowledgeAtUtc = now, CreatedAtUtc = now, UpdatedAtUtc = now, DataCategories = DataCategories.Health,
            };
            incident.Involvements.Add(new CoopInvolvement { CoopId = coop.Id, Role = InvolvementRole.ControllerAffected, KnowledgeAtUtc = now });
            db.Incidents.Add(incident);
            await db.SaveArrangedAsync(Ct);
            (incidentId, coopId) = (incident.Id, coop.Id);
        }

        var versions = Services.GetRequiredService<DraftVersionService>();
        var saved = await versions.SaveGeneratedAsync(incidentId, coopId, DraftKind.AnpdComplete, Ct);
        return (incidentId, coopId, (await versions.GetAsync(incidentId, saved.Value, Ct))!);
    }

    private static void Type(IRenderedComponent<DraftEditor> editor, string text) => editor.Find(Editor).Input(text);

    [Fact]
    public async Task Approval_with_missing_items_is_blocked_in_words_until_preliminary_is_confirmed()
    {
        var (incidentId, _, version) = await SavedVersionAsync();
        var approved = false;

        var panel = RenderWithMud<ApprovePanel>(p => p.Add(c => c.IncidentId, incidentId).Add(c => c.Version, version.Row)
            .Add(c => c.Approved, () => approved = true));

        Assert.True(panel.Find("button[data-testid=approve]").HasAttribute("disabled"));
        Assert.Contains("Aprovação bloqueada: há itens pendentes", panel.Find("[data-testid=approve-blocked]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Número de titulares afetados", panel.Find("[data-testid=approve-missing]").TextContent, StringComparison.Ordinal);

        panel.Find("[data-testid=approve-preliminary] input, input[data-testid=approve-preliminary]").Change(true);
        panel.WaitForAssertion(() => Assert.False(panel.Find("button[data-testid=approve]").HasAttribute("disabled")), Patience);
        Assert.Empty(panel.FindAll("[data-testid=approve-blocked]"));
        Assert.Contains("como preliminar", panel.Find("button[data-testid=approve]").TextContent, StringComparison.Ordinal);
        await panel.InvokeAsync(() => panel.Find("button[data-testid=approve]").Click());

        panel.WaitForAssertion(() => Assert.True(approved), Patience);
        var stored = await Services.GetRequiredService<DraftVersionService>().GetAsync(incidentId, version.Row.Id, Ct);
        Assert.True(stored!.Row.ApprovedAsPreliminary);
    }

    [Fact]
    public async Task The_editor_saves_a_new_version_and_keeps_the_typed_text_when_the_save_is_refused()
    {
        var (incidentId, _, version) = await SavedVersionAsync();
        int? savedId = null;
        var editor = RenderWithMud<DraftEditor>(p => p.Add(c => c.IncidentId, incidentId).Add(c => c.Source, version)
            .Add(c => c.Saved, id => savedId = id));

        Type(editor, "   ");
        await editor.InvokeAsync(() => editor.Find("button[data-testid=editor-save]").Click());
        editor.WaitForAssertion(() => Assert.Contains("Preencha este campo.", editor.Markup, StringComparison.Ordinal), Patience);
        Assert.Null(savedId);

        const string typed = "# Comunicação revisada\n\nTexto escrito pelo encarregado.";
        Type(editor, typed);
        // The live preview follows the typing before anything is saved.
        editor.WaitForAssertion(() => Assert.Contains("Texto escrito pelo encarregado.", editor.Find("[data-testid=editor-preview]").TextContent,
            StringComparison.Ordinal), Patience);
        await editor.InvokeAsync(() => editor.Find("button[data-testid=editor-save]").Click());

        editor.WaitForAssertion(() => Assert.NotNull(savedId), Patience);
        var saved = await Services.GetRequiredService<DraftVersionService>().GetAsync(incidentId, savedId!.Value, Ct);
        Assert.Equal(typed, saved!.Markdown);
        Assert.Equal(version.Row.Version + 1, saved.Row.Version);
    }

    [Fact]
    public async Task A_refused_edit_keeps_the_officers_text_in_the_editor()
    {
        var (incidentId, _, version) = await SavedVersionAsync();
        var tooLong = new string('x', DraftVersion.MarkdownMax + 1);
        var editor = RenderWithMud<DraftEditor>(p => p.Add(c => c.IncidentId, incidentId).Add(c => c.Source, version));

        Type(editor, tooLong);
        await editor.InvokeAsync(() => editor.Find("button[data-testid=editor-save]").Click());

        editor.WaitForAssertion(() => Assert.Contains("Texto longo demais.", editor.Markup, StringComparison.Ordinal), Patience);
        Assert.Equal(tooLong, editor.Find(Editor).GetAttribute("value") ?? editor.Find(Editor).TextContent);
    }

    [Fact]
    public async Task A_liaison_sees_no_generated_draft_and_only_approved_versions_of_their_coop()
    {
        var (incidentId, coopId, version) = await SavedVersionAsync();
        ActAs(AppRoles.CoopLiaison, coopId);

        var panel = RenderWithMud<DraftsPanel>(p => p.Add(c => c.IncidentId, incidentId));

        panel.WaitForElement("[data-testid=versions-empty]", Patience);
        Assert.Empty(panel.FindAll("[data-testid=draft-preview]"));
        Assert.Empty(panel.FindAll("[data-testid=draft-download]"));
        Assert.Empty(panel.FindAll("[data-testid=version-generate]"));
        Assert.DoesNotContain($"data-id=\"{version.Row.Id}\"", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("Nenhuma versão aprovada", panel.Find("[data-testid=versions-empty]").TextContent, StringComparison.Ordinal);
    }
}
