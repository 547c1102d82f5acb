using Microsoft.AspNetCore.Identity;

namespace IncidentDesk.Data.Identity;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The user's theme choice; null follows the browser.</summary>
    public bool? PrefersDarkMode { get; set; }

    /// <summary>UI culture the user last chose (pt-BR or en-US).</summary>
    public string? Culture { get; set; }

    /// <summary>How non-critical mail reaches this person: at once, in one daily digest, or not at all.</summary>
    public Core.Mail.MailDelivery MailDelivery { get; set; }

    /// <summary>The language of this person's mail (pt-BR or en-US); null: the desk's, pt-BR.</summary>
    public string? MailCulture { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The one co-op a CoopLiaison acts for; null for officers and auditors.</summary>
    public int? CoopId { get; set; }

    /// <summary>False once an officer deactivated the account: no sign-in, no token, live sessions end.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime? DeactivatedAtUtc { get; set; }
}
