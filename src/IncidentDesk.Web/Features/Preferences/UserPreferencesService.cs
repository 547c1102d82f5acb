using System.Security.Claims;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.Web.Features.Preferences;

/// <summary>Theme and language choices, remembered per user so they follow them across browsers.</summary>
public sealed class UserPreferencesService(IDbContextFactory<IncidentDeskDbContext> dbFactory, AuditLog audit)
{
    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<bool?> GetDarkModeAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.PrefersDarkMode).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task SetDarkModeAsync(string userId, bool darkMode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken) is { } user && user.PrefersDarkMode != darkMode)
        {
            user.PrefersDarkMode = darkMode;
            await audit.SaveChangesAsync(db, Changed(userId, nameof(user.PrefersDarkMode), darkMode), cancellationToken: cancellationToken);
        }
    }

    public async Task SetCultureAsync(string userId, string culture, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken) is { } user && user.Culture != culture)
        {
            user.Culture = culture;
            await audit.SaveChangesAsync(db, Changed(userId, nameof(user.Culture), culture), cancellationToken: cancellationToken);
        }
    }

    // One summary line: the user row also carries secrets (hashes, stamps) that the automatic diff must never see.
    private static AuditRecord Changed(string userId, string field, object value) =>
        new(AuditActions.PreferencesChanged, "User", userId, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { [field] = value }));
}
