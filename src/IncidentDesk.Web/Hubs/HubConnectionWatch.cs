using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Hubs;

/// <summary>
/// The hub's open connections of this instance, and their end when the token that opened them no longer would: revoked,
/// expired, or its owner deactivated. A revocation in this instance closes them at once (<see cref="SessionTerminator"/>);
/// one made on another instance, or an expiry, within <see cref="Interval"/>, by re-reading the tokens of the open
/// connections — one small query, and only while connections are open.
/// </summary>
public sealed partial class HubConnectionWatch : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new(StringComparer.Ordinal);
    private readonly FederationWideDb _federationDb;
    private readonly SessionTerminator _terminator;
    private readonly TimeProvider _time;
    private readonly ILogger<HubConnectionWatch> _logger;

    public HubConnectionWatch(FederationWideDb federationDb, SessionTerminator terminator, TimeProvider time, ILogger<HubConnectionWatch> logger)
    {
        _federationDb = federationDb;
        _terminator = terminator;
        _time = time;
        _logger = logger;
        _terminator.Ended += CloseWhere;
    }

    public void Opened(HubCallerContext connection) => _open[connection.ConnectionId] = connection;

    public void Closed(HubCallerContext connection) => _open.TryRemove(connection.ConnectionId, out _);

    public override void Dispose()
    {
        _terminator.Ended -= CloseWhere;
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CloseRefusedAsync(stoppingToken);
            }
#pragma warning disable CA1031 // A database hiccup must not stop the watch; the next tick tries again.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogCheckFailed(_logger, exception);
            }
        }
    }

    private async Task CloseRefusedAsync(CancellationToken cancellationToken)
    {
        if (_open.IsEmpty)
        {
            return;
        }

        var tokenIds = _open.Values.Select(TokenIdOf).OfType<int>().Distinct().ToList();
        var now = _time.GetUtcNow().UtcDateTime;
        // Tokens belong to people, not to co-ops; the watch acts for nobody, so it reads federation-wide.
        await using var db = await _federationDb.CreateDbContextAsync(cancellationToken);
        var stillValid = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => tokenIds.Contains(t.Id) && t.RevokedAtUtc == null && t.ExpiresAtUtc > now
                && db.Users.Any(u => u.Id == t.UserId && u.IsActive))
            .Select(t => t.Id).ToListAsync(cancellationToken);
        // Only the connections whose tokens were just read are judged: one opened while the query ran is checked next tick.
        CloseWhere(principal => TokenIdOf(principal) is { } id && tokenIds.Contains(id) && !stillValid.Contains(id));
    }

    private void CloseWhere(Func<ClaimsPrincipal, bool> ends)
    {
        foreach (var connection in _open.Values)
        {
            if (connection.User is { } user && ends(user))
            {
                var tokenId = TokenIdOf(user);
                LogClosed(_logger, connection.ConnectionId, tokenId);
                connection.Abort();
                _open.TryRemove(connection.ConnectionId, out _);
            }
        }
    }

    private static int? TokenIdOf(HubCallerContext connection) => connection.User is { } user ? TokenIdOf(user) : null;

    private static int? TokenIdOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(BearerTokenHandler.TokenIdClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? id : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub connection {ConnectionId} closed: its token {TokenId} no longer admits it")]
    private static partial void LogClosed(ILogger logger, string connectionId, int? tokenId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not re-check the hub's open connections")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
