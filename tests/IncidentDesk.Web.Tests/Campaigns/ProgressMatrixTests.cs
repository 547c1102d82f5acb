using IncidentDesk.Web.Features.Campaigns.Tasks;
using IncidentDesk.Web.Features.Campaigns.Matrix;
using System.Security.Claims;
using AngleSharp.Dom;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using IncidentDesk.Testing;

namespace IncidentDesk.Web.Tests.Campaigns;

/// <summary>
/// The officers' progress matrix over the real <see cref="CampaignProgressService"/> and a real SQLite database with a
/// small campaign (<see cref="ProgressMatrixDatabase"/>): one coloured, labelled cell per co-op task, completion per
/// column, filters that narrow the co-ops.
/// </summary>
public sealed class ProgressMatrixTests : MudComponentTestBase, IClassFixture<ProgressMatrixDatabase>
{
    private static readonly TimeSpan Patience = Waits.Patience;

    private readonly ProgressMatrixDatabase _database;

    public ProgressMatrixTests(ProgressMatrixDatabase database)
    {
        _database = database;
        AddDeskDatabase(database.Directory.Configure);
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<AuditLog>();
        Services.AddScoped<CampaignProgressService>();
        Services.AddScoped<CoopTaskService>();
        Services.AddScoped<AuditTrailService>();
        Services.AddScoped(_ => Viewer);
    }

    private CurrentUser Viewer { get; } = As(AppRoles.PrivacyOfficer);

