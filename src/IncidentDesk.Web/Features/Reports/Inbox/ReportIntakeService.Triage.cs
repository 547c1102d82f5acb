using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Reports;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Intake;
using IncidentDesk.Web.Outcomes;
using Microsoft.EntityFrameworkCore;
using EvidenceEntity = IncidentDesk.Core.Incidents.Evidence;

namespace IncidentDesk.Web.Features.Reports.Inbox;

public sealed partial class ReportIntakeService
{
    /// <summary>
    /// Registers a new incident from the report (source "security researcher", the reporter's details and text carried over,
    /// the report's receipt proposed as the federation's knowledge time) and keeps the report as its evidence with its
    /// SHA-256 — the incident, the evidence, the timeline entry and the report's link in one transaction.
    /// </summary>
    public async Task<Result<RegisteredIncident>> PromoteAsync(int id, PromoteChoice choice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(choice);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(SecurityReport), Id(id), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        SecurityReport? report;
        string? coopName;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            report = await db.SecurityReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
            coopName = report?.CoopId is { } coopId ? await db.Coops.Where(c => c.Id == coopId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) : null;
        }

        if (report is null)
        {
            return Result.NotFound();
        }

        if (Unlinkable(report) is { } refused)
        {
            return refused;
        }

        var draft = new IncidentFormModel
        {
            Source = ReportSource.SecurityResearcher,
            Title = choice.Title,
            Summary = report.Finding,
            AffectedSystems = report.Target,
            Severity = choice.Severity,
            ReporterName = report.ReporterName,
            ReporterOrganisation = report.ReporterOrganisation,
            ReporterContact = report.ReporterEmail,
            ReportedAtLocal = ReportDocument.ReceivedLocal(report),
            KnowledgeAtLocal = ReportDocument.ReceivedLocal(report),
            DiscoveredAt = report.FoundOn is { } found && Brasilia.StartOfDayUtc(found) <= report.ReceivedAtUtc
                ? new PartialDateInput(found.Year, found.Month, found.Day, null, TimePrecision.Day)
                : null,
        };
        var document = ReportDocument.Render(report, coopName);
        var stored = await StoreAsync(document, cancellationToken);
        var created = await register.CreateAsync(draft, (db, incident, ct) => LinkAsync(db, id, incident.Id, document, stored, promoted: true, ct), cancellationToken);
        if (!created.Succeeded)
        {
            store.Delete(stored);
        }
        else
        {
            await NotifyAsync(report, cancellationToken);
        }

        return created;
    }

    /// <summary>Ties the report to an incident already registered (a second researcher reporting the same exposure).</summary>
    public async Task<Result> AttachAsync(int id, string? incidentReference, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(SecurityReport), Id(id), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await db.SecurityReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return Result.NotFound();
        }

        var reference = incidentReference?.Trim().ToUpperInvariant() ?? "";
        var incidentId = await db.Incidents.Where(i => i.Reference == reference).Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken);
        if (incidentId is null)
        {
            return Result.Invalid(InboxField.Incident, "Unknown", "Error.IncidentUnknown");
        }

        if (Unlinkable(report) is { } refused)
        {
            return refused;
        }

        var coopName = report.CoopId is { } coopId ? await db.Coops.Where(c => c.Id == coopId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var document = ReportDocument.Render(report, coopName);
        var stored = await StoreAsync(document, cancellationToken);
        try
        {
            await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);
            await LinkAsync(db, id, incidentId.Value, document, stored, promoted: false, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            store.Delete(stored);
            throw;
        }

        await NotifyAsync(report, cancellationToken);
        return Result.Success();
    }

    private static Failure? Unlinkable(SecurityReport report) =>
        report.IncidentId is not null ? Result.ConflictWith(InboxConflict.AlreadyLinked, "Conflict.AlreadyLinked")
        : report.Status == SecurityReportStatus.NotAccepted ? Result.ConflictWith(InboxConflict.Closed, "Conflict.Closed")
        : null;

    /// <summary>The report, its evidence on the incident and the timeline entry, saved through the audit trail in the caller's transaction.</summary>
    private async Task LinkAsync(
        IncidentDeskDbContext db, int reportId, int incidentId, byte[] document, string storedName, bool promoted, CancellationToken cancellationToken)
    {
        var report = await db.SecurityReports.SingleAsync(r => r.Id == reportId, cancellationToken);
        if (report.IncidentId is not null)
        {
            throw new DbUpdateConcurrencyException("The report was tied to an incident meanwhile.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        report.IncidentId = incidentId;
        report.Status = SecurityReportStatus.UnderInvestigation;
        Answered(report, now);
        var sha = ReportDocument.Sha256(document);
        db.Evidence.Add(new EvidenceEntity
        {
            IncidentId = incidentId,
            Kind = EvidenceKind.File,
            Title = ReportRecordText.EvidenceTitle(report.Reference),
            Description = ReportRecordText.EvidenceDescription(report.ReceivedAtUtc),
            FileName = $"{report.Reference}.txt",
            StoredName = storedName,
            ContentType = "text/plain; charset=utf-8",
            SizeBytes = document.Length,
            Sha256 = sha,
            SharedWithCoops = false,
            AddedById = user.UserId,
            AddedBy = user.Name,
            AddedAtUtc = now,
        });
        db.TimelineEvents.Add(AutomaticEvents.Create(incidentId, TimelineEventKind.Evidence, now,
            promoted ? ReportRecordText.Promoted(report.Reference) : ReportRecordText.Attached(report.Reference),
            ReportRecordText.KeptAsEvidence(sha), user.Name));
        await audit.SaveChangesAsync(db, cancellationToken: cancellationToken);
    }

    private async Task<string> StoreAsync(byte[] document, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(document, writable: false);
        var staged = await store.StageAsync(content, document.Length, cancellationToken)
            ?? throw new InvalidOperationException("The report document could not be staged.");
        return store.Keep(staged);
    }
}

/// <summary>What the incident's record says about outside reports, in pt-BR like every automatic timeline entry.</summary>
public static class ReportRecordText
{
    public static string Promoted(string reference) => $"Incidente aberto a partir do relato externo {reference}";

    public static string Attached(string reference) => $"Relato externo {reference} anexado ao incidente";

    public static string KeptAsEvidence(string sha256) => $"Relato guardado como evidência (SHA-256 {sha256}).";

    public static string EvidenceTitle(string reference) => $"Relato externo {reference}";

    public static string EvidenceDescription(DateTime receivedUtc) =>
        $"Texto recebido pelo formulário público em {(receivedUtc + PartialDate.BrasiliaOffset).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)} (Brasília).";

    public static string Step(string reference, SecurityReportStatus status) => status switch
    {
        SecurityReportStatus.Resolved => $"Relato externo {reference}: pesquisador informado da resolução",
        SecurityReportStatus.NotAccepted => $"Relato externo {reference}: não aceito",
        _ => $"Relato externo {reference}: mensagem ao pesquisador",
    };
}
