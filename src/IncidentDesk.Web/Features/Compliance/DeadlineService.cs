using System.Globalization;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Compliance;

/// <summary>
/// The LGPD deadlines of an incident, one clock per controller co-op (R15 art. 6 caput and §1, art. 9; counting per R1
/// art. 8): each co-op involved as controller counts from its own knowledge time, and a small processing agent has the
/// ANPD and subject deadlines doubled (R15 art. 6 §8, art. 9 §6). A liaison sees only their own co-op's clock.
/// </summary>
public sealed class DeadlineService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, AuditLog audit, TimeProvider time,
    BusinessCalendarProvider calendars, ICommunicationFilings filings)
{
    /// <summary>Every deadline for a knowledge instant, as a co-op's own tool asks (no incident involved).</summary>
    public IReadOnlyList<DeadlineView> Compute(DateTime knowledgeAtUtc, bool smallAgent, DateTime? communicationFiledAtUtc = null)
    {
        var calendar = calendars.Current;
        var now = time.GetUtcNow().UtcDateTime;
        return [.. LgpdDeadlines.For(knowledgeAtUtc, smallAgent, calendar, communicationFiledAtUtc).Select(d => View(d, now, calendar))];
    }

    /// <summary>
    /// The deadlines of every controller co-op of the incident, by co-op code; a liaison gets only their own co-op's
    /// (an empty list when their co-op is not a controller here). Null, and an audited denial, when the incident does
    /// not exist or the caller may not see it.
    /// </summary>
    public async Task<IReadOnlyList<CoopDeadlines>?> ForIncidentAsync(int incidentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Incidents.AsNoTracking().AnyAsync(i => i.Id == incidentId, cancellationToken))
        {
            await audit.DeniedAsync(nameof(Incident), incidentId.ToString(CultureInfo.InvariantCulture), cancellationToken);
            return null;
        }

        // The query filter leaves a liaison their own co-op's involvement only.
        var controllers = db.CoopInvolvements.AsNoTracking()
            .Where(v => v.IncidentId == incidentId && v.Role == InvolvementRole.ControllerAffected);
        var rows = await controllers.OrderBy(v => v.Coop!.Code)
            .Select(v => new { v.CoopId, v.Coop!.Code, v.Coop.Name, v.Coop.Uf, v.Coop.IsSmallProcessingAgent, v.KnowledgeAtUtc })
            .ToListAsync(cancellationToken);
        var filed = await filings.FiledAtAsync(incidentId, [.. rows.Select(r => r.CoopId)], cancellationToken);
        var first = await filings.FirstFilingsAsync(incidentId, [.. rows.Select(r => r.CoopId)], cancellationToken);
        var calendar = calendars.Current;
        var now = time.GetUtcNow().UtcDateTime;
        return [.. rows.Select(r =>
        {
            DateTime? filedAt = filed.TryGetValue(r.CoopId, out var at) ? at : null;
            var deadlines = LgpdDeadlines.For(r.KnowledgeAtUtc, r.IsSmallProcessingAgent, calendar, filedAt)
                .Select(d => View(d, now, calendar, first.GetValueOrDefault((r.CoopId, FilingFor(d.Kind))))).ToList();
            return new CoopDeadlines(r.CoopId, r.Code, r.Name, r.Uf, r.IsSmallProcessingAgent, r.KnowledgeAtUtc, filedAt, deadlines);
        })];
    }

    private static DeadlineView View(LgpdDeadline d, DateTime nowUtc, BusinessCalendar calendar, FiledCommunication? filed = null) =>
        new(d.Kind, d.BusinessDays, d.Start, d.Working, d.LatestDefensible, d.WorkingEndsAtUtc, d.LatestDefensibleEndsAtUtc, d.Rule,
            DeadlineCountdown.At(d.Working, nowUtc, calendar), filed);

    /// <summary>The filing that answers each deadline.</summary>
    internal static FilingKind FilingFor(DeadlineKind kind) => kind switch
    {
        DeadlineKind.SubjectNotice => FilingKind.SubjectNotice,
        DeadlineKind.ChannelDeclaration => FilingKind.ChannelsDeclaration,
        DeadlineKind.ComplementaryInformation => FilingKind.AnpdComplementary,
        _ => FilingKind.AnpdCommunication,
    };
}
