using AngleSharp.Dom;
using IncidentDesk.Web.Components;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace IncidentDesk.Web.Tests.Components;

/// <summary>
/// Each template of <see cref="Plain"/> writes MudBlazor's markup without MudBlazor's component. Rendered here beside the
/// component it imitates (the MudBlazor version the app runs), every <c>mud-*</c> class the template writes must still be
/// one the component writes on the same element, and the roles and ARIA attributes that matter must agree: a MudBlazor
/// upgrade that renames a class or changes an attribute fails here instead of leaving the page unstyled or unnamed.
/// </summary>
public sealed class PlainConformanceTests : MudComponentTestBase
{
    [Fact]
    public void Icon_writes_MudIcons_svg()
    {
        var plain = RenderPlain(b => b.AddContent(0, Plain.Icon(Icons.Material.Filled.Checklist)));
        var mud = RenderWithMud<MudIcon>(p => p.Add(i => i.Icon, Icons.Material.Filled.Checklist));

        AssertImitates(plain, mud, "svg", "focusable", "viewBox", "aria-hidden");
    }

    [Fact]
    public void Chip_writes_a_small_filled_or_outlined_MudChip()
    {
        foreach (var variant in new[] { Variant.Filled, Variant.Outlined })
        {
            var plain = RenderPlain(b => b.AddContent(0, Plain.Chip("3 atrasadas", Color.Error, outlined: variant == Variant.Outlined)));
            var mud = RenderWithMud<MudChip<string>>(p => p.Add(c => c.Text, "3 atrasadas").Add(c => c.Color, Color.Error)
                .Add(c => c.Size, Size.Small).Add(c => c.Variant, variant));

            AssertImitates(plain, mud, ".mud-chip-container");
            AssertImitates(plain, mud, ".mud-chip");
            AssertImitates(plain, mud, ".mud-chip-content");
            Assert.Equal(mud.Find(".mud-chip-content").TextContent.Trim(), plain.Find(".mud-chip-content").TextContent.Trim());
        }
    }

    [Fact]
    public void Progress_writes_a_small_determinate_MudProgressLinear_that_says_its_value()
    {
        var plain = RenderPlain(b => b.AddContent(0, Plain.Progress(40, Color.Success, "40 % respondido")));
        var mud = RenderWithMud<MudProgressLinear>(p => p.Add(c => c.Value, 40).Add(c => c.Color, Color.Success).Add(c => c.Size, Size.Small));

        AssertImitates(plain, mud, ".mud-progress-linear", "role", "aria-valuenow", "aria-valuemin", "aria-valuemax");
        AssertImitates(plain, mud, ".mud-progress-linear-bars");
        AssertImitates(plain, mud, ".mud-progress-linear-bar");
        Assert.Equal("40 % respondido", plain.Find("[role=progressbar]").GetAttribute("aria-label"));
    }

    [Fact]
    public void CheckBox_writes_a_checked_MudCheckBox_over_a_native_checkbox()
    {
        var plain = RenderPlain(b => b.AddContent(0, Plain.CheckBox(true, "Só atrasadas", "overdue-only", default)));
        var mud = RenderWithMud<MudCheckBox<bool>>(p => p.Add(c => c.Value, true).Add(c => c.Label, "Só atrasadas"));

        AssertImitates(plain, mud, "label.mud-checkbox");
        AssertImitates(plain, mud, ".mud-checkbox .mud-button-root");
        AssertImitates(plain, mud, "input.mud-checkbox-input", "type");
        Assert.True(plain.Find("input").HasAttribute("checked"));
        Assert.Equal("Só atrasadas", plain.Find("label.mud-checkbox").TextContent.Trim());
    }

    [Fact]
    public void OutlinedField_writes_a_dense_outlined_MudTextFields_frame_and_label()
    {
        RenderFragment control = b =>
        {
            b.OpenElement(0, "input");
            b.AddAttribute(1, "id", "uf");
            b.AddAttribute(2, "class", "mud-input-slot mud-input-root mud-input-root-outlined mud-input-root-margin-dense");
            b.CloseElement();
        };
        var plain = RenderPlain(b => b.AddContent(0, Plain.OutlinedField("uf", "UF", filled: false, control)));
        var mud = RenderWithMud<MudTextField<string>>(p => p.Add(c => c.Label, "UF").Add(c => c.Variant, Variant.Outlined)
            .Add(c => c.Margin, Margin.Dense));

        AssertImitates(plain, mud, ".mud-input-control");
        AssertImitates(plain, mud, ".mud-input-control-input-container");
        AssertImitates(plain, mud, ".mud-input");
        AssertImitates(plain, mud, "input");
        AssertImitates(plain, mud, "fieldset.mud-input-outlined-border");
        AssertImitates(plain, mud, "label.mud-input-label");
        Assert.Equal("uf", plain.Find("label.mud-input-label").GetAttribute("for"));
    }

