using System.Globalization;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Features.Notifications.Export;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.Web.Features.Notifications.Versions;

/// <summary>
/// Saved versions of the drafts: every save appends version n+1, never changes one in place, and an
/// approved version is what gets filed, so it can no longer change (the database refuses too). Officers write and
/// approve; auditors read everything; a liaison sees only their own co-op's APPROVED versions — anything else answers
/// null and the attempt is audited.
/// </summary>
public sealed class DraftVersionService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time, IChangeFeed feed,
    DraftService drafts)
{
    /// <summary>The versions of one co-op's drafts (every kind), newest first; null (audited) when not visible.</summary>
    public async Task<IReadOnlyList<DraftVersionRow>?> ListAsync(int incidentId, int coopId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!user.CanReadCoop(coopId) || !await db.Incidents.AsNoTracking().AnyAsync(i => i.Id == incidentId, cancellationToken))
        {
            await audit.DeniedAsync(nameof(Incident), $"{Id(incidentId)}/drafts/{Id(coopId)}", cancellationToken);
            return null;
        }

        var code = await db.Coops.AsNoTracking().Where(c => c.Id == coopId).Select(c => c.Code).FirstOrDefaultAsync(cancellationToken) ?? "";
        var rows = await Visible(db, incidentId).Where(v => v.CoopId == coopId)
            .OrderBy(v => v.Kind).ThenByDescending(v => v.Version).ToListAsync(cancellationToken);
        return [.. rows.Select(v => Row(v, code))];
    }

    /// <summary>One version with its text; null (audited) when unknown or not the caller's to see.</summary>
    public async Task<DraftVersionDetail?> GetAsync(int incidentId, int versionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await FindVisibleAsync(db, incidentId, versionId, cancellationToken);
        return found is null ? null : new DraftVersionDetail(found.Value.Row, found.Value.Version.Markdown);
    }

    /// <summary>"Gerar nova versão": the draft generated from the incident as it is now becomes version n+1.</summary>
    public async Task<Result<int>> SaveGeneratedAsync(int incidentId, int coopId, DraftKind kind, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Incident), Id(incidentId), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }
        var draft = await drafts.GenerateAsync(incidentId, coopId, kind, cancellationToken);
        if (draft is null)
        {
            return Result.NotFound();
        }

        return await AppendAsync(incidentId, coopId, kind, draft.Markdown, [.. draft.Missing.Select(m => m.Code)],
            "Gerada a partir dos dados atuais do incidente.", cancellationToken);
    }

    /// <summary>
    /// Saves an officer's edit of a version as a new version (n+1); the edited one, approved or not, stays as it was.
    /// The completeness codes are those of the incident at save: the desk cannot read the officer's prose.
    /// </summary>
    public async Task<Result<int>> SaveEditedAsync(int incidentId, int baseVersionId, string? markdown, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Incident), Id(incidentId), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return Result.Invalid(DraftFields.Markdown, DraftErrors.Required, "Error.Required");
        }

        if (markdown.Length > DraftVersion.MarkdownMax)
        {
            return Result.Invalid(DraftFields.Markdown, DraftErrors.TooLong, "Error.TooLong", DraftVersion.MarkdownMax);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var source = await db.DraftVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == baseVersionId && v.IncidentId == incidentId, cancellationToken);
        var current = source is null ? null : await drafts.GenerateAsync(incidentId, source.CoopId, source.Kind, cancellationToken);
        if (source is null || current is null)
        {
            return Result.NotFound();
        }

        return await AppendAsync(incidentId, source.CoopId, source.Kind, markdown, [.. current.Missing.Select(m => m.Code)],
            $"Editada pelo encarregado a partir da versão {VersionText.Number(source.Version)}.", cancellationToken);
    }

    /// <summary>
    /// Approval by a privacy officer. With items missing it is allowed only "as preliminary": the items are then appended
    /// to the text as "a complementar" (R15 art. 6 §3) in the same write that fixes the version for good.
    /// </summary>
    public async Task<Result<int>> ApproveAsync(int incidentId, int versionId, bool asPreliminary, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(DraftVersion), Id(versionId), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.DraftVersions.FirstOrDefaultAsync(v => v.Id == versionId && v.IncidentId == incidentId, cancellationToken);
        if (version is null)
        {
            return Result.NotFound();
        }

        if (version.IsApproved)
        {
            return Result.Invalid(DraftFields.Version, DraftErrors.Approved, "Error.Approved");
        }

        var missing = VersionText.Codes(version.MissingCodes);
        if (missing.Count > 0 && !asPreliminary)
        {
            return Result.Invalid(DraftFields.Version, DraftErrors.MissingItems, "Error.MissingItems");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var preliminary = missing.Count > 0;
        if (preliminary && version.Markdown.Length + 2000 < DraftVersion.MarkdownMax)
        {
            version.Markdown = version.Markdown.TrimEnd() + VersionText.ToComplementSection(missing);
        }

        version.ApprovedAtUtc = now;
        version.ApprovedBy = user.Name;
        version.ApprovedAsPreliminary = preliminary;
        var code = await CoopCodeAsync(db, version.CoopId, cancellationToken);
        var title = $"{VersionText.ApprovedTitle}{(preliminary ? " como preliminar" : "")}: {VersionText.Kind(version.Kind)} v{VersionText.Number(version.Version)} — {code}";
        var description = preliminary ? $"A complementar (R15 art. 6º, §3º): {VersionText.ToComplement(missing)}." : "Sem pendências de conteúdo.";
        db.TimelineEvents.Add(AutomaticEvents.Create(incidentId, TimelineEventKind.Notification, now, title, description, user.Name));
        await audit.SaveChangesAsync(db, AuditActions.DraftApproved, cancellationToken);
        await feed.PublishAsync(ChangeKind.Draft, incidentId, user, time, version.Id, version.CoopId, cancellationToken);
        return Result.Success(version.Id);
    }

    /// <summary>A version as a file; audited as an export (it carries the co-op's personal data).</summary>
    public async Task<DraftFile?> ExportAsync(int incidentId, int versionId, DraftFileFormat format, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await FindVisibleAsync(db, incidentId, versionId, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var (version, row) = found.Value;
        var names = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId).Select(i => new { i.Reference, i.Title }).FirstAsync(cancellationToken);
        var coopName = await db.Coops.AsNoTracking().Where(c => c.Id == version.CoopId).Select(c => c.Name).FirstAsync(cancellationToken);
        var info = new DraftFileInfo(names.Reference, row.CoopCode, coopName, version.Kind, version.Version, names.Title);
        var file = DraftExport.Render(info, version.Markdown, format);
        await audit.AppendAsync(new AuditRecord(AuditActions.Exported, nameof(DraftVersion), Id(versionId),
            $"draft {format.ToString().ToLowerInvariant()}: {file.FileName}; approved={row.IsApproved}"), cancellationToken: cancellationToken);
        return file;
    }

    private async Task<Result<int>> AppendAsync(
        int incidentId, int coopId, DraftKind kind, string markdown, IReadOnlyList<string> missing, string how, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var last = await db.DraftVersions.Where(v => v.IncidentId == incidentId && v.CoopId == coopId && v.Kind == kind)
            .MaxAsync(v => (int?)v.Version, ct) ?? 0;
        var version = new DraftVersion
        {
            IncidentId = incidentId, CoopId = coopId, Kind = kind, Version = last + 1, Markdown = markdown,
            MissingCodes = string.Join(',', missing), CreatedAtUtc = now, CreatedBy = user.Name,
        };
        db.DraftVersions.Add(version);
        var code = await CoopCodeAsync(db, coopId, ct);
        var pending = missing.Count == 0 ? "sem pendências" : $"{VersionText.Number(missing.Count)} pendência(s)";
        db.TimelineEvents.Add(AutomaticEvents.Create(incidentId, TimelineEventKind.Notification, now,
            $"{VersionText.NewVersionTitle}: {VersionText.Kind(kind)} v{VersionText.Number(version.Version)} — {code}", $"{how} {pending}.", user.Name));
        await audit.SaveChangesAsync(db, AuditActions.DraftVersionSaved, ct);
        await feed.PublishAsync(ChangeKind.Draft, incidentId, user, time, version.Id, coopId, ct);
        return Result.Success(version.Id);
    }

    /// <summary>
    /// The incident's versions the caller may read: the query filter leaves a liaison their own co-op's approved versions
    /// (never a working text that may still be wrong); officers and auditors read all.
    /// </summary>
    private static IQueryable<DraftVersion> Visible(IncidentDeskDbContext db, int incidentId) =>
        db.DraftVersions.AsNoTracking().Where(v => v.IncidentId == incidentId);

    private async Task<(DraftVersion Version, DraftVersionRow Row)?> FindVisibleAsync(
        IncidentDeskDbContext db, int incidentId, int versionId, CancellationToken ct)
    {
        var visibleIncident = await db.Incidents.AsNoTracking().AnyAsync(i => i.Id == incidentId, ct);
        var version = visibleIncident ? await Visible(db, incidentId).FirstOrDefaultAsync(v => v.Id == versionId, ct) : null;
        if (version is null)
        {
            await audit.DeniedAsync(nameof(DraftVersion), $"{Id(incidentId)}/versions/{Id(versionId)}", ct);
            return null;
        }

        return (version, Row(version, await CoopCodeAsync(db, version.CoopId, ct)));
    }

    private static DraftVersionRow Row(DraftVersion v, string code) =>
        new(v.Id, v.IncidentId, v.CoopId, code, v.Kind, v.Version, v.CreatedBy, v.CreatedAtUtc, VersionText.Codes(v.MissingCodes),
            v.ApprovedAtUtc, v.ApprovedBy, v.ApprovedAsPreliminary);

    private static Task<string> CoopCodeAsync(IncidentDeskDbContext db, int coopId, CancellationToken ct) =>
        db.Coops.AsNoTracking().Where(c => c.Id == coopId).Select(c => c.Code).FirstAsync(ct);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
