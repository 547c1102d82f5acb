using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace IncidentDesk.Web.Security;

internal static class CurrentUserMiddleware
{
    public static void UseCurrentUser(this WebApplication app) =>
        app.Use((context, next) =>
        {
            var user = context.RequestServices.GetRequiredService<CurrentUser>();
            user.Set(context.User);
            user.ClientIp = context.Connection.RemoteIpAddress?.ToString();
            return next(context);
        });
}

/// <summary>Keeps a circuit's <see cref="CurrentUser"/> in step with its authentication state (the documented pattern).</summary>
internal sealed class CurrentUserCircuitHandler(
    AuthenticationStateProvider authentication, CurrentUser user, IHttpContextAccessor httpContext)
    : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnAuthenticationChanged;
        return Task.CompletedTask;
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        user.Set((await authentication.GetAuthenticationStateAsync()).User);
        user.ClientIp = httpContext.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? user.ClientIp;
    }

    private async void OnAuthenticationChanged(Task<AuthenticationState> state)
    {
        try
        {
            user.Set((await state).User);
        }
        catch (InvalidOperationException)
        {
            // The circuit is going away; nothing left to authorize.
        }
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnAuthenticationChanged;
}
