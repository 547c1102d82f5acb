namespace IncidentDesk.Web.Features.Reports;

/// <summary>
/// The public door for outside reporters (<c>IncidentDesk:Disclosure</c>): what security.txt announces, the policy's
/// configurable promise, and the limits that keep the only anonymous form of the desk from being abused.
/// </summary>
public sealed class DisclosureOptions
{
    public const string Section = "IncidentDesk:Disclosure";

    /// <summary>
    /// The desk's public https address (<c>https://desk.federacao.example</c>): security.txt's Contact, Policy and
    /// Canonical lines are built from it. Unset: the address of the request (fine behind a proxy that passes Host).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>An optional e-mail for reporters who cannot use the form (a second Contact line).</summary>
    public string? ContactEmail { get; set; }

    /// <summary>How far ahead security.txt's Expires lies; kept between 1 and 364 days (RFC 9116 advises under a year).</summary>
    public int ExpiresInDays { get; set; } = 180;

    /// <summary>
    /// The policy's closing promise about legal action, per language; unset keeps the desk's default wording
    /// ("no legal action for good-faith research, as the federation decides").
    /// </summary>
    public string? SafeHarbourPt { get; set; }

    public string? SafeHarbourEn { get; set; }

    /// <summary>
    /// The key of the proof-of-work challenges' signature (at least 32 characters). Unset: a random key per process,
    /// which is right for one instance; several instances behind one address need the same configured key.
    /// </summary>
    public string? ChallengeKey { get; set; }

    /// <summary>Upper bound of the number the browser searches for: the expected work is half of it.</summary>
    public int ChallengeMaxNumber { get; set; } = 100_000;

    /// <summary>How long a challenge (and so the form) stays valid.</summary>
    public int ChallengeLifetimeMinutes { get; set; } = 120;

    /// <summary>A form sent sooner than this after it was opened is a script's, not a person's.</summary>
    public int MinimumFillSeconds { get; set; } = 5;

    /// <summary>Form submissions per client address per hour (429 + Retry-After above it).</summary>
    public int ReportsPerAddressPerHour { get; set; } = 10;

    /// <summary>Form submissions per /24 (IPv4) or /48 (IPv6) network per hour.</summary>
    public int ReportsPerNetworkPerHour { get; set; } = 30;

    /// <summary>Reports stored per hour across the whole desk; beyond it the form asks to try later.</summary>
    public int ReportsPerHour { get; set; } = 60;

    /// <summary>Status-page posts (code look-ups and replies) per client address per minute, like sign-in.</summary>
    public int StatusPostsPerAddressPerMinute { get; set; } = 10;

    /// <summary>Status-page posts per /24 or /48 network per minute.</summary>
    public int StatusPostsPerNetworkPerMinute { get; set; } = 30;
}
