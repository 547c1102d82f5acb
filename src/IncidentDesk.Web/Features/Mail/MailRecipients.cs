using IncidentDesk.Core.Mail;
using IncidentDesk.Data;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Mail;

/// <summary>Who the desk mails: active liaisons by co-op and active privacy officers, with their mail preferences.</summary>
internal static class MailRecipients
{
    public static async Task<ILookup<int, MailRecipient>> LiaisonsAsync(
        IncidentDeskDbContext db, IReadOnlyCollection<int>? coopIds, CancellationToken cancellationToken)
    {
        var rows = await InRole(db, AppRoles.CoopLiaison)
            .Where(u => u.CoopId != null && (coopIds == null || coopIds.Contains(u.CoopId.Value)))
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.MailDelivery, u.MailCulture, u.Culture, u.CoopId })
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Email is not null).OrderBy(r => r.Email, StringComparer.Ordinal).ToLookup(r => r.CoopId!.Value,
            r => new MailRecipient(r.Id, r.Email!, r.DisplayName, r.MailDelivery, MailCultures.Resolve(r.MailCulture ?? r.Culture), r.CoopId));
    }

    public static async Task<IReadOnlyList<MailRecipient>> OfficersAsync(IncidentDeskDbContext db, CancellationToken cancellationToken)
    {
        var rows = await InRole(db, AppRoles.PrivacyOfficer)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.MailDelivery, u.MailCulture, u.Culture })
            .ToListAsync(cancellationToken);
        return [.. rows.Where(r => r.Email is not null).OrderBy(r => r.Email, StringComparer.Ordinal)
            .Select(r => new MailRecipient(r.Id, r.Email!, r.DisplayName, r.MailDelivery, MailCultures.Resolve(r.MailCulture ?? r.Culture)))];
    }

    /// <summary>The co-ops among <paramref name="coopIds"/> with no active liaison: no mail of the desk reaches anyone there.</summary>
    public static async Task<IReadOnlySet<int>> UnreachableAsync(
        IncidentDeskDbContext db, IReadOnlyCollection<int> coopIds, CancellationToken cancellationToken)
    {
        var reachable = await InRole(db, AppRoles.CoopLiaison).Where(u => u.CoopId != null && coopIds.Contains(u.CoopId.Value))
            .Select(u => u.CoopId!.Value).Distinct().ToListAsync(cancellationToken);
        return coopIds.Except(reachable).ToHashSet();
    }

    private static IQueryable<Data.Identity.AppUser> InRole(IncidentDeskDbContext db, string role) =>
        from u in db.Users.AsNoTracking()
        where u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role))
        select u;
}

/// <summary>Which co-ops have an active liaison, for features outside mail (bulk onboarding).</summary>
public static class MailRecipientsQuery
{
    public static async Task<IReadOnlyList<int>> CoopsWithLiaisonAsync(
        IncidentDeskDbContext db, IReadOnlyCollection<int> coopIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var unreachable = await MailRecipients.UnreachableAsync(db, coopIds, cancellationToken);
        return [.. coopIds.Where(id => !unreachable.Contains(id))];
    }
}

/// <summary>De-duplication keys: recipient + kind + subject record + period, one format for every mail.</summary>
internal static class MailKeys
{
    public static string For(string address, MailKind kind, string subjectRecord, string period) =>
        $"{address.Trim().ToLowerInvariant()}|{kind}|{subjectRecord}|{period}";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
