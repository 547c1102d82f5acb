using System.Text.Json;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Data.Identity;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Coops;
using IncidentDesk.Web.Features.Mail;
using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.Web.Features.Admin.Onboarding;

/// <summary>
/// Bulk onboarding: an officer invites a liaison for every co-op the directory's filters select that has none, by its
/// encarregado's e-mail or by a <c>code;name;email</c> file, after a preview of what would happen. Confirming writes every
/// invitation and its mail in one transaction: all of them or, on any problem, none. Expired invitations can be renewed and
/// mailed again in bulk the same way.
/// </summary>
public sealed class OnboardingService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CoopDirectoryService directory, CurrentUser user, AuditLog audit,
    TimeProvider time, InvitationMails mails, ILookupNormalizer normalizer)
{
    public const string BulkCreatedAction = "Invitation.BulkCreated";
    public const string BulkResentAction = "Invitation.BulkResent";

    /// <summary>The refused field of a file that does not pass: the uploaded CSV.</summary>
    public const string CsvField = "Csv";

    public async Task<Result<OnboardingPreview>> PreviewAsync(OnboardingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, AdminAudit.InvitationEntity, null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return Result.Success(await ComputeAsync(db, request, cancellationToken));
    }

    /// <summary>Invites every co-op the preview calls new; the number invited, or why nothing was.</summary>
    public async Task<Result<int>> InviteAsync(OnboardingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, AdminAudit.InvitationEntity, null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var preview = await ComputeAsync(db, request, cancellationToken);
        if (preview.Errors.Count > 0)
        {
            return Result.Invalid(CsvField, "FileRefused", "Onboarding.FileRefused");
        }

        var lines = preview.Lines.Where(x => x.Outcome == OnboardingOutcome.New).ToList();
        if (lines.Count == 0)
        {
            return Result.Invalid("", "NothingNew", "Onboarding.NothingNew");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var invited = lines.Select(x => (Line: x, Token: AccessTokenSecrets.NewSecret())).Select(x => (x.Line, x.Token, Invitation: new Invitation
        {
            Email = x.Line.Email!, Role = AppRoles.CoopLiaison, CoopId = x.Line.CoopId, TokenHash = AccessTokenSecrets.Hash(x.Token),
            CreatedAtUtc = now, ExpiresAtUtc = now + InvitationService.Validity, InvitedByUserId = user.UserId ?? user.Name,
        })).ToList();
        await using (var transaction = await audit.BeginTransactionAsync(db, cancellationToken))
        {
            db.Invitations.AddRange(invited.Select(x => x.Invitation));
            await audit.SaveChangesAsync(db, new AuditRecord(BulkCreatedAction, AdminAudit.InvitationEntity, null, JsonSerializer.Serialize(new
            {
                Count = invited.Count, Source = request.Source.ToString(), request.Filters.Uf, request.Filters.Federation, request.Filters.Text,
                Involvement = request.Filters.Involvement.ToString(), Invited = invited.Select(x => new { x.Line.CoopCode, x.Line.Email }),
            })), cancellationToken: cancellationToken);
            await mails.QueueAsync(db, [.. invited.Select(x => new InvitationToMail(x.Invitation, x.Token, x.Line.Name, x.Line.CoopCode, x.Line.CoopName))],
                InvitationService.AcceptPath, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        mails.Wake();
        return Result.Success(invited.Count);
    }

    /// <summary>Expired invitations that a renewal would mail again (their address has no account meanwhile).</summary>
    public async Task<Result<int>> ExpiredCountAsync(CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, AdminAudit.InvitationEntity, null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return Result.Success((await ExpiredAsync(db, cancellationToken)).Count);
    }

    /// <summary>Every expired invitation gets a new link and 72 h, and its mail; the old links stay dead.</summary>
    public async Task<Result<int>> ResendExpiredAsync(CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, AdminAudit.InvitationEntity, null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var expired = await ExpiredAsync(db, cancellationToken);
        if (expired.Count == 0)
        {
            return Result.Invalid("", "NoneExpired", "Onboarding.NoneExpired");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var coopIds = expired.Where(i => i.CoopId != null).Select(i => i.CoopId!.Value).Distinct().ToList();
        var coops = await db.Coops.AsNoTracking().Where(c => coopIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => (c.Code, c.Name), cancellationToken);
        var renewed = expired.Select(i =>
        {
            var token = AccessTokenSecrets.NewSecret();
            i.TokenHash = AccessTokenSecrets.Hash(token);
            i.ExpiresAtUtc = now + InvitationService.Validity;
            var coop = i.CoopId is { } id && coops.TryGetValue(id, out var c) ? c : default;
            return new InvitationToMail(i, token, null, coop.Code, coop.Name);
        }).ToList();
        await using (var transaction = await audit.BeginTransactionAsync(db, cancellationToken))
        {
            await audit.SaveChangesAsync(db, new AuditRecord(BulkResentAction, AdminAudit.InvitationEntity, null,
                JsonSerializer.Serialize(new { Count = renewed.Count, Ids = renewed.Select(r => r.Invitation.Id) })), cancellationToken: cancellationToken);
            await mails.QueueAsync(db, renewed, InvitationService.AcceptPath, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        mails.Wake();
        return Result.Success(renewed.Count);
    }

    private async Task<List<Invitation>> ExpiredAsync(IncidentDeskDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expired = await db.Invitations.Where(i => i.AcceptedAtUtc == null && i.RevokedAtUtc == null && i.ExpiresAtUtc <= now)
            .ToListAsync(cancellationToken);
        var taken = await TakenAddressesAsync(db, expired.Select(i => i.Email), cancellationToken);
        return [.. expired.Where(i => !taken.Contains(i.Email.ToLowerInvariant()))];
    }

    private async Task<OnboardingPreview> ComputeAsync(IncidentDeskDbContext db, OnboardingRequest request, CancellationToken cancellationToken)
    {
        var f = request.Filters;
        var selected = (await directory.SearchAsync(new CoopQuery(f.Text, f.Uf, PageSize: CoopDirectoryService.MaxPageSize,
            Federation: f.Federation, Involvement: f.Involvement), cancellationToken)).Rows.Where(c => c.IsActive).ToList();
        Dictionary<string, OnboardingCsvLine> fromFile = [];
        if (request.Source == OnboardingSource.CsvFile)
        {
            var known = (await db.Coops.AsNoTracking().Select(c => c.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var (lines, errors) = OnboardingCsv.Read(request.Csv ?? [], known, selected.Select(c => c.Code).ToHashSet(StringComparer.Ordinal));
            if (errors.Count > 0)
            {
                return new OnboardingPreview([], errors);
            }

            fromFile = lines.ToDictionary(x => x.Code, StringComparer.Ordinal);
        }

        var ids = selected.Select(c => c.Id).ToList();
        var withLiaison = (await MailRecipientsQuery.CoopsWithLiaisonAsync(db, ids, cancellationToken)).ToHashSet();
        var now = time.GetUtcNow().UtcDateTime;
        var open = await db.Invitations.AsNoTracking().Where(i => i.AcceptedAtUtc == null && i.RevokedAtUtc == null && i.ExpiresAtUtc > now)
            .Select(i => new { i.CoopId, i.Email }).ToListAsync(cancellationToken);
        var pendingCoops = open.Where(i => i.CoopId != null).Select(i => i.CoopId!.Value).ToHashSet();
        var addressOf = selected.ToDictionary(c => c.Id, c => request.Source == OnboardingSource.CsvFile
            ? fromFile.TryGetValue(c.Code, out var line) ? (line.Email, (string?)line.Name) : (null, null)
            : (InvitationService.ParseEmail(c.EncarregadoEmail), (string?)c.EncarregadoName));
        var taken = await TakenAddressesAsync(db, addressOf.Values.Select(a => a.Item1).OfType<string>(), cancellationToken);
        taken.UnionWith(open.Select(i => i.Email.ToLowerInvariant()));
        var chosen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<OnboardingLine>(selected.Count);
        foreach (var coop in selected.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            var (email, name) = addressOf[coop.Id];
            var outcome = withLiaison.Contains(coop.Id) ? OnboardingOutcome.HasLiaison
                : pendingCoops.Contains(coop.Id) ? OnboardingOutcome.Pending
                : email is null ? OnboardingOutcome.NoEmail
                : taken.Contains(email.ToLowerInvariant()) || !chosen.Add(email) ? OnboardingOutcome.EmailInUse
                : OnboardingOutcome.New;
            result.Add(new OnboardingLine(coop.Id, coop.Code, coop.Name, email, name, outcome));
        }

        return new OnboardingPreview(result, []);
    }

    /// <summary>Addresses (lower-case) that already belong to an account.</summary>
    private async Task<HashSet<string>> TakenAddressesAsync(IncidentDeskDbContext db, IEnumerable<string> emails, CancellationToken cancellationToken)
    {
        var normalized = emails.Select(e => normalizer.NormalizeEmail(e)).Distinct().ToList();
        var existing = await db.Users.AsNoTracking().Where(u => normalized.Contains(u.NormalizedEmail!)).Select(u => u.Email!)
            .ToListAsync(cancellationToken);
        return existing.Select(e => e.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
    }
}
