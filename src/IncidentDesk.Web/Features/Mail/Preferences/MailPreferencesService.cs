using System.Text.Json;
using IncidentDesk.Core.Mail;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Mail.Preferences;

/// <summary>A person's mail preferences.</summary>
public sealed record MailPreferences(MailDelivery Delivery, string Culture);

/// <summary>
/// Each person's own mail preferences (how non-critical mail reaches them, and its language), and the one-click
/// unsubscribe of RFC 8058, which works without signing in through the signed token of the mail's List-Unsubscribe link.
/// Every change is audited, the unsubscribe as the person it names.
/// </summary>
public sealed class MailPreferencesService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, FederationWideDb federationDb, CurrentUser user, AuditLog audit, MailOutbox outbox)
{
    public const string UnsubscribedAction = "Mail.Unsubscribed";

    public async Task<MailPreferences?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (user.UserId is not { } id)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new MailPreferences(u.MailDelivery, u.MailCulture ?? u.Culture ?? MailCultures.Portuguese))
            .FirstOrDefaultAsync(cancellationToken) is { } found ? found with { Culture = MailCultures.Resolve(found.Culture) } : null;
    }

    public async Task<bool> SaveAsync(MailPreferences preferences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        if (user.UserId is not { } id || !Enum.IsDefined(preferences.Delivery)
            || preferences.Culture is not (MailCultures.Portuguese or MailCultures.English))
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (account is null)
        {
            return false;
        }

        if (account.MailDelivery != preferences.Delivery || account.MailCulture != preferences.Culture)
        {
            account.MailDelivery = preferences.Delivery;
            account.MailCulture = preferences.Culture;
            await audit.SaveChangesAsync(db, new AuditRecord(AuditActions.PreferencesChanged, "User", id,
                JsonSerializer.Serialize(new { MailDelivery = preferences.Delivery.ToString(), MailCulture = preferences.Culture })),
                cancellationToken: cancellationToken);
        }

        return true;
    }

    /// <summary>Who an unsubscribe link names, and their current choice; null for a forged or foreign link.</summary>
    public async Task<(string Email, MailDelivery Delivery)?> ReadTokenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (outbox.UserOfUnsubscribeToken(token) is not { } userId)
        {
            return null;
        }

        // Anonymous on purpose (the link works from a mail client): the signed token decides whose preference it is.
        await using var db = await federationDb.CreateDbContextAsync(cancellationToken);
        var found = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive)
            .Select(u => new { u.Email, u.MailDelivery }).FirstOrDefaultAsync(cancellationToken);
        return found?.Email is null ? null : (found.Email, found.MailDelivery);
    }

    /// <summary>Stops the person's non-critical mail; false for a forged or foreign link.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, string? clientIp, CancellationToken cancellationToken = default)
    {
        if (outbox.UserOfUnsubscribeToken(token) is not { } userId)
        {
            return false;
        }

        await using var db = await federationDb.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.IsActive, cancellationToken);
        if (account is null)
        {
            return false;
        }

        if (account.MailDelivery != MailDelivery.Off)
        {
            var before = account.MailDelivery;
            account.MailDelivery = MailDelivery.Off;
            await audit.SaveChangesAsync(db, new AuditRecord(UnsubscribedAction, "User", userId,
                JsonSerializer.Serialize(new { MailDelivery = new { from = before.ToString(), to = nameof(MailDelivery.Off) } })),
                new AuditActor(userId, account.Email ?? userId, clientIp), cancellationToken);
        }

        return true;
    }
}
