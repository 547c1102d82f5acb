using IncidentDesk.Core.Audit;
using IncidentDesk.Data;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.Web.Features.Audit;

/// <summary>
/// Reads and verifies the audit trail. Only privacy officers and auditors may read it; the check lives
/// here, so a page, an API endpoint or the hub cannot forget it. The operators' command line, which runs
/// on the server outside HTTP, verifies on behalf of an explicit <see cref="AuditActor"/>.
/// </summary>
public sealed class AuditTrailService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, FederationWideDb chainDb, AuditLog audit, CurrentUser user)
{
    public const int MaxPageSize = 200;
    public const string EntityName = "AuditTrail";
    private const int Batch = 5_000;

    /// <summary>One page of entries, newest first, filtered in SQL; officers and auditors only.</summary>
    public async Task<Result<AuditSearchResult>> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (await ForbiddenUnlessReaderAsync(cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = Filter(db.AuditEntries.AsNoTracking(), query);
        if (query.IncidentId is { } incidentId)
        {
            entries = await IncidentAuditScope.ApplyAsync(db, entries, incidentId, cancellationToken);
        }

        var total = await entries.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var rows = await entries
            .OrderByDescending(e => e.Sequence)
            .Skip(Math.Max(query.Page, 0) * pageSize)
            .Take(pageSize)
            .Select(e => new AuditRow(e.Id, e.Sequence, e.AtUtc, e.ActorId, e.ActorName, e.Action,
                e.EntityType, e.EntityId, e.Changes, e.ClientIp))
            .ToListAsync(cancellationToken);
        return Result.Success(new AuditSearchResult(rows, total));
    }

    /// <summary>
    /// One page of an incident's entries, newest first: the incident itself and what hangs off it (key figures,
    /// involvements, timeline events, evidence, campaigns and their co-op tasks, relevance assessments, draft versions,
    /// filings), deleted children included. Officers and auditors only.
    /// </summary>
    public Task<Result<AuditSearchResult>> SearchForIncidentAsync(int incidentId, int page = 0, int pageSize = 50, CancellationToken cancellationToken = default) =>
        SearchAsync(new AuditQuery(Page: page, PageSize: pageSize, IncidentId: incidentId), cancellationToken);

    /// <summary>Walks the hash chain of the database behind <paramref name="db"/> (the live one, or a backup file), in batches.</summary>
    internal static async Task<AuditVerification> VerifyChainAsync(IncidentDeskDbContext db, CancellationToken cancellationToken)
    {
        var verifier = new AuditChainVerifier();
        long after = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(Batch)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0 || !batch.All(verifier.Accept))
            {
                return verifier.Result;
            }

            after = batch[^1].Sequence;
        }
    }

    /// <summary>
    /// Walks the whole chain in sequence order, in batches, and records that it was checked. Without
    /// <paramref name="actor"/> the signed-in user runs it and must be an officer or auditor.
    /// </summary>
    public async Task<Result<AuditVerification>> VerifyAsync(AuditActor? actor = null, CancellationToken cancellationToken = default)
    {
        if (actor is null && await ForbiddenUnlessReaderAsync(cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        AuditVerification result;
        // The chain is one sequence across the federation: it is walked whole, whoever asked (an officer, an auditor, the
        // command line).
        await using (var db = await chainDb.CreateDbContextAsync(cancellationToken))
        {
            result = await VerifyChainAsync(db, cancellationToken);
        }

        await audit.AppendAsync(new AuditRecord(AuditActions.AuditVerified, Changes:
            result.IsIntact ? $"intact, {result.EntriesChecked} entries" : $"broken at sequence {result.FirstBrokenSequence}: {result.Problem}"),
            actor, cancellationToken);
        return Result.Success(result);
    }

    private Task<Failure?> ForbiddenUnlessReaderAsync(CancellationToken cancellationToken) =>
        audit.ForbiddenUnlessAsync(user.IsOfficer || user.IsAuditor, EntityName, "*", cancellationToken);

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var pattern = $"%{EscapeLike(query.Actor.Trim())}%";
            entries = entries.Where(e => SearchText.Like(e.ActorName, pattern) || e.ActorId == query.Actor.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            if (action.EndsWith('*'))
            {
                var prefix = $"{EscapeLike(action.TrimEnd('*'))}%";
                entries = entries.Where(e => SearchText.Like(e.Action, prefix));
            }
            else
            {
                var family = $"{EscapeLike(action)}.%";
                entries = entries.Where(e => e.Action == action || SearchText.Like(e.Action, family));
            }
        }

        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            var type = query.EntityType.Trim();
            entries = entries.Where(e => e.EntityType == type);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            var id = query.EntityId.Trim();
            entries = entries.Where(e => e.EntityId == id);
        }

        if (query.FromUtc is { } from)
        {
            entries = entries.Where(e => e.AtUtc >= from);
        }

        if (query.ToUtc is { } to)
        {
            entries = entries.Where(e => e.AtUtc < to);
        }

        return entries;
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
