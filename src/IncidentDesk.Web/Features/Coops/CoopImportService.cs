using System.Globalization;

using IncidentDesk.Core.Coops;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;

using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Coops;

/// <summary>
/// Updates the directory from the CSV file officers edit. All or nothing: a single bad line writes nothing and the
/// whole report comes back, so the person fixes the file and tries again. Co-ops are matched by code: existing codes
/// are updated, new codes created, nothing is ever duplicated or deleted (a co-op that leaves is marked inactive).
/// </summary>
public sealed class CoopImportService(IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit)
{

    /// <summary>340 co-ops take about 60 KB; 2 MB leaves room for growth and keeps a wrong file from filling memory.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    /// <summary>Checks the file and counts what it would change, without writing (officers only).</summary>
    public Task<Result<CoopImportReport>> PreviewAsync(Stream file, CancellationToken cancellationToken = default) =>
        RunAsync(file, apply: false, cancellationToken);

    /// <summary>Applies the file when every line is valid, in one audited transaction; otherwise writes nothing (officers only).</summary>
    public Task<Result<CoopImportReport>> ImportAsync(Stream file, CancellationToken cancellationToken = default) =>
        RunAsync(file, apply: true, cancellationToken);

    private async Task<Result<CoopImportReport>> RunAsync(Stream file, bool apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Coop), null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        var bytes = await BoundedUpload.ReadAsync(file, MaxFileBytes, cancellationToken);
        if (bytes is null)
        {
            return Result.Success(CoopImportReport.TooLarge);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var federations = await db.Federations.AsNoTracking()
            .Select(f => new CoopCsvFederation(f.Id, f.Code, f.Name, f.Uf)).ToListAsync(cancellationToken);
        var coops = await db.Coops.ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, cancellationToken);
        var result = CoopCsv.Read(bytes, new CoopCsvDirectory(federations, coops.Values.ToDictionary(c => c.Cnpj, c => c.Code, StringComparer.Ordinal)));

        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in result.Rows)
        {
            if (coops.TryGetValue(row.Code, out var coop))
            {
                var changed = Apply(coop, row);
                updated += changed ? 1 : 0;
                unchanged += changed ? 0 : 1;
            }
            else
            {
                created++;
                db.Coops.Add(New(row));
            }
        }

        if (!result.IsValid || !apply)
        {
            return Result.Success(new CoopImportReport(result.Errors, created, updated, unchanged, Applied: false));
        }

        await using (var transaction = await audit.BeginTransactionAsync(db, cancellationToken))
        {
            // One entry per created or changed co-op with its before/after values, then one for the import as a whole.
            await audit.SaveChangesAsync(db, cancellationToken: cancellationToken);
            await audit.SaveChangesAsync(db, new AuditRecord(AuditActions.CoopsImported, nameof(Coop), null, string.Create(CultureInfo.InvariantCulture,
                $"coop directory csv: {result.Rows.Count} lines; {created} new, {updated} updated, {unchanged} unchanged")), cancellationToken: cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return Result.Success(new CoopImportReport([], created, updated, unchanged, Applied: true));
    }

    private static Coop New(CoopCsvRow row) => new()
    {
        Code = row.Code, Name = row.Name, Cnpj = row.Cnpj, Uf = row.Uf, City = row.City, FederationId = row.FederationId,
        EncarregadoName = row.EncarregadoName, EncarregadoEmail = row.EncarregadoEmail, EncarregadoPhone = row.EncarregadoPhone,
        IsSmallProcessingAgent = row.IsSmallProcessingAgent ?? false, IsActive = row.IsActive ?? true,
    };

    /// <summary>Copies the row onto the tracked co-op; true when anything differs. A flag the file leaves out is kept.</summary>
    private static bool Apply(Coop coop, CoopCsvRow row)
    {
        var changed = false;
        Set(coop.Name, row.Name, v => coop.Name = v);
        Set(coop.Cnpj, row.Cnpj, v => coop.Cnpj = v);
        Set(coop.Uf, row.Uf, v => coop.Uf = v);
        Set(coop.City, row.City, v => coop.City = v);
        Set(coop.FederationId, row.FederationId, v => coop.FederationId = v);
        Set(coop.EncarregadoName, row.EncarregadoName, v => coop.EncarregadoName = v);
        Set(coop.EncarregadoEmail, row.EncarregadoEmail, v => coop.EncarregadoEmail = v);
        Set(coop.EncarregadoPhone, row.EncarregadoPhone, v => coop.EncarregadoPhone = v);
        Set(coop.IsSmallProcessingAgent, row.IsSmallProcessingAgent ?? coop.IsSmallProcessingAgent, v => coop.IsSmallProcessingAgent = v);
        Set(coop.IsActive, row.IsActive ?? coop.IsActive, v => coop.IsActive = v);
        return changed;

        void Set<T>(T current, T value, Action<T> assign)
        {
            if (!EqualityComparer<T>.Default.Equals(current, value))
            {
                assign(value);
                changed = true;
            }
        }
    }
}
