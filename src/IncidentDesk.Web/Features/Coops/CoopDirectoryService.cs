using System.Globalization;
using System.Linq.Expressions;

using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Coops;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;

using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Coops;

/// <summary>
/// Reads the co-op directory; paging, sorting and filtering happen in SQL so 340 rows (or more) stay cheap.
/// Officers and auditors see the whole federation; a liaison sees only their own co-op (the query filters decide).
/// </summary>
public sealed class CoopDirectoryService(IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit)
{
    public const int MaxPageSize = 500;

    public async Task<CoopPage> SearchAsync(CoopQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coops = db.Coops.AsNoTracking();

        if (!string.IsNullOrWhiteSpace(query.Uf))
        {
            var uf = query.Uf.Trim().ToUpperInvariant();
            coops = coops.Where(c => c.Uf == uf);
        }

        if (!string.IsNullOrWhiteSpace(query.Federation))
        {
            var federation = query.Federation.Trim().ToUpperInvariant();
            coops = coops.Where(c => c.Federation!.Code == federation);
        }

        coops = query.Involvement switch
        {
            CoopInvolvementFilter.OpenIncident => coops.Where(c => db.CoopInvolvements.Any(i => i.CoopId == c.Id
                && i.Incident!.Status != IncidentStatus.Closed && i.Incident.Status != IncidentStatus.Dismissed)),
            CoopInvolvementFilter.OpenTasks => coops.Where(c => db.CoopTasks.Any(t => t.CoopId == c.Id
                && t.Status != CoopTaskStatus.Done && t.Status != CoopTaskStatus.NotApplicable && t.Status != CoopTaskStatus.Cancelled)),
            _ => coops,
        };

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var pattern = $"%{EscapeLike(query.Text.Trim())}%";
            var cnpjPattern = LooksLikeCnpj(query.Text) ? $"%{Cnpj.Normalize(query.Text)}%" : null;
            coops = coops.Where(c =>
                SearchText.Like(c.Name, pattern) || SearchText.Like(c.Code, pattern)
                || SearchText.Like(c.City, pattern) || SearchText.Like(c.EncarregadoName, pattern)
                || (cnpjPattern != null && EF.Functions.Like(c.Cnpj, cnpjPattern)));
        }

        var total = await coops.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var rows = await Sort(coops, query.SortBy, query.Descending)
            .Skip(Math.Max(query.Page, 0) * pageSize)
            .Take(pageSize)
            .Select(ToRow)
            .ToListAsync(cancellationToken);
        return new CoopPage(rows, total);
    }

    /// <summary>How many active co-ops the caller can see, and in how many UFs.</summary>
    public async Task<(int ActiveCoops, int Ufs)> CountActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var active = db.Coops.AsNoTracking().Where(c => c.IsActive);
        return (await active.CountAsync(cancellationToken), await active.Select(c => c.Uf).Distinct().CountAsync(cancellationToken));
    }

    /// <summary>The federations whose co-ops the caller can see, by name.</summary>
    public async Task<IReadOnlyList<FederationOption>> FederationsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var codes = db.Coops.AsNoTracking().Select(c => c.FederationId);
        return await db.Federations.AsNoTracking().Where(f => codes.Contains(f.Id)).OrderBy(f => f.Name)
            .Select(f => new FederationOption(f.Code, f.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The whole directory as the CSV the import reads back (see <see cref="CoopCsv"/>); officers and auditors only,
    /// and every download is on the audit trail since the file holds the encarregados' contacts.
    /// </summary>
    public async Task<Result<byte[]>> ExportAsync(CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficerOrAuditor, nameof(Coop), null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coops = await db.Coops.AsNoTracking().Include(c => c.Federation).OrderBy(c => c.Code).ToListAsync(cancellationToken);
        await audit.AppendAsync(new AuditRecord(AuditActions.Exported, nameof(Coop), null,
            string.Create(CultureInfo.InvariantCulture, $"coop directory csv: {coops.Count} co-ops")), cancellationToken: cancellationToken);
        return Result.Success(CoopCsv.Write(coops));
    }

    /// <summary>One co-op, or null when it does not exist or is not the caller's to see (the attempt is audited).</summary>
    public async Task<CoopRow?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Coops.AsNoTracking().Where(c => c.Id == id).Select(ToRow).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            await audit.DeniedIfExistsAsync<Coop>(id, cancellationToken);
        }

        return row;
    }

    private static readonly Expression<Func<Coop, CoopRow>> ToRow = c => new CoopRow(
        c.Id, c.Code, c.Name, c.Cnpj, c.Uf, c.City, c.Federation!.Name,
        c.EncarregadoName, c.EncarregadoEmail, c.EncarregadoPhone, c.IsActive);

    private static IQueryable<Coop> Sort(IQueryable<Coop> coops, string? sortBy, bool descending) => sortBy switch
    {
        nameof(CoopRow.Name) => descending ? coops.OrderByDescending(c => c.Name) : coops.OrderBy(c => c.Name),
        nameof(CoopRow.Uf) => descending ? coops.OrderByDescending(c => c.Uf).ThenBy(c => c.Code) : coops.OrderBy(c => c.Uf).ThenBy(c => c.Code),
        nameof(CoopRow.City) => descending ? coops.OrderByDescending(c => c.City) : coops.OrderBy(c => c.City),
        nameof(CoopRow.Federation) => descending ? coops.OrderByDescending(c => c.Federation!.Name) : coops.OrderBy(c => c.Federation!.Name),
        nameof(CoopRow.EncarregadoName) => descending ? coops.OrderByDescending(c => c.EncarregadoName) : coops.OrderBy(c => c.EncarregadoName),
        _ => descending ? coops.OrderByDescending(c => c.Code) : coops.OrderBy(c => c.Code),
    };

    /// <summary>Only text made of CNPJ characters is searched as a CNPJ, so a code like "AC-001" is not.</summary>
    private static bool LooksLikeCnpj(string text)
    {
        var trimmed = text.Trim();
        return trimmed.All(ch => char.IsAsciiDigit(ch) || ch is '.' or '/' or '-')
            && trimmed.Count(char.IsAsciiDigit) >= 3;
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
