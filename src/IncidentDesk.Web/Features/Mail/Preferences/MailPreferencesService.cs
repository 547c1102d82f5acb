using System.Text.Json;
using IncidentDesk.Core.Mail;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Mail.Preferences;

/// <summary>A person's mail preferences.</summary>
public sealed record MailPreferences(MailDelivery Delivery, string Culture);

/// <summary>Whom an unsubscribe link names, and how mail reaches them now.</summary>
public sealed record UnsubscribeTarget(string Email, MailDelivery Delivery);

/// <summary>
/// Each person's own mail preferences (how non-critical mail reaches them, and its language), and the one-click
/// unsubscribe of RFC 8058, which works without signing in through the signed token of the mail's List-Unsubscribe link.
/// Every change is audited, the unsubscribe as the person it names.
/// </summary>
public sealed class MailPreferencesService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, FederationWideDb federationDb, CurrentUser user, AuditLog audit, MailOutbox outbox)
{
    public const string UnsubscribedAction = "Mail.Unsubscribed";

    public async Task<Result<MailPreferences>> GetAsync(CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.UserId is not null, "User", null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Id == user.UserId)
            .Select(u => new MailPreferences(u.MailDelivery, u.MailCulture ?? u.Culture ?? MailCultures.Portuguese))
            .FirstOrDefaultAsync(cancellationToken) is { } found
            ? Result.Success(found with { Culture = MailCultures.Resolve(found.Culture) })
            : Result.NotFound();
    }

    public async Task<Result> SaveAsync(MailPreferences preferences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        if (await audit.ForbiddenUnlessAsync(user.UserId is not null, "User", null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        var errors = new FieldErrors();
        if (!Enum.IsDefined(preferences.Delivery))
        {
            errors.Add(new FieldError(nameof(MailPreferences.Delivery), "UnknownDelivery", "Prefs.NotSaved"));
        }

        if (preferences.Culture is not (MailCultures.Portuguese or MailCultures.English))
        {
            errors.Add(new FieldError(nameof(MailPreferences.Culture), "UnknownCulture", "Prefs.NotSaved"));
        }

        if (errors.Count > 0)
        {
            return errors.ToFailure();
        }

        var id = user.UserId!;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (account is null)
        {
            return Result.NotFound();
        }

        if (account.MailDelivery != preferences.Delivery || account.MailCulture != preferences.Culture)
        {
            account.MailDelivery = preferences.Delivery;
            account.MailCulture = preferences.Culture;
            await audit.SaveChangesAsync(db, new AuditRecord(AuditActions.PreferencesChanged, "User", id,
                JsonSerializer.Serialize(new { MailDelivery = preferences.Delivery.ToString(), MailCulture = preferences.Culture })),
                cancellationToken: cancellationToken);
        }

        return Result.Success();
    }

    /// <summary>Who an unsubscribe link names, and their current choice; not found for a forged or foreign link.</summary>
    public async Task<Result<UnsubscribeTarget>> ReadTokenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (outbox.UserOfUnsubscribeToken(token) is not { } userId)
        {
            return Result.NotFound();
        }

        // Anonymous on purpose (the link works from a mail client): the signed token decides whose preference it is.
        await using var db = await federationDb.CreateDbContextAsync(cancellationToken);
        var found = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive)
            .Select(u => new { u.Email, u.MailDelivery }).FirstOrDefaultAsync(cancellationToken);
        return found?.Email is null ? Result.NotFound() : Result.Success(new UnsubscribeTarget(found.Email, found.MailDelivery));
    }

    /// <summary>Stops the person's non-critical mail; not found for a forged or foreign link.</summary>
    public async Task<Result> UnsubscribeAsync(string? token, string? clientIp, CancellationToken cancellationToken = default)
    {
        if (outbox.UserOfUnsubscribeToken(token) is not { } userId)
        {
            return Result.NotFound();
        }

        await using var db = await federationDb.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.IsActive, cancellationToken);
        if (account is null)
        {
            return Result.NotFound();
        }

        if (account.MailDelivery != MailDelivery.Off)
        {
            var before = account.MailDelivery;
            account.MailDelivery = MailDelivery.Off;
            await audit.SaveChangesAsync(db, new AuditRecord(UnsubscribedAction, "User", userId,
                JsonSerializer.Serialize(new { MailDelivery = new { from = before.ToString(), to = nameof(MailDelivery.Off) } })),
                new AuditActor(userId, account.Email ?? userId, clientIp), cancellationToken);
        }

        return Result.Success();
    }
}
