using System.Collections.Concurrent;
using System.Diagnostics;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace IncidentDesk.Benchmarks.Load;

/// <summary>An officer's screen on <c>/hubs/incidents</c>: notes when each task change of the load arrives.</summary>
internal sealed class OfficerListener : IAsyncDisposable
{
    private readonly HubConnection connection;
    private volatile bool stopping;

    private OfficerListener(HubConnection connection) => this.connection = connection;

    public ConcurrentQueue<(int TaskId, long At)> Arrivals { get; } = new();
    public int Disconnects { get; private set; }

    /// <summary>"You may have missed changes, re-read" messages (after the instances' Redis link came back).</summary>
    public int CatchUps { get; private set; }

    /// <summary>When the last catch-up arrived (Stopwatch timestamp; 0 for none): a change missed before it was re-read.</summary>
    public long LastCatchUpAt { get; private set; }

    public static async Task<OfficerListener> ConnectAsync(Uri baseAddress, string token, int incidentId, Action delivered)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, IncidentsHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var listener = new OfficerListener(connection);
        connection.On<DeskChange>(IncidentsHub.ChangeMethod, change =>
        {
            if (change.Kind == ChangeKind.CatchUp)
            {
                listener.CatchUps++;
                listener.LastCatchUpAt = Stopwatch.GetTimestamp();
            }
            else if (change.Kind == ChangeKind.Task && change.IncidentId == incidentId && change.EntityId is { } taskId)
            {
                listener.Arrivals.Enqueue((taskId, Stopwatch.GetTimestamp()));
                delivered();
            }
        });
        connection.Closed += _ =>
        {
            if (!listener.stopping)
            {
                listener.Disconnects++;
            }

            return Task.CompletedTask;
        };
        await connection.StartAsync();
        // Answered only after OnConnectedAsync: once it returns, the connection is in the federation group.
        await connection.InvokeAsync<string?>(nameof(IncidentsHub.Scope));
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        stopping = true;
        await connection.DisposeAsync();
    }
}
