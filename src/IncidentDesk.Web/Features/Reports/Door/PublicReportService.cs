using IncidentDesk.Core.Common;
using IncidentDesk.Core.Reports;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Outcomes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Reports.Door;

/// <summary>
/// The anonymous side of outside reports: receiving one from the public form and showing its status to whoever holds its
/// follow-up code. Nobody is signed in here, so the work runs federation-wide (<see cref="FederationWideDb"/>), but it
/// only ever inserts a report or a reply and reads the one report whose code was given; every write is audited under the
/// report's reference, never under the visitor's address.
/// </summary>
public sealed class PublicReportService(
    FederationWideDb federationDb, AuditLog audit, TimeProvider time, IOptions<DisclosureOptions> options, ProofOfWork pow,
    IDataProtectionProvider protection, IMemoryCache cache)
{
    public const int MaxRepliesPerReport = 50;
    private const int ReferenceAttempts = 5;

    // One insert at a time in this process: the hourly cap is then exact here and sequences never collide between this
    // process's own requests (a flood arrives in parallel); another instance's race is left to the unique index and a retry.
    private static readonly SemaphoreSlim InsertGate = new(1, 1);
    private readonly ITimeLimitedDataProtector _stamps =
        protection.CreateProtector("IncidentDesk.Reports.FormStarted").ToTimeLimitedDataProtector();

    /// <summary>A signed note of when the form was opened; it survives re-renders so fixing one field is not "too fast".</summary>
    public string NewFormStamp() =>
        _stamps.Protect(time.GetUtcNow().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan.FromMinutes(Math.Max(1, options.Value.ChallengeLifetimeMinutes)));

    /// <summary>The stamp as posted when it is one of ours and still valid; a fresh one otherwise.</summary>
    public string KeepFormStamp(string? posted) => StartedAt(posted) is null ? NewFormStamp() : posted!;

    /// <summary>The co-ops' public names for the optional pick (cached: the directory changes rarely, the form is public).</summary>
    public Task<IReadOnlyList<PublicCoop>> CoopNamesAsync(CancellationToken cancellationToken = default) =>
        cache.GetOrCreateAsync<IReadOnlyList<PublicCoop>>("reports:coop-names", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            await using var db = await federationDb.CreateDbContextAsync(cancellationToken);
            return await db.Coops.AsNoTracking().OrderBy(c => c.Name).Select(c => new PublicCoop(c.Id, c.Name, c.Uf)).ToListAsync(cancellationToken);
        })!;

    /// <summary>
    /// Receives a report: the anti-abuse checks (honeypot, minimum fill time, proof-of-work), then the fields, then the
    /// desk-wide hourly cap. Refusals store nothing; the reporter keeps what they typed.
    /// </summary>
    public async Task<Result<SubmittedReport>> SubmitAsync(ReportInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!string.IsNullOrEmpty(input.Website) || StartedAt(input.Started) is not { } started)
        {
            return Result.Invalid(ReportField.Verification, ReportError.Rejected, "Error.Rejected");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (now - started < TimeSpan.FromSeconds(options.Value.MinimumFillSeconds))
        {
            return Result.Invalid(ReportField.Verification, ReportError.TooFast, "Error.TooFast");
        }

        switch (pow.Check(input.Altcha))
        {
            case PowVerdict.Valid:
                break;
            case PowVerdict.Missing:
                return Result.Invalid(ReportField.Verification, ReportError.ChallengeMissing, "Error.ChallengeMissing");
            default:
                return Result.Invalid(ReportField.Verification, ReportError.ChallengeFailed, "Error.ChallengeFailed");
        }

        await using var db = await federationDb.CreateDbContextAsync(cancellationToken);
        var errors = await ValidateAsync(db, input, now, cancellationToken);
        if (errors.Count > 0)
        {
            return errors.ToFailure();
        }

        await InsertGate.WaitAsync(cancellationToken);
        try
        {
            var hourAgo = now.AddHours(-1);
            if (await db.SecurityReports.CountAsync(r => r.ReceivedAtUtc >= hourAgo, cancellationToken) >= options.Value.ReportsPerHour)
            {
                return Result.ConflictWith(ReportError.Busy, "Error.Busy");
            }

            // Accepted once: the same solved challenge cannot carry a second report.
            if (pow.Consume(input.Altcha) != PowVerdict.Valid)
            {
                return Result.Invalid(ReportField.Verification, ReportError.ChallengeFailed, "Error.ChallengeFailed");
            }

            var code = FollowUpCode.New();
            var year = Brasilia.Day(now).Year;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var reference = await InsertAsync(db, input, code, year, now, cancellationToken);
                    return Result.Success(new SubmittedReport(reference, code));
                }
                catch (DbUpdateException) when (attempt < ReferenceAttempts)
                {
                    // Another instance took the same sequence a moment earlier (unique index): take the next one.
                    db.ChangeTracker.Clear();
                }
                catch (DbUpdateException)
                {
                    // Still colliding: the desk is too busy right now; the reporter keeps the text and tries again.
                    return Result.ConflictWith(ReportError.Busy, "Error.Busy");
                }
            }
        }
        finally
        {
            InsertGate.Release();
        }
    }

    /// <summary>The report a follow-up code opens; a wrong code is "not found" and says nothing more.</summary>
    public async Task<Result<ReportStatusView>> StatusAsync(string? code, CancellationToken cancellationToken = default)
    {
        if (FollowUpCode.Hash(code) is not { } hash)
        {
            return Result.Invalid(ReportField.Code, ReportError.CodeUnknown, "Error.CodeUnknown");
        }

        await using var db = await federationDb.CreateDbContextAsync(cancellationToken);
        var report = await db.SecurityReports.AsNoTracking().Include(r => r.Messages)
            .FirstOrDefaultAsync(r => r.FollowUpCodeHash == hash, cancellationToken);
        return report is null
            ? Result.Invalid(ReportField.Code, ReportError.CodeUnknown, "Error.CodeUnknown")
            : Result.Success(ToView(report));
    }

    /// <summary>Adds the reporter's reply to the thread officers read in the inbox.</summary>
    public async Task<Result<ReportStatusView>> ReplyAsync(string? code, string? message, CancellationToken cancellationToken = default)
    {
        if (FollowUpCode.Hash(code) is not { } hash)
        {
            return Result.Invalid(ReportField.Code, ReportError.CodeUnknown, "Error.CodeUnknown");
        }

        await using var db = await federationDb.CreateDbContextAsync(cancellationToken);
        var report = await db.SecurityReports.Include(r => r.Messages).FirstOrDefaultAsync(r => r.FollowUpCodeHash == hash, cancellationToken);
        if (report is null)
        {
            return Result.Invalid(ReportField.Code, ReportError.CodeUnknown, "Error.CodeUnknown");
        }

        var body = message?.Trim() ?? "";
        if (body.Length == 0)
        {
            return Result.Invalid(ReportField.Message, ReportError.Required, "Error.Required");
        }

        if (body.Length > SecurityReportMessage.BodyMax)
        {
            return Result.Invalid(ReportField.Message, ReportError.TooLong, "Error.TooLong", SecurityReportMessage.BodyMax);
        }

        if (report.Messages.Count(m => m.FromReporter) >= MaxRepliesPerReport)
        {
            return Result.ConflictWith(ReportError.ThreadFull, "Error.ThreadFull");
        }

        var now = time.GetUtcNow().UtcDateTime;
        report.Messages.Add(new SecurityReportMessage { FromReporter = true, Body = body, SentAtUtc = now });
        report.UpdatedAtUtc = now;
        await audit.SaveChangesAsync(db, actor: ReporterActor(report.Reference), cancellationToken: cancellationToken);
        return Result.Success(ToView(report));
    }

    /// <summary>The audit trail's name for an anonymous reporter: their report, not their address (which is personal data).</summary>
    public static AuditActor ReporterActor(string reference) => new(null, $"reporter:{reference}");

    private async Task<string> InsertAsync(
        IncidentDeskDbContext db, ReportInput input, string code, int year, DateTime now, CancellationToken cancellationToken)
    {
        var last = await db.SecurityReports.Where(r => r.Year == year).MaxAsync(r => (int?)r.Sequence, cancellationToken) ?? 0;
        var reference = SecurityReport.FormatReference(year, last + 1);
        db.SecurityReports.Add(new SecurityReport
        {
            Year = year,
            Sequence = last + 1,
            Reference = reference,
            ReceivedAtUtc = now,
            UpdatedAtUtc = now,
            Status = SecurityReportStatus.Received,
            Finding = input.Finding!.Trim(),
            Target = input.Target!.Trim(),
            CoopId = input.CoopId,
            HowFound = Optional(input.HowFound),
            FoundOn = input.FoundOn,
            ProofOfConcept = Optional(input.ProofOfConcept),
            DataAccessed = input.DataAccessed,
            OthersInformed = Optional(input.OthersInformed),
            PlannedDisclosureOn = input.PlannedDisclosureOn,
            Sharing = input.Sharing,
            ReporterName = Optional(input.ReporterName),
            ReporterOrganisation = Optional(input.ReporterOrganisation),
            ReporterEmail = Optional(input.ReporterEmail),
            ConsentToContact = input.ConsentToContact && Optional(input.ReporterEmail) is not null,
            WantsCredit = input.WantsCredit,
            FollowUpCodeHash = FollowUpCode.Hash(code)!,
        });
        await audit.SaveChangesAsync(db, actor: ReporterActor(reference), cancellationToken: cancellationToken);
        return reference;
    }

    private static async Task<FieldErrors> ValidateAsync(IncidentDeskDbContext db, ReportInput input, DateTime now, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        Text(errors, ReportField.Finding, input.Finding, SecurityReport.FindingMax, required: true);
        Text(errors, ReportField.Target, input.Target, SecurityReport.TargetMax, required: true);
        Text(errors, ReportField.HowFound, input.HowFound, SecurityReport.HowFoundMax, required: false);
        Text(errors, ReportField.ProofOfConcept, input.ProofOfConcept, SecurityReport.ProofMax, required: false);
        Text(errors, ReportField.OthersInformed, input.OthersInformed, SecurityReport.OthersInformedMax, required: false);
        Text(errors, ReportField.ReporterName, input.ReporterName, SecurityReport.NameMax, required: false);
        Text(errors, ReportField.ReporterOrganisation, input.ReporterOrganisation, SecurityReport.NameMax, required: false);
        Text(errors, ReportField.ReporterEmail, input.ReporterEmail, SecurityReport.EmailMax, required: false);
        if (!errors.Has(ReportField.ReporterEmail) && Optional(input.ReporterEmail) is { } email && !LooksLikeEmail(email))
        {
            errors.Add(ReportField.ReporterEmail, ReportError.InvalidEmail);
        }

        if (input.ConsentToContact && Optional(input.ReporterEmail) is null)
        {
            errors.Add(ReportField.ConsentToContact, ReportError.EmailNeeded);
        }

        var today = Brasilia.Day(now);
        if (input.FoundOn is { } found && (found > today || found.Year < 2000))
        {
            errors.Add(ReportField.FoundOn, found > today ? ReportError.InFuture : ReportError.OutOfRange);
        }

        if (input.PlannedDisclosureOn is { } planned && (planned < today.AddYears(-1) || planned > today.AddYears(5)))
        {
            errors.Add(ReportField.PlannedDisclosureOn, ReportError.OutOfRange);
        }

        if (!Enum.IsDefined(input.DataAccessed))
        {
            errors.Add(ReportField.DataAccessed, ReportError.Unknown);
        }

        if (!Enum.IsDefined(input.Sharing))
        {
            errors.Add(ReportField.Sharing, ReportError.Unknown);
        }

        if (input.CoopId is { } coopId && !await db.Coops.AnyAsync(c => c.Id == coopId, cancellationToken))
        {
            errors.Add(ReportField.CoopId, ReportError.Unknown);
        }

        return errors;
    }

    private static ReportStatusView ToView(SecurityReport report) => new(
        report.Reference, report.ReceivedAtUtc, report.Status,
        [.. report.Messages.OrderBy(m => m.SentAtUtc).ThenBy(m => m.Id).Select(m => new ThreadMessage(m.FromReporter, m.Body, m.SentAtUtc))],
        report.Messages.Count(m => m.FromReporter) < MaxRepliesPerReport);

    private DateTime? StartedAt(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp) || stamp.Length > 1024)
        {
            return null;
        }

        try
        {
            return long.TryParse(_stamps.Unprotect(stamp), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
                ? new DateTime(ticks, DateTimeKind.Utc)
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static bool LooksLikeEmail(string value) =>
        System.Net.Mail.MailAddress.TryCreate(value, out var address) && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal);

    private static void Text(FieldErrors errors, string field, string? value, int max, bool required) =>
        Incidents.FieldRules.Text(errors, field, value, max, required);

    private static string? Optional(string? value) => Incidents.FieldRules.Optional(value);
}
