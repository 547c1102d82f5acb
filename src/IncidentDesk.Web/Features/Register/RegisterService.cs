using System.Text;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Compliance.Assessment;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Compliance;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.Web.Features.Register;

/// <summary>
/// The incident register (R15 art. 10): every incident × controller co-op, notified or not, with the relevance
/// assessment, the working deadlines and the filings. For officers and auditors only. One query per table, joined in
/// memory: about a thousand incidents × a few controllers fit easily, and no row costs a query of its own.
/// </summary>
public sealed class RegisterService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time,
    BusinessCalendarProvider calendars)
{
    public const string Entity = "IncidentRegister";

    /// <summary>The rows matching the query, latest knowledge first; officers and auditors (Forbidden, audited, for a liaison).</summary>
    public async Task<Result<IReadOnlyList<RegisterRow>>> ListAsync(RegisterQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficerOrAuditor, Entity, null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        return Result.Success<IReadOnlyList<RegisterRow>>([.. (await RowsAsync(query, cancellationToken)).Where(query.Matches)]);
    }

    public async Task<Result<IReadOnlyList<RegisterIncident>>> IncidentsAsync(CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficerOrAuditor, Entity, null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return Result.Success<IReadOnlyList<RegisterIncident>>(await db.Incidents.AsNoTracking().OrderByDescending(i => i.KnowledgeAtUtc)
            .Select(i => new RegisterIncident(i.Id, i.Reference, i.Title)).ToListAsync(cancellationToken));
    }

    /// <summary>The register as a CSV file (UTF-8 with BOM), audited as an export with its filters.</summary>
    internal async Task<Result<byte[]>> CsvAsync(RegisterQuery query, IStringLocalizer<RegisterResource> text, CancellationToken cancellationToken = default)
    {
        var listed = await ListAsync(query, cancellationToken);
        if (!listed.Succeeded)
        {
            return listed.AsFailure();
        }

        var rows = listed.Value;
        await audit.AppendAsync(new AuditRecord(AuditActions.Exported, Entity, null,
            $"register csv: {rows.Count} rows; incident={query.IncidentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all"}; "
            + $"coop={query.Coop ?? ""}; uf={query.Uf ?? "all"}; status={query.Status?.ToString() ?? "all"}"), cancellationToken: cancellationToken);
        var csv = new StringBuilder();
        RegisterCsv.Write(csv, rows, text);
        return Result.Success(CsvText.Utf8WithBom(csv));
    }

    private async Task<List<RegisterRow>> RowsAsync(RegisterQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var involvements = db.CoopInvolvements.AsNoTracking().Where(v => v.Role == InvolvementRole.ControllerAffected);
        var assessments = db.RelevanceAssessments.AsNoTracking();
        var filings = db.CommunicationFilings.AsNoTracking()
            .Where(f => f.Kind == FilingKind.AnpdCommunication || f.Kind == FilingKind.SubjectNotice);
        var drafts = db.DraftVersions.AsNoTracking().Where(d => d.ApprovedAtUtc != null);
        if (query.IncidentId is { } incidentId)
        {
            involvements = involvements.Where(v => v.IncidentId == incidentId);
            assessments = assessments.Where(a => a.IncidentId == incidentId);
            filings = filings.Where(f => f.IncidentId == incidentId);
            drafts = drafts.Where(d => d.IncidentId == incidentId);
        }

        if (!string.IsNullOrWhiteSpace(query.Uf))
        {
            var uf = query.Uf.Trim().ToUpperInvariant();
            involvements = involvements.Where(v => v.Coop!.Uf == uf);
        }

        var controllers = await involvements.Select(v => new
        {
            v.IncidentId, v.Incident!.Reference, v.Incident.Title, v.CoopId, v.Coop!.Code, v.Coop.Name, v.Coop.Uf,
            v.Coop.IsSmallProcessingAgent, v.KnowledgeAtUtc,
        }).ToListAsync(cancellationToken);
        // Latest version per incident × co-op, chosen in SQL.
        var latest = await assessments
            .Where(a => a.Version == assessments.Where(o => o.IncidentId == a.IncidentId && o.CoopId == a.CoopId).Max(o => o.Version))
            .Select(a => new { a.IncidentId, a.CoopId, a.Result, a.AssessedAtUtc })
            .ToDictionaryAsync(a => (a.IncidentId, a.CoopId), cancellationToken);
        var filed = (await filings.Select(f => new { f.IncidentId, f.CoopId, f.Kind, f.FiledAtUtc, f.Protocol }).ToListAsync(cancellationToken))
            .GroupBy(f => (f.IncidentId, f.CoopId, f.Kind))
            .ToDictionary(g => g.Key, g => g.OrderBy(f => f.FiledAtUtc).First());
        var approved = (await drafts.GroupBy(d => new { d.IncidentId, d.CoopId })
                .Select(g => new { g.Key.IncidentId, g.Key.CoopId, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(d => (d.IncidentId, d.CoopId), d => d.Count);

        var calendar = calendars.Current;
        var now = time.GetUtcNow().UtcDateTime;
        return [.. controllers.Select(c =>
        {
            var key = (c.IncidentId, c.CoopId);
            var assessment = latest.GetValueOrDefault(key);
            var recordOnly = assessment?.Result == RelevanceResult.RecordOnly;
            var deadlines = LgpdDeadlines.For(c.KnowledgeAtUtc, c.IsSmallProcessingAgent, calendar);
            RegisterFiling Filing(DeadlineKind deadlineKind, FilingKind filingKind)
            {
                var deadline = deadlines.First(d => d.Kind == deadlineKind);
                var filing = filed.GetValueOrDefault((c.IncidentId, c.CoopId, filingKind));
                var state = filing is not null
                    ? (filing.FiledAtUtc < deadline.WorkingEndsAtUtc ? FilingState.OnTime : FilingState.Late)
                    : recordOnly ? FilingState.NotRequired
                    : now >= deadline.WorkingEndsAtUtc ? FilingState.Overdue : FilingState.Pending;
                return new RegisterFiling(deadline.Working, state, filing?.FiledAtUtc, filing?.Protocol);
            }

            return new RegisterRow(c.IncidentId, c.Reference, c.Title, c.CoopId, c.Code, c.Name, c.Uf, c.KnowledgeAtUtc,
                assessment?.Result, assessment?.AssessedAtUtc,
                Filing(DeadlineKind.AnpdCommunication, FilingKind.AnpdCommunication), Filing(DeadlineKind.SubjectNotice, FilingKind.SubjectNotice),
                approved.GetValueOrDefault(key));
        }).OrderByDescending(r => r.KnowledgeAtUtc).ThenBy(r => r.Reference, StringComparer.Ordinal).ThenBy(r => r.CoopCode, StringComparer.Ordinal)];
    }
}
