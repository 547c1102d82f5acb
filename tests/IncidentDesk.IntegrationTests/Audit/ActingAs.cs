using System.Globalization;
using System.Security.Claims;
using IncidentDesk.Testing;
using IncidentDesk.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Audit;

/// <summary>A service scope whose <see cref="CurrentUser"/> is a given role, as a request or circuit would set it.</summary>
internal static class ActingAs
{
    public static AsyncServiceScope Scope(IncidentDeskHost host, string role, int? coopId = null)
    {
        var scope = host.Services.CreateAsyncScope();
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, $"test-{Guid.NewGuid():N}"),
            new(ClaimTypes.Name, $"{role.ToLowerInvariant()}@federacao.example"),
            new(ClaimTypes.Role, role),
        };
        if (coopId is { } id)
        {
            claims.Add(new Claim(CurrentUser.CoopIdClaim, id.ToString(CultureInfo.InvariantCulture)));
        }

        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
        return scope;
    }
}
