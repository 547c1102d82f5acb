using System.Globalization;
using IncidentDesk.Core.Compliance.Assessment;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.Web.Features.Compliance.Relevance;

/// <summary>
/// The relevance assessment of an incident per controller co-op (R15 art. 5; each co-op is its own controller, LGPD art.
/// 5 VI). Versions are only ever appended: the record must show what was concluded, when, by whom and why (R15 art. 10).
/// Officers assess for any controller co-op, a liaison for their own co-op only, auditors read. Anything the caller may
/// not reach answers "not found" and is audited (ids are never confirmed).
/// </summary>
public sealed class RelevanceService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time, IChangeFeed feed)
{
    private const int ExcerptMax = 280;

    /// <summary>The controller co-ops the caller may read the assessment of; null (audited) when the incident is not visible.</summary>
    public async Task<IReadOnlyList<RelevanceCoop>?> ControllersAsync(int incidentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Incidents.AsNoTracking().AnyAsync(i => i.Id == incidentId, cancellationToken))
        {
            await audit.DeniedAsync(nameof(Incident), Id(incidentId), cancellationToken);
            return null;
        }

        return await Controllers(db, incidentId)
            .OrderBy(v => v.Coop!.Code).Select(v => new RelevanceCoop(v.CoopId, v.Coop!.Code, v.Coop.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every version of the co-op's assessment with the suggestion for a first one; null (audited) when out of reach.</summary>
    public async Task<RelevanceSheet?> GetAsync(int incidentId, int coopId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await TargetAsync(db, incidentId, coopId, cancellationToken);
        if (target is null)
        {
            await audit.DeniedAsync(nameof(RelevanceAssessment), Key(incidentId, coopId), cancellationToken);
            return null;
        }

        var figures = await db.KeyFigures.AsNoTracking().Where(f => f.IncidentId == incidentId)
            .Select(f => new DraftFigure(f.Label, f.Value, f.Unit, f.Status, f.Source, f.AsOf, f.Note)).ToListAsync(cancellationToken);
        var history = await History(db, incidentId, coopId).ToListAsync(cancellationToken);
        return new RelevanceSheet(incidentId, target.Reference, target.Coop, RelevanceRules.Suggest(target.Data, figures), history,
            user.CanWriteForCoop(coopId));
    }

    /// <summary>
    /// Appends version n+1. The result is computed here from the answers (R15 art. 5: A and at least one of B), never taken
    /// from the client. Audited, with an automatic timeline event and a change notice after commit. Officers and the co-op's
    /// own liaison; someone else appending the same version first is a conflict (the caller re-reads and saves again).
    /// </summary>
    public async Task<Result<RelevanceVersion>> SaveAsync(int incidentId, int coopId, RelevanceAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer || user.IsLiaison, nameof(RelevanceAssessment), Key(incidentId, coopId), cancellationToken)
            is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await TargetAsync(db, incidentId, coopId, cancellationToken);
        if (target is null)
        {
            await audit.DeniedAsync(nameof(RelevanceAssessment), Key(incidentId, coopId), cancellationToken);
            return Result.NotFound();
        }

        var errors = RelevanceRules.Validate(answer);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors.Select(e => new FieldError(e.Key, e.Value, $"Error.{e.Value}")));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var version = 1 + (await db.RelevanceAssessments.Where(a => a.IncidentId == incidentId && a.CoopId == coopId)
            .MaxAsync(a => (int?)a.Version, cancellationToken) ?? 0);
        var assessment = new RelevanceAssessment
        {
            IncidentId = incidentId,
            CoopId = coopId,
            Version = version,
            SignificantEffect = answer.SignificantEffect,
            Harms = answer.Harms,
            Criteria = answer.Criteria,
            DataUnintelligible = answer.DataUnintelligible,
            Rationale = answer.Rationale!.Trim(),
            Result = RelevanceRules.Result(answer),
            AssessedAtUtc = now,
            AssessedBy = user.Name,
        };
        db.RelevanceAssessments.Add(assessment);
        db.TimelineEvents.Add(AutomaticEvents.Create(incidentId, TimelineEventKind.Record, now,
            RelevanceWording.EventTitle(target.Coop.Code, assessment.Result, version), Description(assessment), user.Name));
        try
        {
            await audit.SaveChangesAsync(db, AuditActions.RelevanceAssessed, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another save took this version number between our read and our write (unique per incident × co-op × version).
            return Result.ConflictWith(Result.StaleCode, "Error.Conflict");
        }

        // The drafts of this co-op state the assessment: their readers re-read.
        await feed.PublishAsync(ChangeKind.Draft, incidentId, user, time, assessment.Id, coopId, cancellationToken);
        return Result.Success(View(assessment));
    }

    private sealed record Target(string Reference, DataCategories Data, RelevanceCoop Coop);

    /// <summary>
    /// The incident and co-op when the incident is visible to the caller and the co-op is one of its controllers; the query
    /// filters hide another co-op's involvement from a liaison, so another co-op's id finds nothing.
    /// </summary>
    private static async Task<Target?> TargetAsync(IncidentDeskDbContext db, int incidentId, int coopId, CancellationToken cancellationToken) =>
        await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId)
            .SelectMany(i => Controllers(db, incidentId).Where(v => v.CoopId == coopId),
                (i, v) => new Target(i.Reference, i.DataCategories, new RelevanceCoop(v.CoopId, v.Coop!.Code, v.Coop.Name)))
            .FirstOrDefaultAsync(cancellationToken);

    private static IQueryable<CoopInvolvement> Controllers(IncidentDeskDbContext db, int incidentId) =>
        db.CoopInvolvements.AsNoTracking().Where(v => v.IncidentId == incidentId && v.Role == InvolvementRole.ControllerAffected);

    private static IQueryable<RelevanceVersion> History(IncidentDeskDbContext db, int incidentId, int coopId) =>
        db.RelevanceAssessments.AsNoTracking().Where(a => a.IncidentId == incidentId && a.CoopId == coopId)
            .OrderByDescending(a => a.Version)
            .Select(a => new RelevanceVersion(a.Id, a.Version, a.SignificantEffect, a.Harms, a.Criteria, a.DataUnintelligible, a.Rationale,
                a.Result, a.AssessedAtUtc, a.AssessedBy));

    private static RelevanceVersion View(RelevanceAssessment a) =>
        new(a.Id, a.Version, a.SignificantEffect, a.Harms, a.Criteria, a.DataUnintelligible, a.Rationale, a.Result, a.AssessedAtUtc, a.AssessedBy);

    private static string Description(RelevanceAssessment a)
    {
        var rationale = a.Rationale.Length <= ExcerptMax ? a.Rationale : string.Concat(a.Rationale.AsSpan(0, ExcerptMax), "…");
        return $"Critério A: {(a.SignificantEffect ? "sim" : "não")}. Critério B: {RelevanceWording.Criteria(a.Criteria)}. "
            + (a.DataUnintelligible ? "Dados ininteligíveis para terceiros (LGPD art. 48, §3º). " : "")
            + $"Fundamentação: {rationale}";
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Key(int incidentId, int coopId) => $"{Id(incidentId)}/relevance/{Id(coopId)}";
}
