using System.Globalization;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Web.Components;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Compliance;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Notifications.Versions;

/// <summary>
/// "Registrar como protocolada" and the reasons for a late communication, per controller co-op. The filing time the
/// officer records (Brasília time, never in the future) decides whether the deadline was met; a communication filed
/// after it must state why (R15 art. 6 §2 V, art. 9 IV). Officers write; auditors and the co-op's liaison read.
/// </summary>
public sealed class FilingService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time, IChangeFeed feed,
    BusinessCalendarProvider calendars, ICommunicationFilings filings)
{
    public const int DelayReasonsMax = 4000;

    public async Task<IReadOnlyList<FilingRow>?> ListAsync(int incidentId, int coopId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await CanSeeAsync(db, incidentId, coopId, cancellationToken))
        {
            return null;
        }

        return await db.CommunicationFilings.AsNoTracking().Where(f => f.IncidentId == incidentId && f.CoopId == coopId)
            .OrderBy(f => f.FiledAtUtc)
            .Select(f => new FilingRow(f.Id, f.CoopId, f.Kind, f.DraftVersionId,
                db.DraftVersions.Where(v => v.Id == f.DraftVersionId).Select(v => (int?)v.Version).FirstOrDefault(),
                f.Protocol, f.FiledAtUtc, f.RecordedBy))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Records an approved version as filed; its kind decides the filing kind (ANPD or subjects).</summary>
    public async Task<Result<int>> RecordForVersionAsync(
        int incidentId, int versionId, string? protocol, DateTime? filedAtBrasilia, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Incident), Id(incidentId), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.DraftVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId && v.IncidentId == incidentId, cancellationToken);
        if (version is null)
        {
            return Result.NotFound();
        }

        if (!version.IsApproved)
        {
            return Result.Invalid(DraftFields.Version, DraftErrors.NotApproved, "Error.NotApproved");
        }

        return FilingKinds.For(version.Kind) is { } kind
            ? await RecordAsync(db, incidentId, version.CoopId, kind, version, protocol, filedAtBrasilia, cancellationToken)
            : Result.Invalid(DraftFields.Version, DraftErrors.NotFilable, "Error.NotFilable");
    }

    /// <summary>The declaration of the channels used to tell the subjects (R15 art. 9 §4) is filed without a desk draft.</summary>
    public async Task<Result<int>> RecordChannelsDeclarationAsync(
        int incidentId, int coopId, string? protocol, DateTime? filedAtBrasilia, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Incident), Id(incidentId), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await IsControllerAsync(db, incidentId, coopId, cancellationToken))
        {
            return Result.NotFound();
        }

        return await RecordAsync(db, incidentId, coopId, FilingKind.ChannelsDeclaration, null, protocol, filedAtBrasilia, cancellationToken);
    }

    /// <summary>The co-op's reasons for delay and whether its ANPD communication is (or was filed) late.</summary>
    public async Task<DelayReasonsView?> DelayReasonsAsync(int incidentId, int coopId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await CanSeeAsync(db, incidentId, coopId, cancellationToken))
        {
            return null;
        }

        var involvement = await ControllerAsync(db, incidentId, coopId, cancellationToken);
        if (involvement is null)
        {
            return null;
        }

        var (late, endsAt) = await LateAsync(incidentId, involvement, cancellationToken);
        return new DelayReasonsView(coopId, involvement.DelayReasons, late, endsAt);
    }

    /// <summary>Writes the reasons for delay (only once the ANPD deadline has passed or the filing was late).</summary>
    public async Task<Result<int>> SaveDelayReasonsAsync(int incidentId, int coopId, string? reasons, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Incident), Id(incidentId), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }
        var refused = new FieldErrors();
        FieldRules.Text(refused, DraftFields.DelayReasons, reasons, DelayReasonsMax, required: true);
        if (refused.Count > 0)
        {
            return refused.ToFailure();
        }

        var text = reasons!.Trim();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var involvement = await ControllerAsync(db, incidentId, coopId, cancellationToken, tracked: true);
        if (involvement is null)
        {
            return Result.NotFound();
        }

        if (!(await LateAsync(incidentId, involvement, cancellationToken)).Late)
        {
            return Result.Invalid(DraftFields.DelayReasons, DraftErrors.NotLate, "Error.NotLate");
        }

        involvement.DelayReasons = text;
        var now = time.GetUtcNow().UtcDateTime;
        db.TimelineEvents.Add(AutomaticEvents.Create(incidentId, TimelineEventKind.Notification, now,
            $"{VersionText.DelayReasonsTitle} — {involvement.Coop!.Code}", text, user.Name));
        await audit.SaveChangesAsync(db, cancellationToken: cancellationToken);
        await feed.PublishAsync(ChangeKind.Involvement, incidentId, user, time, involvement.Id, coopId, cancellationToken);
        return Result.Success(involvement.Id);
    }

    private async Task<Result<int>> RecordAsync(
        IncidentDeskDbContext db, int incidentId, int coopId, FilingKind kind, DraftVersion? version, string? protocol,
        DateTime? filedAtBrasilia, CancellationToken ct)
    {
        var refused = new FieldErrors();
        FieldRules.Text(refused, DraftFields.Protocol, protocol, CommunicationFiling.ProtocolMax, required: true);
        if (refused.Count > 0)
        {
            return refused.ToFailure();
        }

        var number = protocol!.Trim();

        if (filedAtBrasilia is not { } local)
        {
            return Result.Invalid(DraftFields.FiledAt, DraftErrors.Required, "Error.Required");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var filedAt = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), BrasiliaTime.Zone);
        if (filedAt > now)
        {
            return Result.Invalid(DraftFields.FiledAt, DraftErrors.InFuture, "Error.InFuture");
        }

        var filing = new CommunicationFiling
        {
            IncidentId = incidentId, CoopId = coopId, Kind = kind, DraftVersionId = version?.Id, Protocol = number,
            FiledAtUtc = filedAt, RecordedAtUtc = now, RecordedBy = user.Name,
        };
        db.CommunicationFilings.Add(filing);
        var code = await db.Coops.AsNoTracking().Where(c => c.Id == coopId).Select(c => c.Code).FirstAsync(ct);
        var from = version is null ? "" : $" Minuta: {VersionText.Kind(version.Kind)} v{VersionText.Number(version.Version)}.";
        db.TimelineEvents.Add(AutomaticEvents.Create(incidentId, TimelineEventKind.Notification, now,
            $"{VersionText.Filing(kind)} protocolada — {code}",
            $"Protocolo {number}, enviada em {VersionText.Moment(filedAt)}.{from}", user.Name));
        await audit.SaveChangesAsync(db, cancellationToken: ct);
        await feed.PublishAsync(ChangeKind.Draft, incidentId, user, time, filing.Id, coopId, ct);
        return Result.Success(filing.Id);
    }

    /// <summary>Late against the working (strict) ANPD deadline, as the drafts judge it (see DraftFactsReader).</summary>
    private async Task<(bool Late, DateTime? EndsAtUtc)> LateAsync(int incidentId, CoopInvolvement involvement, CancellationToken ct)
    {
        if (involvement.KnowledgeAtUtc == default)
        {
            return (false, null);
        }

        var filed = await filings.FiledAtAsync(incidentId, [involvement.CoopId], ct);
        DateTime? filedAt = filed.TryGetValue(involvement.CoopId, out var at) ? at : null;
        var anpd = LgpdDeadlines.For(involvement.KnowledgeAtUtc, involvement.Coop!.IsSmallProcessingAgent, calendars.Current, filedAt)
            .First(d => d.Kind == DeadlineKind.AnpdCommunication);
        return ((filedAt ?? time.GetUtcNow().UtcDateTime) >= anpd.WorkingEndsAtUtc, anpd.WorkingEndsAtUtc);
    }

    private async Task<bool> CanSeeAsync(IncidentDeskDbContext db, int incidentId, int coopId, CancellationToken ct)
    {
        if (user.CanReadCoop(coopId) && await db.Incidents.AsNoTracking().AnyAsync(i => i.Id == incidentId, ct))
        {
            return true;
        }

        await audit.DeniedAsync(nameof(Incident), $"{Id(incidentId)}/filings/{Id(coopId)}", ct);
        return false;
    }

    private static Task<bool> IsControllerAsync(IncidentDeskDbContext db, int incidentId, int coopId, CancellationToken ct) =>
        db.CoopInvolvements.AnyAsync(v => v.IncidentId == incidentId && v.CoopId == coopId && v.Role == InvolvementRole.ControllerAffected, ct);

    private static Task<CoopInvolvement?> ControllerAsync(IncidentDeskDbContext db, int incidentId, int coopId, CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.CoopInvolvements : db.CoopInvolvements.AsNoTracking();
        return query.Include(v => v.Coop)
            .FirstOrDefaultAsync(v => v.IncidentId == incidentId && v.CoopId == coopId && v.Role == InvolvementRole.ControllerAffected, ct);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
