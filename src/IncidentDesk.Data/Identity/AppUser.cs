using Microsoft.AspNetCore.Identity;

namespace IncidentDesk.Data.Identity;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The user's theme choice; null follows the browser.</summary>
    public bool? PrefersDarkMode { get; set; }

    /// <summary>UI culture the user last chose (pt-BR or en-US).</summary>
    public string? Culture { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
