using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IncidentDesk.Data.Identity;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Hubs;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.Benchmarks;

/// <summary>
/// Update-to-screen latency: a liaison updates their co-op's task through the API (PATCH with the version: validation,
/// audit, timeline event, commit, change feed) and 20 officer clients on <c>/hubs/incidents</c> each time the change
/// arrives. The floor publishes the same change straight onto the change feed — the hub relay alone, no HTTP, no database.
/// </summary>
internal static class HubFigures
{
    private const int Listeners = 20;
    private const int Warmup = 5;
    private const int Updates = 50;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(FederationRun run)
    {
        var campaignId = await CampaignFigures.LaunchAsync(run, 1, "Latência");
        int coopId, taskId;
        await using (var db = run.CreateDb())
        {
            (coopId, taskId) = await db.CoopTasks.Where(t => t.CampaignId == campaignId).OrderBy(t => t.Id)
                .Select(t => ValueTuple.Create(t.CoopId, t.Id)).FirstAsync();
        }

        var coopCode = await CodeAsync(run, coopId);
        using var liaison = await ApiClientAsync(run, AppRoles.CoopLiaison, coopCode);
        var clients = new List<HubConnection>();
        try
        {
            for (var i = 0; i < Listeners; i++)
            {
                clients.Add(await ConnectAsync(run, await TokenAsync(run, AppRoles.PrivacyOfficer, null)));
            }

            var version = 0;
            var api = await MeasureAsync(clients, taskId, async i =>
            {
                using var response = await liaison.PatchAsJsonAsync(new Uri($"api/v1/tasks/{taskId}", UriKind.Relative),
                    new { status = "InProgress", note = $"Atualização {i}", version });
                response.EnsureSuccessStatusCode();
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                version = body.RootElement.GetProperty("version").GetInt32();
            });
            var feed = run.Host.Services.GetRequiredService<IChangeFeed>();
            var bare = await MeasureAsync(clients, taskId,
                _ => feed.PublishAsync(new DeskChange(ChangeKind.Task, run.IncidentId, coopId, taskId, "bench", DateTime.UtcNow)));
            Console.WriteLine(new Figure($"liaison update (API) → {Listeners} hub clients", api).Row(new Figure("", bare)));
            Console.WriteLine(new Figure($"floor: change feed → hub relay → {Listeners} clients", bare).Row());
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>For each update: the time from just before sending it to its arrival at each client (one sample per client).</summary>
    private static async Task<List<double>> MeasureAsync(List<HubConnection> clients, int taskId, Func<int, Task> update)
    {
        var samples = new List<double>();
        for (var i = -Warmup; i < Updates; i++)
        {
            var arrivals = clients.Select(_ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
            var handlers = clients.Select((client, n) => client.On<DeskChange>(IncidentsHub.ChangeMethod, change =>
            {
                if (change.EntityId == taskId)
                {
                    arrivals[n].TrySetResult(Stopwatch.GetTimestamp());
                }
            })).ToList();
            var started = Stopwatch.GetTimestamp();
            await update(i);
            var received = await Task.WhenAll(arrivals.Select(a => a.Task)).WaitAsync(Patience);
            handlers.ForEach(h => h.Dispose());
            if (i >= 0)
            {
                samples.AddRange(received.Select(at => Stopwatch.GetElapsedTime(started, at).TotalMilliseconds));
            }
        }

        return samples;
    }

    private static async Task<HubConnection> ConnectAsync(FederationRun run, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(run.Host.BaseAddress, IncidentsHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await connection.StartAsync();
        // Served only after OnConnectedAsync: once it answers, the connection is in its group.
        await connection.InvokeAsync<string?>(nameof(IncidentsHub.Scope));
        return connection;
    }

    private static async Task<HttpClient> ApiClientAsync(FederationRun run, string role, string? coopCode)
    {
        var client = new HttpClient { BaseAddress = run.Host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(run, role, coopCode));
        return client;
    }

    private static async Task<string> TokenAsync(FederationRun run, string role, string? coopCode)
    {
        var account = await TestAccounts.CreateAsync(run.Host, role, coopCode);
        await using var scope = run.Host.OperatorScope("benchmark");
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(account.Email)
            ?? throw new InvalidOperationException("The account was not created.");
        var created = await scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>()
            .CreateForUserAsync(user.Id, "benchmark", 1, new AuditActor(null, "benchmark"));
        return created.Secret;
    }

    private static async Task<string> CodeAsync(FederationRun run, int coopId)
    {
        await using var db = run.CreateDb();
        return await db.Coops.Where(c => c.Id == coopId).Select(c => c.Code).SingleAsync();
    }
}
