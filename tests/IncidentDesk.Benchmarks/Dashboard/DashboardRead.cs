using IncidentDesk.Web.Features.Dashboard;
using IncidentDesk.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Benchmarks.Dashboard;

/// <summary>What the dashboard page reads when it opens, as an officer: every widget's data, then the directory counts.</summary>
internal static class DashboardRead
{
    public static async Task<DashboardView> ReadAsync(FederationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var scope = run.ActingAs(AppRoles.PrivacyOfficer);
        var dashboard = scope.ServiceProvider.GetRequiredService<DashboardService>();
        var view = await dashboard.GetAsync();
        _ = await dashboard.CountsAsync();
        return view;
    }
}
