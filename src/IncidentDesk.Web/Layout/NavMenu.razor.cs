using System.Security.Claims;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor.Interfaces;

namespace IncidentDesk.Web.Layout;

/// <summary>
/// The side menu. What <c>MudNavLink</c> did per link is done here once: the active link follows the
/// address (the rules of ASP.NET Core's <c>NavLink</c>, see <see cref="NavLinkMatcher"/>), the links each role
/// sees come from the cascading authentication state, and a click tells the drawer, which closes itself
/// on a phone (its <see cref="INavigationEventReceiver"/>).
/// </summary>
public sealed partial class NavMenu : IHandleEvent, IDisposable
{
    private Access _access;
    private Task<AuthenticationState>? _evaluatedState;
    private string _currentUri = "";

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The drawer around the menu, if any (MudDrawer cascades itself).</summary>
    [CascadingParameter]
    private INavigationEventReceiver? Drawer { get; set; }

    protected override void OnInitialized()
    {
        _currentUri = Navigation.Uri;
        Navigation.LocationChanged += OnLocationChanged;
    }

    protected override async Task OnParametersSetAsync()
    {
        // Evaluated once per authentication state, not on every render.
        if (AuthenticationState is not null && !ReferenceEquals(AuthenticationState, _evaluatedState))
        {
            _evaluatedState = AuthenticationState;
            _access = await EvaluateAsync((await AuthenticationState).User);
        }
    }

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;

    private async Task<Access> EvaluateAsync(ClaimsPrincipal user) => new(
        CoopLiaison: user.IsInRole(AppRoles.CoopLiaison),
        OfficerOrAuditor: (await Authorization.AuthorizeAsync(user, Policies.OfficerOrAuditor)).Succeeded,
        Officer: (await Authorization.AuthorizeAsync(user, Policies.Officer)).Succeeded);

    private bool IsActive(string href, NavLinkMatch match) =>
        NavLinkMatcher.IsActive(_currentUri, Navigation.ToAbsoluteUri(href).AbsoluteUri, match);

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        _currentUri = e.Location;
        _ = InvokeAsync(StateHasChanged);
    }

    private Task CloseDrawerOnPhoneAsync() => Drawer?.OnNavigation() ?? Task.CompletedTask;

    // A click only tells the drawer; the menu itself re-renders when the address changes.
    Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem item, object? arg) => item.InvokeAsync(arg);

    private readonly record struct Access(bool CoopLiaison, bool OfficerOrAuditor, bool Officer);
}
