using System.Text.Json;
using IncidentDesk.Data;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Security;

/// <summary>
/// A flood of refused requests cannot bloat the trail, and none is lost: the first few of each caller's window are recorded
/// in full, the rest counted into one entry written when the window closes.
/// </summary>
public sealed class DenialFloodTests : IAsyncLifetime
{
    private const int Flood = 40;
    private const int Budget = 3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly IncidentDeskHost _host = new(seedDemo: false, settings: new Dictionary<string, string?>
    {
        ["IncidentDesk:RateLimits:DenialWindowSeconds"] = "5",
        ["IncidentDesk:RateLimits:DenialsRecordedPerWindow"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public ValueTask InitializeAsync()
    {
        _host.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Forty_refusals_cost_a_few_entries_per_window_and_the_counting_entries_account_for_every_one()
    {
        var liaison = await TestAccounts.CreateAsync(_host, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        using var browser = _host.CreateBrowserClient();
        (await SignIn.SignInAsync(browser, liaison)).Dispose();

        for (var i = 0; i < Flood; i++)
        {
            (await browser.GetAsync(new Uri("audit", UriKind.Relative), Ct)).Dispose();
        }

        var entries = await WaitUntilAllAreAccountedForAsync(liaison.Email);

        Assert.Equal(Flood, entries.Sum(e => e.Suppressed + 1));
        // A window of five seconds: the flood spans one or two of them, each costing its budget plus one counting entry.
        Assert.InRange(entries.Count, Budget + 1, 2 * (Budget + 1));
        Assert.Contains(entries, e => e.Suppressed > 0);
        Assert.All(entries, e => Assert.Equal("GET /audit", e.Entry.EntityId));
    }

    /// <summary>Each entry with the refusals it stands for besides itself (a counting entry: the ones it counted, less itself).</summary>
    private async Task<List<(Core.Audit.AuditEntry Entry, int Suppressed)>> WaitUntilAllAreAccountedForAsync(string actorName)
    {
        // The counting entry is written when the window closes: poll the trail until every refusal is accounted for.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            await using var db = _host.Services.GetRequiredService<FederationWideDb>().CreateDbContext();
            var entries = (await db.AuditEntries.AsNoTracking()
                .Where(e => e.Action == AuditActions.AccessDenied && e.ActorName == actorName).OrderBy(e => e.Sequence).ToListAsync(Ct))
                .Select(e => (e, JsonDocument.Parse(e.Changes ?? "{}").RootElement.TryGetProperty("Suppressed", out var n) ? n.GetInt32() - 1 : 0))
                .ToList();
            if (entries.Sum(e => e.Item2 + 1) >= Flood || DateTime.UtcNow > deadline)
            {
                return entries;
            }

            await poll.WaitForNextTickAsync(Ct);
        }
    }
}
