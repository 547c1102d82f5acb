using IncidentDesk.Web.Components;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;

namespace IncidentDesk.Web.Tests.Layout;

/// <summary>
/// The tab bar the incident page and the campaign views draw as markup (<see cref="Plain.Tabs"/>): a screen reader hears
/// tabs, which one is selected and which panel it controls; a click opens the tab, and only the open tab's panel exists.
/// </summary>
public sealed class PlainTabsTests : MudComponentTestBase
{
    [Fact]
    public void The_open_tab_is_selected_and_labels_the_only_panel()
    {
        var cut = RenderWithMud<TwoTabs>();

        var tabs = cut.FindAll("[role=tablist] [role=tab]");
        Assert.Equal(["Visão geral", "Cooperativas 3"], tabs.Select(t => Squash(t.TextContent)));
        Assert.Equal(["true", "false"], tabs.Select(t => t.GetAttribute("aria-selected")));
        var panel = cut.Find("[role=tabpanel]");
        Assert.Equal(tabs[0].Id, panel.GetAttribute("aria-labelledby"));
        Assert.All(tabs, t => Assert.Equal(panel.Id, t.GetAttribute("aria-controls")));
        Assert.Equal("Resumo do incidente", panel.TextContent.Trim());
    }

    [Fact]
    public void Clicking_a_tab_opens_it_and_renders_its_panel_instead()
    {
        var cut = RenderWithMud<TwoTabs>();

        cut.Find("[data-testid=coops-tab]").Click();

        Assert.Equal(["false", "true"], cut.FindAll("[role=tab]").Select(t => t.GetAttribute("aria-selected")));
        Assert.Contains("mud-tab-active", cut.Find("[data-testid=coops-tab]").ClassList);
        Assert.Equal("Três cooperativas envolvidas", cut.Find("[role=tabpanel]").TextContent.Trim());
        Assert.Single(cut.FindAll("[role=tabpanel]"));
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A page with two tabs, as the incident page uses them: it owns the open tab and renders its panel.</summary>
    private sealed class TwoTabs : ComponentBase
    {
        private int _open;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            Plain.Tab[] tabs = [new("Visão geral", "overview-tab"), new("Cooperativas", "coops-tab", Badge: 3)];
            RenderFragment panel = b => b.AddContent(0, _open == 0 ? "Resumo do incidente" : "Três cooperativas envolvidas");
            builder.AddContent(0, Plain.Tabs("incident", tabs, _open, Select, panel, "pa-4"));
        }

        private EventCallback<MouseEventArgs> Select(int index) => EventCallback.Factory.Create<MouseEventArgs>(this, () => _open = index);
    }
}
