using IncidentDesk.Data;
using IncidentDesk.Web.Features.Campaigns.Overdue;
using IncidentDesk.Web.Security;

using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Campaigns.Tasks;

/// <summary>Whom to chase at each co-op: its active liaisons, by name — one query for any number of co-ops.</summary>
internal static class LiaisonContacts
{
    public static async Task<ILookup<int, CoopContact>> ForAsync(
        IncidentDeskDbContext db, IReadOnlyCollection<int> coopIds, CancellationToken cancellationToken)
    {
        var rows = await (
            from u in db.Users.AsNoTracking()
            where u.IsActive && u.CoopId != null && coopIds.Contains(u.CoopId.Value)
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == AppRoles.CoopLiaison
            select new { CoopId = u.CoopId!.Value, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        return rows.OrderBy(l => l.DisplayName, StringComparer.CurrentCulture)
            .ToLookup(l => l.CoopId, l => new CoopContact(l.DisplayName, l.Email ?? ""));
    }
}