    [Fact]
    public void Button_writes_a_small_outlined_MudButton()
    {
        var plain = RenderPlain(b => b.AddContent(0, Plain.Button("Exportar", Color.Primary, Variant.Outlined, "export")));
        var mud = RenderWithMud<MudButton>(p => p.Add(c => c.Color, Color.Primary).Add(c => c.Variant, Variant.Outlined)
            .Add(c => c.Size, Size.Small).AddChildContent("Exportar"));

        AssertImitates(plain, mud, "button", "type");
        AssertImitates(plain, mud, ".mud-button-label");
    }

    [Fact]
    public void Breadcrumbs_write_MudBreadcrumbs_items_and_separators()
    {
        BreadcrumbItem[] items = [new("Incidentes", "/incidents"), new("INC-2026-0001", null, disabled: true)];
        var plain = RenderPlain(b => b.AddContent(0, Plain.Breadcrumbs(items, "Você está em")));
        var mud = RenderWithMud<MudBreadcrumbs>(p => p.Add(c => c.Items, [.. items]));

        AssertImitates(plain, mud, "ol.mud-breadcrumbs");
        AssertImitates(plain, mud, "li.mud-breadcrumb-item");
        AssertImitates(plain, mud, "li.mud-breadcrumb-separator", "aria-hidden");
        AssertImitates(plain, mud, "li.mud-breadcrumb-item.mud-disabled");
    }

    [Fact]
    public void Tabs_write_MudTabs_tab_bar_with_tab_roles_and_the_selected_state()
    {
        var plain = RenderPlain(b => b.AddContent(0, Plain.Tabs("incident", [new("Visão geral"), new("Tarefas")], 0,
            _ => default, b2 => b2.AddContent(0, "Resumo"), "pa-4")));
        var mud = RenderWithMud<TwoMudTabs>();

        foreach (var selector in new[] { ".mud-tabs", ".mud-tabs-tabbar", ".mud-tabs-tabbar-inner", ".mud-tabs-tabbar-content",
                     ".mud-tabs-tabbar-wrapper", ".mud-tabs-panels" })
        {
            AssertImitates(plain, mud, selector);
        }

        AssertImitates(plain, mud, ".mud-tab.mud-tab-active", "role", "aria-selected");
        Assert.Equal(mud.FindAll("[role=tab]").Select(t => t.GetAttribute("aria-selected")),
            plain.FindAll("[role=tab]").Select(t => t.GetAttribute("aria-selected")));
    }

    private IRenderedComponent<Fragment> RenderPlain(RenderFragment content) =>
        RenderWithMud<Fragment>(p => p.Add(f => f.Content, content));

    /// <summary>
    /// The first element matching <paramref name="selector"/> in each rendering: every <c>mud-*</c> class of the template's
    /// must be on the component's, and each named attribute must have the same value.
    /// </summary>
    private static void AssertImitates<TPlain, TMud>(IRenderedComponent<TPlain> plain, IRenderedComponent<TMud> mud, string selector,
        params string[] attributes)
        where TPlain : IComponent
        where TMud : IComponent
    {
        var ours = plain.Find(selector);
        var theirs = mud.Find(selector);
        var missing = ours.ClassList.Where(c => c.StartsWith("mud-", StringComparison.Ordinal)).Except(theirs.ClassList).ToList();
        Assert.True(missing.Count == 0,
            $"{selector}: MudBlazor no longer writes {string.Join(' ', missing)} (it writes \"{theirs.ClassName}\")");
        foreach (var attribute in attributes)
        {
            Assert.True(string.Equals(theirs.GetAttribute(attribute), ours.GetAttribute(attribute), StringComparison.Ordinal),
                $"{selector} [{attribute}]: MudBlazor writes \"{theirs.GetAttribute(attribute)}\", the template \"{ours.GetAttribute(attribute)}\"");
        }
    }

    /// <summary>Renders a fragment as a page would.</summary>
    public sealed class Fragment : ComponentBase
    {
        [Parameter, EditorRequired]
        public RenderFragment Content { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Content);
    }

    /// <summary>Two MudTabs panels, the first open, rounded and raised as the template draws them.</summary>
    public sealed class TwoMudTabs : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<MudTabs>(0);
            builder.AddAttribute(1, nameof(MudTabs.TabPanelsClass), "pa-4");
            builder.AddAttribute(5, nameof(MudTabs.Rounded), true);
            builder.AddAttribute(6, nameof(MudTabs.Elevation), 1);
            builder.AddAttribute(2, nameof(MudTabs.ChildContent), (RenderFragment)(b =>
            {
                b.OpenComponent<MudTabPanel>(0);
                b.AddAttribute(1, nameof(MudTabPanel.Text), "Visão geral");
                b.AddAttribute(2, nameof(MudTabPanel.ChildContent), (RenderFragment)(c => c.AddContent(0, "Resumo")));
                b.CloseComponent();
                b.OpenComponent<MudTabPanel>(3);
                b.AddAttribute(4, nameof(MudTabPanel.Text), "Tarefas");
                b.CloseComponent();
            }));
            builder.CloseComponent();
        }
    }
}
