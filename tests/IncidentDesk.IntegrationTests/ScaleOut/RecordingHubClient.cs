using IncidentDesk.IntegrationTests.Api;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace IncidentDesk.IntegrationTests.ScaleOut;

/// <summary>A hub client of one instance that records every change it hears, in order.</summary>
internal sealed class RecordingHubClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly List<DeskChange> _heard = [];
    private readonly List<(Func<DeskChange, bool> Match, TaskCompletionSource<DeskChange> Done)> _waits = [];

    private RecordingHubClient(HubConnection connection)
    {
        _connection = connection;
        _connection.On<DeskChange>(IncidentsHub.ChangeMethod, Record);
    }

    public IReadOnlyList<DeskChange> Heard
    {
        get
        {
            lock (_heard)
            {
                return [.. _heard];
            }
        }
    }

    public static async Task<RecordingHubClient> ConnectAsync(IncidentDeskHost host, TestAccount account, CancellationToken ct)
    {
        var token = await ApiTokens.CreateAsync(host, account);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, IncidentsHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token.Secret))
            .Build();
        var client = new RecordingHubClient(connection);
        await connection.StartAsync(ct);
        // Invocations are served only after OnConnectedAsync, so once this answers the connection is in its group.
        await connection.InvokeAsync<string?>(nameof(IncidentsHub.Scope), ct);
        return client;
    }

    /// <summary>Completes with the first change heard (already or later) that matches.</summary>
    public Task<DeskChange> WaitForAsync(Func<DeskChange, bool> match)
    {
        var done = new TaskCompletionSource<DeskChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_heard)
        {
            if (_heard.FirstOrDefault(match) is { } already)
            {
                done.TrySetResult(already);
            }
            else
            {
                _waits.Add((match, done));
            }
        }

        return done.Task;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void Record(DeskChange change)
    {
        lock (_heard)
        {
            _heard.Add(change);
            foreach (var wait in _waits.Where(w => w.Match(change)).ToList())
            {
                wait.Done.TrySetResult(change);
                _waits.Remove(wait);
            }
        }
    }
}
