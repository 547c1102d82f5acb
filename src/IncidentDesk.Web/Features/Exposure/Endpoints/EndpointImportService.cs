using System.Globalization;
using IncidentDesk.Core.Exposure;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Exposure.Endpoints;

/// <summary>What an endpoint file would do or did: every refused line, else how many endpoints are new and already declared.</summary>
public sealed record EndpointImportReport(IReadOnlyList<EndpointCsvError> Errors, int New, int AlreadyDeclared, bool Applied)
{
    public bool IsValid => Errors.Count == 0;

    public static EndpointImportReport TooLarge { get; } = new([new EndpointCsvError(0, null, EndpointCsvReason.TooLarge)], 0, 0, false);
}

/// <summary>
/// Declares many endpoints at once from <c>code;host;port;kind</c>. All or nothing, like the directory import: one bad line
/// and nothing is written, and the report lists every problem. Officers may name any co-op; a liaison only their own (any
/// other code reads as unknown). Imported endpoints are declared, not authorized: the co-op's authorization to check is
/// given per endpoint, on purpose.
/// </summary>
public sealed class EndpointImportService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time, IOptions<ExposureWatchOptions> options)
{
    public const string ImportedAction = "Exposure.Imported";

    /// <summary>680 lines take about 30 KB; 1 MB leaves room and keeps a wrong file from filling memory.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>Checks the file and counts what it would declare, without writing (officers and liaisons).</summary>
    public Task<Result<EndpointImportReport>> PreviewAsync(Stream file, CancellationToken cancellationToken = default) =>
        RunAsync(file, apply: false, cancellationToken);

    /// <summary>Declares the file's endpoints when every line is valid, in one audited transaction; otherwise writes nothing.</summary>
    public Task<Result<EndpointImportReport>> ImportAsync(Stream file, CancellationToken cancellationToken = default) =>
        RunAsync(file, apply: true, cancellationToken);

    private async Task<Result<EndpointImportReport>> RunAsync(Stream file, bool apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer || user.IsLiaison, nameof(BrokerEndpoint), null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        var bytes = await BoundedUpload.ReadAsync(file, MaxFileBytes, cancellationToken);
        if (bytes is null)
        {
            return Result.Success(EndpointImportReport.TooLarge);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The co-ops this person may declare for: all for an officer, their own for a liaison (the context's scope).
        var coops = await db.Coops.AsNoTracking().Select(c => new { c.Id, c.Code }).ToListAsync(cancellationToken);
        var writable = coops.Where(c => user.CanWriteForCoop(c.Id)).ToDictionary(c => c.Code, c => c.Id, StringComparer.Ordinal);
        var result = EndpointCsv.Read(bytes, writable, options.Value.AllowPrivateTargets);
        var coopIds = result.Rows.Select(r => r.CoopId).Distinct().ToList();
        var existing = await db.BrokerEndpoints.Where(e => coopIds.Contains(e.CoopId)).ToListAsync(cancellationToken);
        var byAddress = existing.ToDictionary(e => (e.CoopId, e.Host, e.Port));
        var now = time.GetUtcNow().UtcDateTime;
        int created = 0, already = 0;
        foreach (var row in result.Rows)
        {
            if (byAddress.TryGetValue((row.CoopId, row.Host, row.Port), out var endpoint) && endpoint.RemovedAtUtc is null)
            {
                already++;
                continue;
            }

            created++;
            if (endpoint is null)
            {
                db.BrokerEndpoints.Add(new BrokerEndpoint
                {
                    CoopId = row.CoopId, Host = row.Host, Port = row.Port, Kind = row.Kind, DeclaredAtUtc = now, DeclaredBy = user.Name,
                });
            }
            else
            {
                endpoint.RemovedAtUtc = null;
                endpoint.RemovedBy = null;
                endpoint.Kind = row.Kind;
                endpoint.DeclaredAtUtc = now;
                endpoint.DeclaredBy = user.Name;
                endpoint.Version++;
            }
        }

        if (!result.IsValid || !apply)
        {
            return Result.Success(new EndpointImportReport(result.Errors, created, already, Applied: false));
        }

        await using (var transaction = await audit.BeginTransactionAsync(db, cancellationToken))
        {
            // One entry per declared endpoint with its values, then one for the file as a whole.
            await audit.SaveChangesAsync(db, cancellationToken: cancellationToken);
            await audit.SaveChangesAsync(db, new AuditRecord(ImportedAction, nameof(BrokerEndpoint), null, string.Create(CultureInfo.InvariantCulture,
                $"endpoint csv: {result.Rows.Count} lines; {created} declared, {already} already declared")), cancellationToken: cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return Result.Success(new EndpointImportReport([], created, already, Applied: true));
    }
}
