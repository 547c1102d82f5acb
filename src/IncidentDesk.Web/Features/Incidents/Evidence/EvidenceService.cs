using System.Globalization;
using System.Text.Json;

using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Health;
using IncidentDesk.Web.Features.Incidents.Figures;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;

using Microsoft.EntityFrameworkCore;

using EvidenceEntity = IncidentDesk.Core.Incidents.Evidence;


namespace IncidentDesk.Web.Features.Incidents.Evidence;

/// <summary>
/// Files and links kept as an incident's evidence. Officers add; officers and auditors read all;
/// a liaison reads evidence shared with co-ops of incidents their co-op takes part in, and what their own co-op handed
/// in as answers to its tasks (see EvidenceService.Tasks.cs). Every download is authorized
/// here and logged, since the files may hold health data of beneficiaries.
/// </summary>
public sealed partial class EvidenceService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time,
    EvidenceStore store, IChangeFeed feed, ILogger<EvidenceService> logger)
{
    public const string DownloadedAction = "Evidence.Downloaded";

    /// <summary>The incident's evidence the caller may see, newest first; null when the incident is not theirs to see.</summary>
    public async Task<IReadOnlyList<EvidenceItem>?> ListAsync(int incidentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Incidents.AnyAsync(i => i.Id == incidentId, cancellationToken))
        {
            await audit.DeniedIfExistsAsync<Incident>(incidentId, cancellationToken);
            return null;
        }

        // The query filter leaves a liaison what is shared with co-ops and what their own co-op handed in.
        return await db.Evidence.AsNoTracking().Where(e => e.IncidentId == incidentId)
            .OrderByDescending(e => e.AddedAtUtc).ThenByDescending(e => e.Id)
            .Select(e => new EvidenceItem(e.Id, e.IncidentId, e.Kind, e.Title, e.Description, e.FileName, e.ContentType, e.SizeBytes,
                e.Sha256, e.Url, e.SharedWithCoops, e.AddedBy, e.AddedAtUtc))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Keeps an uploaded file: at most 25 MB, an allowlisted type whose bytes match its extension. Any refusal or failure
    /// leaves neither a file nor a row behind.
    /// </summary>
    /// <param name="declaredSize">The size the browser announced; a larger one is refused before reading a byte.</param>
    /// <returns>The new evidence's id; officers only.</returns>
    public async Task<Result<int>> AddFileAsync(
        int incidentId, string? title, string? description, bool sharedWithCoops, string? fileName, Stream content, long declaredSize,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (await ForbiddenUnlessOfficerAsync(incidentId, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        var errors = ValidateTexts(title, description);
        var displayName = DisplayName(fileName);
        if (displayName is null)
        {
            errors.Add(EvidenceField.File, EvidenceError.Required);
        }
        else if (declaredSize > EvidenceLimits.MaxBytes)
        {
            errors.Add(EvidenceField.File, EvidenceError.TooLarge);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Incidents.AnyAsync(i => i.Id == incidentId, cancellationToken))
        {
            return Result.NotFound();
        }

        if (errors.Count > 0)
        {
            return errors.ToFailure();
        }

        return await KeepFileAsync(db, NewEvidence(incidentId, EvidenceKind.File, title!, description, sharedWithCoops), displayName!, content, cancellationToken);
    }

    /// <summary>Stages the bytes, checks their signature, keeps the file and registers it; a refusal or failure leaves nothing.</summary>
    private async Task<Result<int>> KeepFileAsync(
        IncidentDeskDbContext db, EvidenceEntity evidence, string displayName, Stream content, CancellationToken cancellationToken)
    {
        StagedFile? staged;
        try
        {
            staged = await store.StageAsync(content, EvidenceLimits.MaxBytes, cancellationToken);
        }
        catch (IOException e) when (StorageFull.Is(e))
        {
            return RefusedForSpace(e); // the partial file was deleted by the store
        }

        if (staged is null)
        {
            return Result.Invalid(EvidenceField.File, EvidenceError.TooLarge, "Error.TooLarge");
        }

        string? storedName = null;
        try
        {
            FileCheck check;
            await using (var stream = EvidenceStore.OpenStaged(staged))
            {
                check = FileSignatures.Check(displayName, stream);
            }

            if (!check.Accepted)
            {
                store.Discard(staged);
                var code = EvidenceError.For(check.Verdict);
                return Result.Invalid(EvidenceField.File, code, $"Error.{code}");
            }

            storedName = store.Keep(staged);
            evidence.FileName = displayName;
            evidence.StoredName = storedName;
            evidence.ContentType = check.ContentType;
            evidence.SizeBytes = staged.SizeBytes;
            evidence.Sha256 = staged.Sha256;
            var details = $"Arquivo: {displayName} ({EvidenceFormat.Size(staged.SizeBytes, EvidenceFormat.PtBr)})\nSHA-256: {staged.Sha256}";
            return await SaveAsync(db, evidence, details, cancellationToken);
        }
        catch (Exception e)
        {
            // Whatever failed (signature read, move, database), the store keeps nothing the register does not list.
            store.Discard(staged);
            if (storedName is not null)
            {
                store.Delete(storedName);
            }

            if (StorageFull.Is(e))
            {
                return RefusedForSpace(e);
            }

            throw;
        }
    }

    /// <summary>The disk is full: nothing was kept, and the person is told it is the server's condition, not their file.</summary>
    private Failure RefusedForSpace(Exception e)
    {
        StorageFull.LogRefused(logger, e, $"evidence file into {store.Folder}");
        return Result.Invalid(EvidenceField.File, EvidenceError.StorageFull, $"Error.{EvidenceError.StorageFull}");
    }

    /// <summary>Keeps a link (absolute http or https address only); the new evidence's id. Officers only.</summary>
    public async Task<Result<int>> AddLinkAsync(
        int incidentId, string? title, string? description, bool sharedWithCoops, string? url, CancellationToken cancellationToken = default)
    {
        if (await ForbiddenUnlessOfficerAsync(incidentId, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        var errors = ValidateTexts(title, description);
        var address = CheckUrl(errors, url);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Incidents.AnyAsync(i => i.Id == incidentId, cancellationToken))
        {
            return Result.NotFound();
        }

        if (errors.Count > 0)
        {
            return errors.ToFailure();
        }

        var evidence = NewEvidence(incidentId, EvidenceKind.Link, title!, description, sharedWithCoops);
        evidence.Url = address;
        return await SaveAsync(db, evidence, $"Link: {address}", cancellationToken);
    }

    /// <summary>
    /// Opens a file for download when the caller may see it (null otherwise, and an attempt at an existing one is
    /// audited as denied). Each download is written to the audit trail. The caller disposes the stream.
    /// </summary>
    public async Task<EvidenceDownload?> OpenDownloadAsync(int incidentId, int evidenceId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var evidence = await db.Evidence.AsNoTracking()
            .Where(e => e.Id == evidenceId && e.IncidentId == incidentId && e.Kind == EvidenceKind.File)
            .FirstOrDefaultAsync(cancellationToken);
        if (evidence is null)
        {
            await audit.DeniedIfExistsAsync<EvidenceEntity>(evidenceId, cancellationToken);
            return null;
        }

        var stream = store.OpenRead(evidence.StoredName);
        if (stream is null)
        {
            LogMissingFile(logger, evidence.Id);
            return null;
        }

        try
        {
            await audit.AppendAsync(new AuditRecord(DownloadedAction, nameof(Evidence), Id(evidence.Id),
                JsonSerializer.Serialize(new { IncidentId = incidentId, evidence.FileName, evidence.Sha256 })), cancellationToken: cancellationToken);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }

        return new EvidenceDownload(stream, evidence.FileName ?? "evidencia", evidence.ContentType ?? "application/octet-stream",
            evidence.SizeBytes ?? stream.Length);
    }

    private async Task<Result<int>> SaveAsync(IncidentDeskDbContext db, EvidenceEntity evidence, string details, CancellationToken cancellationToken)
    {
        db.Evidence.Add(evidence);
        var sharing = evidence.CoopId is not null ? "a cooperativa que a entregou e os encarregados"
            : evidence.SharedWithCoops ? "compartilhada com as cooperativas envolvidas" : "restrita aos encarregados";
        db.TimelineEvents.Add(AutomaticEvents.Create(evidence.IncidentId, TimelineEventKind.Evidence, evidence.AddedAtUtc,
            $"Evidência adicionada: {evidence.Title}", $"{details}\nVisibilidade: {sharing}.", user.Name));
        await audit.SaveChangesAsync(db, AuditActions.EvidenceCreated, cancellationToken);
        await feed.PublishAsync(ChangeKind.Evidence, evidence.IncidentId, user, time, evidence.Id, evidence.CoopId, cancellationToken);
        return Result.Success(evidence.Id);
    }

    private EvidenceEntity NewEvidence(int incidentId, EvidenceKind kind, string title, string? description, bool shared) => new()
    {
        IncidentId = incidentId,
        Kind = kind,
        Title = title.Trim(),
        Description = FieldRules.Optional(description),
        SharedWithCoops = shared,
        AddedById = user.UserId,
        AddedBy = AutoEventText.Limit(user.Name, 256),
        AddedAtUtc = time.GetUtcNow().UtcDateTime,
    };

    private Task<Failure?> ForbiddenUnlessOfficerAsync(int incidentId, CancellationToken cancellationToken) =>
        audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Incident), Id(incidentId), cancellationToken);

    private static FieldErrors ValidateTexts(string? title, string? description)
    {
        var errors = new FieldErrors();
        FieldRules.Text(errors, EvidenceField.Title, title, EvidenceLimits.Title, required: true);
        FieldRules.Text(errors, EvidenceField.Description, description, EvidenceLimits.Description, required: false);
        return errors;
    }

    /// <summary>
    /// The name to show and to offer on download: only the last segment of whatever was sent (an API client could send
    /// "../../x"), without control characters, bounded. It is display text only; the file on disk has a random name.
    /// </summary>
    internal static string? DisplayName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        var last = fileName.Replace('\\', '/').Split('/')[^1];
        var clean = new string([.. last.Where(c => !char.IsControl(c))]).Trim();
        if (clean.Length == 0 || clean is "." or "..")
        {
            return null;
        }

        return clean.Length <= EvidenceLimits.FileName ? clean : clean[^EvidenceLimits.FileName..];
    }

    private static string CheckUrl(FieldErrors errors, string? url)
    {
        var address = url?.Trim() ?? "";
        if (address.Length == 0)
        {
            errors.Add(EvidenceField.Url, EvidenceError.Required);
        }
        else if (address.Length > EvidenceLimits.Url)
        {
            errors.Add(EvidenceField.Url, EvidenceError.TooLong, EvidenceLimits.Url);
        }
        else if (!IsWebAddress(address))
        {
            errors.Add(EvidenceField.Url, EvidenceError.InvalidUrl);
        }

        return address;
    }

    private static bool IsWebAddress(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host)
        && string.IsNullOrEmpty(uri.UserInfo);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Evidence {EvidenceId} is registered but its file is missing from the store")]
    private static partial void LogMissingFile(ILogger logger, int evidenceId);
}
