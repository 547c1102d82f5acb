using System.Globalization;
using System.Text.Json;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Coops;
using IncidentDesk.Core.Exposure;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Outcomes;
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

    /// <summary>
    /// Declares an endpoint of a co-op (the person's own, or any for an officer) and, when asked, records the co-op's
    /// authorization to check it in the same step. Answers the endpoint's id; a co-op the person may not write for is "not
    /// found"; an address that is no public broker address, or one already declared, is refused by field (Host, Port, Kind).
    /// </summary>
    public async Task<Result<int>> DeclareAsync(EndpointDeclaration declaration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer || user.IsLiaison, nameof(BrokerEndpoint), null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!user.CanWriteForCoop(declaration.CoopId) || !await db.Coops.AnyAsync(c => c.Id == declaration.CoopId, cancellationToken))
        {
            await audit.DeniedIfExistsAsync<Coop>(declaration.CoopId, cancellationToken);
            return Result.NotFound();
        }

        var errors = new FieldErrors();
        if (!Enum.IsDefined(declaration.Kind))
        {
            errors.Add(EndpointField.Kind, nameof(EndpointAddressError.KindUnknown));
        }

        var problem = EndpointAddress.Normalise(declaration.Host, declaration.Port, options.Value.AllowPrivateTargets, out var host);
        if (problem is EndpointAddressError.PortInvalid)
        {
            errors.Add(EndpointField.Port, problem.ToString()!);
        }
        else if (problem is { } error)
        {
            errors.Add(EndpointField.Host, error.ToString());
        }

        if (errors.Count > 0)
        {
            return errors.ToFailure();
        }

        var port = declaration.Port!.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var endpoint = await db.BrokerEndpoints
            .FirstOrDefaultAsync(e => e.CoopId == declaration.CoopId && e.Host == host && e.Port == port, cancellationToken);
        if (endpoint is { RemovedAtUtc: null })
        {
            return Result.Invalid(EndpointField.Host, EndpointField.Duplicate, $"Error.{EndpointField.Duplicate}");
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
        return Result.Success(endpoint.Id);
    }

    /// <summary>Records the co-op's authorization to check the endpoint, by the person acting, now.</summary>
    public Task<Result> AuthorizeAsync(int endpointId, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(endpointId, expectedVersion, AuthorizedAction, (db, e) =>
        {
            e.AuthorizedAtUtc = time.GetUtcNow().UtcDateTime;
            e.AuthorizedBy = Name;
            return Task.FromResult<Failure?>(null);
        }, cancellationToken);

    /// <summary>Withdraws the authorization: the endpoint is no longer checked until it is given again.</summary>
    public Task<Result> RevokeAsync(int endpointId, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(endpointId, expectedVersion, RevokedAction, (db, e) =>
        {
            e.AuthorizedAtUtc = null;
            e.AuthorizedBy = null;
            return Task.FromResult<Failure?>(null);
        }, cancellationToken);

    /// <summary>
    /// Removes the endpoint from the list (its history stays). Refused while a finding of it is open: its task is closed by
    /// a check that finds the broker closed, which a removed endpoint would never get.
    /// </summary>
    public Task<Result> RemoveAsync(int endpointId, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(endpointId, expectedVersion, RemovedAction, async (db, e) =>
        {
            var open = await db.ExposureFindings.AnyAsync(f => f.EndpointId == e.Id && db.CoopTasks.Any(t => t.Id == f.CoopTaskId
                && t.Status != CoopTaskStatus.Done && t.Status != CoopTaskStatus.NotApplicable && t.Status != CoopTaskStatus.Cancelled), cancellationToken);
            if (open)
            {
                return Result.ConflictWith(OpenFindingCode, "Result.OpenFinding");
            }

            e.RemovedAtUtc = time.GetUtcNow().UtcDateTime;
            e.RemovedBy = Name;
            e.AuthorizedAtUtc = null;
            e.AuthorizedBy = null;
            return (Failure?)null;
        }, cancellationToken);

    /// <summary>The stable code of a removal refused because a finding of the endpoint is still open.</summary>
    public const string OpenFindingCode = "OpenFinding";

    private async Task<Result> ChangeAsync(
        int endpointId, int expectedVersion, string action, Func<IncidentDeskDbContext, BrokerEndpoint, Task<Failure?>> change,
        CancellationToken cancellationToken)
    {
        var id = endpointId.ToString(CultureInfo.InvariantCulture);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer || user.IsLiaison, nameof(BrokerEndpoint), id, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var endpoint = await db.BrokerEndpoints.FirstOrDefaultAsync(e => e.Id == endpointId && e.RemovedAtUtc == null, cancellationToken);
        if (endpoint is null || !user.CanWriteForCoop(endpoint.CoopId))
        {
            await audit.DeniedIfExistsAsync<BrokerEndpoint>(endpointId, cancellationToken);
            return Result.NotFound();
        }

        if (endpoint.Version != expectedVersion)
        {
            return ChangedSinceRead(endpoint);
        }

        if (await change(db, endpoint) is { } refused)
        {
            return refused;
        }

        endpoint.Version++;
        try
        {
            await audit.SaveChangesAsync(db, Record(action, endpoint), cancellationToken: cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: the version check in SQL caught it.
            return ChangedSinceRead(endpoint);
        }

        await PublishAsync(endpoint, cancellationToken);
        return Result.Success();
    }

    /// <summary>The stale write's answer; the page re-reads the list, so the endpoint's id and the version seen are enough.</summary>
    private static Failure ChangedSinceRead(BrokerEndpoint endpoint) =>
        Result.ChangedSinceRead("Result.Conflict", new EndpointVersion(endpoint.Id, endpoint.Version));

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
