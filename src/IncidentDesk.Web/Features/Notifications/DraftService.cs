using System.Globalization;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Compliance;
using IncidentDesk.Web.Features.Incidents.Timeline;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.Web.Features.Notifications;

/// <summary>
/// Notification drafts per controller co-op (each co-op is its own controller, LGPD art. 5 VI), generated on demand from
/// the incident as it is now. Officers and auditors draft for any controller co-op; a liaison gets no generated draft
/// (only their own co-op's approved versions, see DraftVersionService). An incident or co-op the caller may not see
/// answers null and the attempt is audited (ids are never confirmed).
/// </summary>
public sealed class DraftService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time,
    BusinessCalendarProvider calendars, ICommunicationFilings filings, TimelineService timelines)
{
    /// <summary>The controller co-ops the caller may draft for (a liaison: their own, when it is a controller here).</summary>
    public async Task<IReadOnlyList<DraftCoop>?> ControllersAsync(int incidentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Incidents.AsNoTracking().AnyAsync(i => i.Id == incidentId, cancellationToken))
        {
            await audit.DeniedAsync(nameof(Incident), Id(incidentId), cancellationToken);
            return null;
        }

        return await db.CoopInvolvements.AsNoTracking()
            .Where(v => v.IncidentId == incidentId && v.Role == InvolvementRole.ControllerAffected)
            .OrderBy(v => v.Coop!.Code)
            .Select(v => new DraftCoop(v.CoopId, v.Coop!.Code, v.Coop.Name))
            .ToListAsync(cancellationToken);
    }

    public async Task<DraftView?> GenerateAsync(int incidentId, int coopId, DraftKind kind, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(kind))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Only officers and auditors see drafts as generated: a liaison sees what an officer approved for their co-op
        // (DraftVersionService), never a working text that may still be wrong.
        var facts = user.IsOfficerOrAuditor
            ? await DraftFactsReader.ReadAsync(db, user, incidentId, coopId, time.GetUtcNow().UtcDateTime, calendars.Current, filings, timelines, cancellationToken)
            : null;
        if (facts is null)
        {
            await audit.DeniedAsync(nameof(Incident), $"{Id(incidentId)}/drafts/{Id(coopId)}", cancellationToken);
            return null;
        }

        var document = DraftGenerator.Generate(facts.Value.Facts, kind);
        return new DraftView(incidentId, facts.Value.Facts.Reference, facts.Value.Coop, kind, document.Markdown, document.Missing);
    }

    /// <summary>The draft as a file; the download is audited as an export (it carries the co-op's personal data).</summary>
    public async Task<DraftView?> ExportAsync(int incidentId, int coopId, DraftKind kind, CancellationToken cancellationToken = default)
    {
        var draft = await GenerateAsync(incidentId, coopId, kind, cancellationToken);
        if (draft is not null)
        {
            await audit.AppendAsync(new AuditRecord(AuditActions.Exported, nameof(Incident), Id(incidentId),
                $"draft md: {draft.FileName}; missing={draft.Missing.Count}"), cancellationToken: cancellationToken);
        }

        return draft;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
