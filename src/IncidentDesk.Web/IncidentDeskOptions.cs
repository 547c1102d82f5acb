namespace IncidentDesk.Web;

/// <summary>The <c>IncidentDesk</c> configuration section (env-var form <c>IncidentDesk__Key</c>).</summary>
public sealed class IncidentDeskOptions
{
    public const string Section = "IncidentDesk";

    /// <summary>Seed the reference incident on an empty database (the co-op directory is always seeded).</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>Where data-protection keys (cookies, antiforgery) are kept; relative to the content root.</summary>
    public string KeysFolder { get; set; } = "data/keys";

    /// <summary>
    /// Where evidence files are kept; relative to the content root. Must lie outside the web root: files are only
    /// ever handed out by the authorized download endpoint, under generated names, never by URL.
    /// </summary>
    public string EvidenceFolder { get; set; } = "data/evidence";

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>host:6379,password=…</c>). Set it when more than one instance serves
    /// the desk: changes, hub messages and data-protection keys then cross instances through Redis. Unset: one process.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every Redis channel and key, so several installations can share one Redis.</summary>
    public string RedisPrefix { get; set; } = "incidentdesk";

    /// <summary>
    /// The https address people open the desk at (<c>https://desk.example.org/</c>): every link in a mail starts with it.
    /// Required when mail goes through an SMTP server; without one, the address the app listens on stands in.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// Below this much free space on the disk of the database or the evidence folder, <c>/health/ready</c> answers
    /// "Degraded" and the log warns: room for the next uploads before they are refused.
    /// </summary>
    public int MinFreeStorageMegabytes { get; set; } = 256;

    public BootstrapOptions Bootstrap { get; set; } = new();

    public Security.RateLimitOptions RateLimits { get; set; } = new();
}

/// <summary>Creates the first privacy officer on an unattended install; ignored once any user exists.</summary>
public sealed class BootstrapOptions
{
    public string? OfficerEmail { get; set; }
    public string? OfficerPassword { get; set; }
    public string? OfficerName { get; set; }
}
