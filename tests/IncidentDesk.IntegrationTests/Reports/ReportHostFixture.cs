using IncidentDesk.Data;
using IncidentDesk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Reports;

/// <summary>A host of its own whose public form is open (no fill time, no throttle): the anti-abuse tests switch each check on themselves.</summary>
public sealed class ReportHostFixture : IAsyncLifetime
{
    public IncidentDeskHost Host { get; } = new(settings: ReportForm.OpenSettings());

    public IncidentDeskDbContext CreateDb() => Host.Services.GetRequiredService<FederationWideDb>().CreateDbContext();

    public ValueTask InitializeAsync()
    {
        if (IncidentDeskHost.CanStart)
        {
            Host.Start();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
