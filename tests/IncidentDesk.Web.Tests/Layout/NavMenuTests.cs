using Bunit.TestDoubles;
using IncidentDesk.Web.Layout;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Interfaces;

namespace IncidentDesk.Web.Tests.Layout;

/// <summary>
/// The side menu, drawn as MudBlazor's nav markup by one component: each role sees its links, the current page's
/// link is highlighted as the address changes, and a click lets the drawer close itself on a phone.
/// </summary>
public sealed class NavMenuTests : MudComponentTestBase
{
    private readonly BunitAuthorizationContext _auth;
    private readonly DrawerSpy _drawer = new();

    public NavMenuTests() => _auth = AddAuthorization();

    [Fact]
    public void A_liaison_sees_their_tasks_but_not_the_officers_pages()
    {
        _auth.SetAuthorized("liaison@coop.example");
        _auth.SetRoles(AppRoles.CoopLiaison);

        var menu = RenderMenu();

        Assert.Equal(["Painel", "Incidentes", "Cooperativas", "Vigilância de exposição", "Minhas tarefas"], LinkTexts(menu));
    }

    [Fact]
    public void An_officer_sees_every_officer_page_and_no_task_list()
    {
        _auth.SetAuthorized("officer@desk.example");
        _auth.SetRoles(AppRoles.PrivacyOfficer);
        _auth.SetPolicies(Policies.Officer, Policies.OfficerOrAuditor);

        var menu = RenderMenu();

        Assert.Equal(
            ["Painel", "Incidentes", "Cooperativas", "Vigilância de exposição", "Playbooks", "Auditoria", "Calendário", "Registro de incidentes", "E-mails", "Relatos externos", "Administração"],
            LinkTexts(menu));
        Assert.Equal("Navegação principal", menu.Find("nav").GetAttribute("aria-label"));
    }

    [Fact]
    public void An_auditor_sees_the_audit_pages_but_not_administration()
    {
        _auth.SetAuthorized("auditor@desk.example");
        _auth.SetRoles(AppRoles.Auditor);
        _auth.SetPolicies(Policies.OfficerOrAuditor);

        var menu = RenderMenu();

        Assert.Contains("Auditoria", LinkTexts(menu));
        Assert.DoesNotContain("Administração", LinkTexts(menu));
        Assert.DoesNotContain("Minhas tarefas", LinkTexts(menu));
    }

    [Fact]
    public void The_current_pages_link_is_highlighted_and_follows_navigation()
    {
        _auth.SetAuthorized("officer@desk.example");
        _auth.SetPolicies(Policies.Officer, Policies.OfficerOrAuditor);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("incidents/42");

        var menu = RenderMenu();
        Assert.Equal(["Incidentes"], ActiveTexts(menu));
        Assert.Equal("page", menu.Find("a.active").GetAttribute("aria-current"));

        // The dashboard matches its address exactly (query string aside), not as a prefix of every page.
        navigation.NavigateTo("?period=30");
        menu.WaitForAssertion(() => Assert.Equal(["Painel"], ActiveTexts(menu)));

        navigation.NavigateTo("audit");
        menu.WaitForAssertion(() => Assert.Equal(["Auditoria"], ActiveTexts(menu)));
        Assert.Single(menu.FindAll("[aria-current=page]"));
    }

    [Fact]
    public void A_click_on_a_link_tells_the_drawer_which_closes_itself_on_a_phone()
    {
        _auth.SetAuthorized("liaison@coop.example");
        _auth.SetRoles(AppRoles.CoopLiaison);

        var menu = RenderMenu();
        menu.FindAll("a").Single(a => a.TextContent.Trim() == "Minhas tarefas").Click();

        Assert.Equal(1, _drawer.Navigations);
    }

    [Theory]
    [InlineData("https://desk.example/", "https://desk.example/", NavLinkMatch.All, true)]
    [InlineData("https://desk.example/?period=30#top", "https://desk.example/", NavLinkMatch.All, true)]
    [InlineData("https://desk.example/incidents", "https://desk.example/", NavLinkMatch.All, false)]
    [InlineData("https://desk.example/incidents/42", "https://desk.example/incidents", NavLinkMatch.Prefix, true)]
    [InlineData("https://desk.example/Incidents", "https://desk.example/incidents", NavLinkMatch.Prefix, true)]
    [InlineData("https://desk.example/incidents?status=open", "https://desk.example/incidents", NavLinkMatch.Prefix, true)]
    [InlineData("https://desk.example/incidents-archive", "https://desk.example/incidents", NavLinkMatch.Prefix, false)]
    [InlineData("https://desk.example/coop", "https://desk.example/coops", NavLinkMatch.Prefix, false)]
    public void Links_match_the_address_as_NavLink_does(string current, string href, NavLinkMatch match, bool active) =>
        Assert.Equal(active, NavLinkMatcher.IsActive(current, href, match));

    private IRenderedComponent<CascadingValue<INavigationEventReceiver>> RenderMenu()
    {
        return RenderWithMud<CascadingValue<INavigationEventReceiver>>(p => p
            .Add(c => c.Value, _drawer)
            .Add(c => c.IsFixed, true)
            .AddChildContent<NavMenu>());
    }

    private static List<string> LinkTexts(IRenderedComponent<CascadingValue<INavigationEventReceiver>> menu) =>
        menu.FindAll("nav .mud-nav-item a.mud-nav-link").Select(a => a.TextContent.Trim()).ToList();

    private static List<string> ActiveTexts(IRenderedComponent<CascadingValue<INavigationEventReceiver>> menu) =>
        menu.FindAll("nav a.mud-nav-link.active").Select(a => a.TextContent.Trim()).ToList();

    private sealed class DrawerSpy : INavigationEventReceiver
    {
        public int Navigations { get; private set; }

        public Task OnNavigation()
        {
            Navigations++;
            return Task.CompletedTask;
        }
    }
}
