namespace IncidentDesk.Core.Exposure;

/// <summary>What speaks on a declared endpoint. Kafka only for now; the check is chosen by kind.</summary>
public enum BrokerKind
{
    Kafka = 0,
}

/// <summary>
/// An internet-facing message broker a co-op declared, with the co-op's authorization for the federation to check it.
/// Nothing is ever probed without <see cref="AuthorizedAtUtc"/>: checking someone else's server without their leave is
/// not something a federation of data controllers does. The address never changes once declared (an authorization is
/// given for one address); a co-op removes an endpoint and declares another.
/// </summary>
public sealed class BrokerEndpoint
{
    public int Id { get; set; }
    public int CoopId { get; set; }

    /// <summary>A host name in lower-case ASCII (IDN as punycode) or an IP address in its canonical text form.</summary>
    public required string Host { get; set; }

    public int Port { get; set; }
    public BrokerKind Kind { get; set; }

    public DateTime DeclaredAtUtc { get; set; }
    public string DeclaredBy { get; set; } = "";

    /// <summary>When the co-op (through its liaison or an officer) authorized the check; null = never probed.</summary>
    public DateTime? AuthorizedAtUtc { get; set; }
    public string? AuthorizedBy { get; set; }

    /// <summary>Removed endpoints keep their history and are no longer checked or listed.</summary>
    public DateTime? RemovedAtUtc { get; set; }
    public string? RemovedBy { get; set; }

    /// <summary>When a run last took this endpoint: at most one check per endpoint per hour, across runs and instances.</summary>
    public DateTime? CheckClaimedAtUtc { get; set; }

    /// <summary>The latest check, kept here so the list of every endpoint reads without a join to their histories.</summary>
    public DateTime? LastCheckedAtUtc { get; set; }
    public ExposureOutcome? LastOutcome { get; set; }
    public CheckDetail? LastDetail { get; set; }
    public int? LastTopicCount { get; set; }

    /// <summary>Optimistic concurrency token: two people changing one endpoint never silently overwrite each other.</summary>
    public int Version { get; set; }

    public bool IsAuthorized => AuthorizedAtUtc is not null;

    public string Address => EndpointAddress.Format(Host, Port);
}
