using System.Globalization;
using System.Text.Json;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Coops;
using IncidentDesk.Core.Exposure;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Exposure.Endpoints;

/// <summary>
/// The declared brokers of each co-op and the co-op's authorization to check them. A liaison declares, authorizes,
/// withdraws and removes their own co-op's endpoints (another co-op's id answers "not found" and is audited); officers
/// any co-op's; auditors read only. Every change is audited with who and when.
/// </summary>
public sealed class EndpointService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time,
    IOptions<ExposureWatchOptions> options, IChangeFeed feed)
{
    public const string DeclaredAction = "Exposure.Declared";
    public const string AuthorizedAction = "Exposure.Authorized";
    public const string RevokedAction = "Exposure.AuthorizationWithdrawn";
    public const string RemovedAction = "Exposure.Removed";

    /// <exception cref="UnauthorizedAccessException">The caller neither is an officer nor acts for a co-op (audited).</exception>
    public async Task<EndpointResult> DeclareAsync(EndpointDeclaration declaration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        await audit.DemandAsync(user.IsOfficer || user.IsLiaison, nameof(BrokerEndpoint), null, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!user.CanWriteForCoop(declaration.CoopId) || !await db.Coops.AnyAsync(c => c.Id == declaration.CoopId, cancellationToken))
        {
            await audit.DeniedIfExistsAsync<Coop>(declaration.CoopId, cancellationToken);
            return EndpointResult.NotFound;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Enum.IsDefined(declaration.Kind))
        {
            errors[EndpointField.Kind] = nameof(EndpointAddressError.KindUnknown);
        }

        var problem = EndpointAddress.Normalise(declaration.Host, declaration.Port, options.Value.AllowPrivateTargets, out var host);
        if (problem is EndpointAddressError.PortInvalid)
        {
            errors[EndpointField.Port] = problem.ToString()!;
        }
        else if (problem is { } error)
        {
            errors[EndpointField.Host] = error.ToString();
        }

        if (errors.Count > 0)
        {
            return new EndpointResult(EndpointOutcome.Invalid, Errors: errors);
        }

        var port = declaration.Port!.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var endpoint = await db.BrokerEndpoints
            .FirstOrDefaultAsync(e => e.CoopId == declaration.CoopId && e.Host == host && e.Port == port, cancellationToken);
        if (endpoint is { RemovedAtUtc: null })
        {
            return new EndpointResult(EndpointOutcome.Invalid, endpoint.Id,
                new Dictionary<string, string> { [EndpointField.Host] = EndpointField.Duplicate });
        }

        if (endpoint is null)
        {
            endpoint = new BrokerEndpoint { CoopId = declaration.CoopId, Host = host, Port = port };
            db.BrokerEndpoints.Add(endpoint);
        }
        else
        {
            // Declared again after a removal: a new declaration, whose authorization must be given again.
            endpoint.RemovedAtUtc = null;
            endpoint.RemovedBy = null;
            endpoint.AuthorizedAtUtc = null;
            endpoint.AuthorizedBy = null;
            endpoint.Version++;
        }

        endpoint.Kind = declaration.Kind;
        endpoint.DeclaredAtUtc = now;
        endpoint.DeclaredBy = Name;
        if (declaration.Authorize)
        {
            endpoint.AuthorizedAtUtc = now;
            endpoint.AuthorizedBy = Name;
        }

        await using (var transaction = await audit.BeginTransactionAsync(db, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await audit.SaveChangesAsync(db, Record(DeclaredAction, endpoint), cancellationToken: cancellationToken);
            if (declaration.Authorize)
            {
                await audit.SaveChangesAsync(db, Record(AuthorizedAction, endpoint), cancellationToken: cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await PublishAsync(endpoint, cancellationToken);
        return new EndpointResult(EndpointOutcome.Done, endpoint.Id);
    }

    /// <summary>Records the co-op's authorization to check the endpoint, by the person acting, now.</summary>
    public Task<EndpointResult> AuthorizeAsync(int endpointId, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(endpointId, expectedVersion, AuthorizedAction, (db, e) =>
        {
            e.AuthorizedAtUtc = time.GetUtcNow().UtcDateTime;
            e.AuthorizedBy = Name;
            return Task.FromResult<EndpointOutcome?>(null);
        }, cancellationToken);

    /// <summary>Withdraws the authorization: the endpoint is no longer checked until it is given again.</summary>
    public Task<EndpointResult> RevokeAsync(int endpointId, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(endpointId, expectedVersion, RevokedAction, (db, e) =>
        {
            e.AuthorizedAtUtc = null;
            e.AuthorizedBy = null;
            return Task.FromResult<EndpointOutcome?>(null);
        }, cancellationToken);

    /// <summary>
    /// Removes the endpoint from the list (its history stays). Refused while a finding of it is open: its task is closed by
    /// a check that finds the broker closed, which a removed endpoint would never get.
    /// </summary>
    public Task<EndpointResult> RemoveAsync(int endpointId, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(endpointId, expectedVersion, RemovedAction, async (db, e) =>
        {
            var open = await db.ExposureFindings.AnyAsync(f => f.EndpointId == e.Id && db.CoopTasks.Any(t => t.Id == f.CoopTaskId
                && t.Status != CoopTaskStatus.Done && t.Status != CoopTaskStatus.NotApplicable), cancellationToken);
            if (open)
            {
                return EndpointOutcome.OpenFinding;
            }

            e.RemovedAtUtc = time.GetUtcNow().UtcDateTime;
            e.RemovedBy = Name;
            e.AuthorizedAtUtc = null;
            e.AuthorizedBy = null;
            return null;
        }, cancellationToken);

    private async Task<EndpointResult> ChangeAsync(
        int endpointId, int expectedVersion, string action, Func<IncidentDeskDbContext, BrokerEndpoint, Task<EndpointOutcome?>> change,
        CancellationToken cancellationToken)
    {
        await audit.DemandAsync(user.IsOfficer || user.IsLiaison, nameof(BrokerEndpoint), endpointId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var endpoint = await db.BrokerEndpoints.FirstOrDefaultAsync(e => e.Id == endpointId && e.RemovedAtUtc == null, cancellationToken);
        if (endpoint is null || !user.CanWriteForCoop(endpoint.CoopId))
        {
            await audit.DeniedIfExistsAsync<BrokerEndpoint>(endpointId, cancellationToken);
            return EndpointResult.NotFound;
        }

        if (endpoint.Version != expectedVersion)
        {
            return new EndpointResult(EndpointOutcome.Conflict, endpoint.Id);
        }

        if (await change(db, endpoint) is { } refused)
        {
            return new EndpointResult(refused, endpoint.Id);
        }

        endpoint.Version++;
        try
        {
            await audit.SaveChangesAsync(db, Record(action, endpoint), cancellationToken: cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new EndpointResult(EndpointOutcome.Conflict, endpoint.Id);
        }

        await PublishAsync(endpoint, cancellationToken);
        return new EndpointResult(EndpointOutcome.Done, endpoint.Id);
    }

    private string Name => user.Name;

    private static AuditRecord Record(string action, BrokerEndpoint endpoint) => new(action, nameof(BrokerEndpoint),
        endpoint.Id.ToString(CultureInfo.InvariantCulture), JsonSerializer.Serialize(new
        {
            endpoint.CoopId, Endpoint = endpoint.Address, Kind = endpoint.Kind.ToString(), endpoint.DeclaredBy, endpoint.AuthorizedAtUtc,
            endpoint.AuthorizedBy, endpoint.RemovedAtUtc,
        }));

    private Task PublishAsync(BrokerEndpoint endpoint, CancellationToken cancellationToken) => feed.PublishAsync(
        new DeskChange(ChangeKind.Exposure, 0, endpoint.CoopId, endpoint.Id, user.Name, time.GetUtcNow().UtcDateTime), cancellationToken);
}
