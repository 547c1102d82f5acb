using System.Security.Claims;
using AngleSharp.Dom;
using IncidentDesk.Data;
using IncidentDesk.Data.Seeding;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Playbooks;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Testing;

namespace IncidentDesk.Web.Tests.Playbooks;

/// <summary>
/// The playbook editor over the real <see cref="PlaybookService"/> and the seeded eight-step playbook. The tests never
/// save successfully, so the shared database keeps the seed.
/// </summary>
public sealed class PlaybookEditorTests : MudComponentTestBase, IClassFixture<SeededDirectoryDatabase>
{
    private static readonly TimeSpan Patience = Waits.Patience;

    private readonly SeededDirectoryDatabase _database;

    public PlaybookEditorTests(SeededDirectoryDatabase database)
    {
        _database = database;
        AddDeskDatabase(database.Configure);
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<AuditLog>();
        Services.AddScoped<PlaybookService>();
        Services.AddScoped(_ => As(_role));
    }

    private string _role = AppRoles.PrivacyOfficer;

    private static CurrentUser As(string role)
    {
        var user = new CurrentUser();
        user.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "viewer"), new Claim(ClaimTypes.Name, "viewer@federacao.example"),
             new Claim(ClaimTypes.Role, role)], "test")));
        return user;
    }

    private IRenderedComponent<PlaybookEditPage> RenderSeeded()
    {
        using var db = _database.CreateContext();
        var id = db.Playbooks.Where(p => p.Name == PlaybookSeed.ExposedBrokerName).Select(p => p.Id).Single();
        var cut = RenderWithMud<PlaybookEditPage>(p => p.Add(page => page.Id, id));
        cut.WaitForAssertion(() => Assert.Equal(8, Steps(cut).Count), Patience);
        return cut;
    }

    private static IReadOnlyList<IElement> Steps(IRenderedComponent<PlaybookEditPage> cut) => cut.FindAll("[data-testid=step-editor]");

    // MudTextField puts extra attributes on its input.
    private static IElement TitleInput(IElement step) => step.QuerySelector("input[data-testid=step-title], [data-testid=step-title] input")!;

    private static List<string?> Titles(IRenderedComponent<PlaybookEditPage> cut) => [.. Steps(cut).Select(s => TitleInput(s).GetAttribute("value"))];

    private static void Press(IElement step, string testId) => step.QuerySelector($"button[data-testid={testId}]")!.Click();

    [Fact]
    public void Saving_with_an_empty_step_title_marks_that_step_and_keeps_every_other_step_as_typed()
    {
        var cut = RenderSeeded();
        var before = Titles(cut);
        TitleInput(Steps(cut)[2]).Change("   ");
        TitleInput(Steps(cut)[5]).Change("Confirmar o encarregado (texto novo)");

        cut.Find("button[data-testid=playbook-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Campo obrigatório.", Steps(cut)[2].TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal("Corrija os campos destacados para salvar.", cut.Find("[data-testid=playbook-errors]").TextContent.Trim());
        Assert.DoesNotContain("Campo obrigatório.", Steps(cut)[1].TextContent, StringComparison.Ordinal);
        var after = Titles(cut);
        Assert.Equal(8, after.Count);
        Assert.Equal("Confirmar o encarregado (texto novo)", after[5]);
        Assert.Equal(before.Where((_, i) => i is not (2 or 5)), after.Where((_, i) => i is not (2 or 5)));
    }

    [Fact]
    public void A_colleagues_save_while_editing_is_named_and_everything_typed_stays_in_the_form()
    {
        var cut = RenderSeeded();
        TitleInput(Steps(cut)[0]).Change("Inventariar brokers expostos (revisto)");
        using (var db = _database.CreateContext())
        {
            // A colleague's save in the meantime (the content stays the seed's: this class never changes it).
            var playbook = db.Playbooks.Single(p => p.Name == PlaybookSeed.ExposedBrokerName);
            playbook.UpdatedAtUtc = playbook.UpdatedAtUtc.AddMinutes(7);
            playbook.UpdatedBy = "colega@federacao.example";
            db.SaveArranged();
        }

        cut.Find("button[data-testid=playbook-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("colega@federacao.example salvou às",
            cut.Find("[data-testid=playbook-conflict]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Contains("Outra pessoa salvou este playbook enquanto você editava", cut.Find("[data-testid=playbook-conflict]").TextContent,
            StringComparison.Ordinal);
        Assert.Equal("Inventariar brokers expostos (revisto)", Titles(cut)[0]);
        Assert.Equal(8, Steps(cut).Count);
    }

    [Fact]
    public void Move_down_and_move_up_reorder_the_steps_and_renumber_them()
    {
        var cut = RenderSeeded();
        var before = Titles(cut);

        Press(Steps(cut)[0], "step-down");
        cut.WaitForAssertion(() => Assert.Equal(before[1], Titles(cut)[0]), Patience);
        Press(Steps(cut)[7], "step-up");

        cut.WaitForAssertion(() => Assert.Equal(
            [before[1], before[0], before[2], before[3], before[4], before[5], before[7], before[6]], Titles(cut)), Patience);
        Assert.Equal("Passo 1", Steps(cut)[0].QuerySelector("[data-testid=step-number]")!.TextContent.Trim());
        Assert.True(Steps(cut)[0].QuerySelector("button[data-testid=step-up]")!.HasAttribute("disabled"));
        Assert.True(Steps(cut)[7].QuerySelector("button[data-testid=step-down]")!.HasAttribute("disabled"));
    }

    [Fact]
    public void Cancel_without_changes_leaves_at_once_for_the_list()
    {
        var cut = RenderSeeded();

        cut.Find("button[data-testid=playbook-cancel]").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.EndsWith("/playbooks", navigation.Uri, StringComparison.Ordinal), Patience);
    }

    [Fact]
    public void An_auditor_reads_the_playbook_without_any_way_to_change_it()
    {
        _role = AppRoles.Auditor;

        var cut = RenderSeeded();

        Assert.All(Steps(cut), step => Assert.True(TitleInput(step).HasAttribute("readonly")));
        Assert.Empty(cut.FindAll("button[data-testid=playbook-save], button[data-testid=step-add], button[data-testid=step-remove], button[data-testid=step-up]"));
        Assert.Equal(PlaybookSeed.ExposedBrokerName, cut.Find("h1").TextContent.Trim());
    }
}