    private static CurrentUser As(string role)
    {
        var user = new CurrentUser();
        user.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "viewer"), new Claim(ClaimTypes.Name, "viewer@federacao.example"), new Claim(ClaimTypes.Role, role)], "test")));
        return user;
    }

    private IRenderedComponent<ProgressMatrix> RenderMatrix()
    {
        var cut = RenderWithMud<ProgressMatrix>(p => p.Add(m => m.CampaignId, _database.CampaignId));
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=matrix-row]").Count), Patience);
        return cut;
    }

    private static IElement Row(IRenderedComponent<ProgressMatrix> cut, string coopCode) =>
        cut.Find($"[data-testid=matrix-row][data-coop='{coopCode}']");

    // MudCheckBox puts extra attributes on its input.
    private static IElement Filter(IRenderedComponent<ProgressMatrix> cut, string testId) =>
        cut.Find($"input[data-testid={testId}], [data-testid={testId}] input");

    /// <summary>What a screen reader says for a cell: the texts its aria-labelledby names, as the browser composes them.</summary>
    private static string AccessibleName(IRenderedComponent<ProgressMatrix> cut, IElement cell) =>
        string.Join(" ", cell.GetAttribute("aria-labelledby")!.Split(' ').Select(id => cut.Find($"#{id}").TextContent.Trim()));

    /// <summary>A click on a cell as the browser reports it (wwwroot/js/matrix.js): bubbles to the table body's one handler.</summary>
    private static void Open(IElement cell) => cell.TriggerEvent("onmatrixcell", new MatrixCellEventArgs
    {
        TaskId = int.Parse(cell.GetAttribute("data-task-id")!, System.Globalization.CultureInfo.InvariantCulture),
    });

    private static List<string> RowCodes(IRenderedComponent<ProgressMatrix> cut) =>
        [.. cut.FindAll("[data-testid=matrix-row]").Select(r => r.GetAttribute("data-coop")!)];

    [Theory]
    [InlineData("AC-001", 0, "matrix-cell-success", "Concluída")]
    [InlineData("AC-001", 2, "matrix-cell-secondary", "Não se aplica")]
    [InlineData("AC-002", 0, "matrix-cell-warning", "Bloqueada, atrasada")]
    [InlineData("AC-002", 2, "matrix-cell-info", "Em andamento")]
    [InlineData("SP-001", 2, "matrix-cell-default", "Aberta")]
    public void Each_cell_has_its_status_colour_and_says_its_status_in_words(string coop, int column, string colourClass, string spoken)
    {
        var cut = RenderMatrix();

        var cell = Row(cut, coop).QuerySelectorAll("[data-testid=matrix-cell]")[column];

        Assert.Contains(colourClass, cell.ClassList);
        var name = AccessibleName(cut, cell);
        Assert.StartsWith($"{coop} {column + 1}. ", name, StringComparison.Ordinal);
        Assert.EndsWith($" {spoken}", name, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(cell.TextContent)); // a glyph, not colour alone
    }

    [Fact]
    public void Only_an_unfinished_task_past_its_due_date_is_marked_overdue()
    {
        var cut = RenderMatrix();

        var overdue = cut.FindAll(".matrix-cell-overdue");

        Assert.Equal("AC-002", Assert.Single(overdue).Closest("[data-testid=matrix-row]")!.GetAttribute("data-coop"));
    }

    [Fact]
    public void Each_column_shows_its_completion_counting_done_and_not_applicable()
    {
        var cut = RenderMatrix();

        Assert.Equal(["75%", "50%", "25%"], cut.FindAll("[data-testid=matrix-completion]").Select(c => c.TextContent.Trim()));
        Assert.Equal(["1", "2", "3"], cut.FindAll("[data-testid=matrix-column] .matrix-task-number").Select(c => c.TextContent.Trim()));
        Assert.Equal("2. Fechar listeners públicos", cut.FindAll("[data-testid=matrix-column]")[1].GetAttribute("title"));
        Assert.Equal("50% concluído · 1 bloqueada(s) · 1 atrasada(s) · 3 não iniciada(s)", cut.Find("[data-testid=matrix-summary]").TextContent.Trim());
        Assert.Equal(["AC · 2 cooperativa(s) · 50% concluído", "SP · 2 cooperativa(s) · 50% concluído"],
            cut.FindAll("[data-testid=matrix-group] button").Select(b => b.TextContent.Replace("▾", "", StringComparison.Ordinal).Trim()));
    }

    [Fact]
    public void The_blocked_filter_shows_only_coops_with_a_blocked_task()
    {
        var cut = RenderMatrix();

        Filter(cut, "filter-blocked").Change(true);

        cut.WaitForAssertion(() => Assert.Equal(["AC-002"], RowCodes(cut)), Patience);
        Assert.Equal(["AC"], cut.FindAll("[data-testid=matrix-group]").Select(g => g.GetAttribute("data-uf")));
    }

    [Fact]
    public void The_not_started_filter_shows_coops_with_an_open_task()
    {
        var cut = RenderMatrix();

        Filter(cut, "filter-not-started").Change(true);

        cut.WaitForAssertion(() => Assert.Equal(["AC-002", "SP-001", "SP-002"], RowCodes(cut)), Patience);
    }

    [Fact]
    public void The_text_filter_matches_coop_code_or_name_and_combines_with_the_problem_filters()
    {
        var cut = RenderMatrix();

        Filter(cut, "filter-text").Input("sp-");
        cut.WaitForAssertion(() => Assert.Equal(["SP-001", "SP-002"], RowCodes(cut)), Patience);
        Filter(cut, "filter-blocked").Change(true);

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=matrix-empty]")), Patience);
        Assert.Empty(RowCodes(cut));
    }

    [Fact]
    public void Choosing_a_uf_shows_only_its_coops()
    {
        var cut = RenderMatrix();

        var uf = cut.Find("select[data-testid=filter-uf]");
        Assert.Equal(["Todas as UFs", "AC", "SP"], uf.QuerySelectorAll("option").Select(o => o.TextContent.Trim()));
        uf.Change("SP");

        cut.WaitForAssertion(() => Assert.Equal(["SP-001", "SP-002"], RowCodes(cut)), Patience);
        Assert.Equal(["SP"], cut.FindAll("[data-testid=matrix-group]").Select(g => g.GetAttribute("data-uf")));
    }

    [Fact]
    public void Collapsing_a_uf_hides_its_coops_but_keeps_its_header()
    {
        var cut = RenderMatrix();

        cut.Find("[data-testid=matrix-group][data-uf='AC'] button").Click();

        cut.WaitForAssertion(() => Assert.Equal(["SP-001", "SP-002"], RowCodes(cut)), Patience);
        Assert.Equal("false", cut.Find("[data-testid=matrix-group][data-uf='AC'] button").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void Clicking_a_cell_shows_that_coops_task_with_its_note_literally()
    {
        var cut = RenderMatrix();
        var dialogs = Render<MudDialogProvider>();

        Open(Row(cut, "AC-002").QuerySelectorAll("[data-testid=matrix-cell]")[0]);

        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=matrix-cell-dialog]")), Patience);
        Assert.Equal("Bloqueada", dialogs.Find("[data-testid=matrix-dialog-status]").TextContent.Trim());
        // The note is read when the dialog opens (the open matrix does not hold it).
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=matrix-dialog-note]")), Patience);
        Assert.Contains("<b>Aguardando fornecedor</b>", dialogs.Find("[data-testid=matrix-dialog-note]").TextContent, StringComparison.Ordinal);
        Assert.Contains("liaison.ac-002@coop.example", dialogs.Find("[data-testid=matrix-dialog-updated]").TextContent, StringComparison.Ordinal);
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=matrix-dialog-no-history]")), Patience);
    }

    [Fact]
    public void A_cell_id_this_matrix_does_not_show_opens_nothing()
    {
        var cut = RenderMatrix();
        var dialogs = Render<MudDialogProvider>();
        var cell = Row(cut, "AC-002").QuerySelectorAll("[data-testid=matrix-cell]")[0];

        // What a crafted event could carry: another campaign's task, or a click beside the cells.
        cell.TriggerEvent("onmatrixcell", new MatrixCellEventArgs { TaskId = int.MaxValue });
        cell.TriggerEvent("onmatrixcell", new MatrixCellEventArgs { TaskId = 0 });
        Open(cell);

        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=matrix-cell-dialog]")), Patience);
    }

    [Fact]
    public async Task The_cell_dialog_shows_the_answer_as_it_is_when_opened_not_as_it_was_when_the_matrix_loaded()
    {
        var cut = RenderMatrix();
        var cell = Row(cut, "AC-001").QuerySelectorAll("[data-testid=matrix-cell]")[0];
        var coopTaskId = int.Parse(cell.GetAttribute("data-task-id")!, System.Globalization.CultureInfo.InvariantCulture);
        // Written behind the open matrix's back (no change feed): only a read on opening can show it.
        await using (var db = await Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken))
        {
            var task = await db.CoopTasks.FindAsync([coopTaskId], Xunit.TestContext.Current.CancellationToken);
            task!.Answer = "<i>42 titulares</i>";
            await db.SaveArrangedAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var dialogs = Render<MudDialogProvider>();
        Open(cell);

        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=matrix-dialog-answer]")), Patience);
        Assert.Contains("<i>42 titulares</i>", dialogs.Find("[data-testid=matrix-dialog-answer]").TextContent, StringComparison.Ordinal);
        Assert.Contains("liaison.ac-001@coop.example", dialogs.Find("[data-testid=matrix-dialog-updated]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_updated_elsewhere_reloads_the_matrix_and_its_history_shows_in_the_cell_dialog()
    {
        var cut = RenderWithMud<ProgressMatrix>(p => p.Add(m => m.CampaignId, _database.LiveCampaignId));
        cut.WaitForAssertion(() => Assert.Equal("0%", cut.Find("[data-testid=matrix-completion]").TextContent.Trim()), Patience);
        var cellId = int.Parse(cut.Find("[data-testid=matrix-cell]").GetAttribute("data-task-id")!, System.Globalization.CultureInfo.InvariantCulture);

        // Another officer's update, through the real service: audited, then published on the change feed.
        var result = await Services.GetRequiredService<CoopTaskService>()
            .UpdateStatusAsync(cellId, new TaskStatusInput(CoopTaskStatus.Done, "Titulares avisados por e-mail", null, 0), Xunit.TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        cut.WaitForAssertion(() => Assert.Equal("100%", cut.Find("[data-testid=matrix-completion]").TextContent.Trim()), Patience);
        Assert.Contains("matrix-cell-success", cut.Find("[data-testid=matrix-cell]").ClassList);
        var dialogs = Render<MudDialogProvider>();
        Open(cut.Find("[data-testid=matrix-cell]"));
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=matrix-dialog-history-entry]")), Patience);
        var step = dialogs.Find("[data-testid=matrix-dialog-history-entry]").TextContent;
        Assert.Contains("Titulares avisados por e-mail", step, StringComparison.Ordinal);
        Assert.Contains("Aberta → Concluída", step, StringComparison.Ordinal); // status words, not the stored numbers
        Assert.DoesNotContain("UpdatedAtUtc", step, StringComparison.Ordinal); // bookkeeping stays in the audit page
    }

    [Fact]
    public void A_liaison_sees_no_matrix()
    {
        Viewer.Set(As(AppRoles.CoopLiaison).Principal);

        var cut = RenderWithMud<ProgressMatrix>(p => p.Add(m => m.CampaignId, _database.CampaignId));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=matrix-not-found]")), Patience);
        Assert.Empty(cut.FindAll("[data-testid=matrix-row]"));
    }
}
