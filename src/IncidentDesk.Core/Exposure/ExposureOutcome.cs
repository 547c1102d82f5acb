namespace IncidentDesk.Core.Exposure;

/// <summary>What one check of an endpoint found.</summary>
public enum ExposureOutcome
{
    /// <summary>The broker answered a metadata request made without credentials and listed topics: the reference case.</summary>
    Exposed = 0,

    /// <summary>It is a broker, and it refused to list topics to someone without credentials.</summary>
    AuthRequired = 1,

    /// <summary>Nothing answered: the connection was refused, timed out, or the name does not resolve.</summary>
    Unreachable = 2,

    /// <summary>Something answered, but not the Kafka protocol.</summary>
    NotKafka = 3,

    /// <summary>Not checked: the address is loopback, link-local or private, which the desk does not probe.</summary>
    TargetRefused = 4,
}

/// <summary>Why a check ended as it did, in more detail than its outcome (worded by the UI).</summary>
public enum CheckDetail
{
    None = 0,
    TopicsListed = 1,
    TopicsUnauthorized = 2,
    NoTopicsVisible = 3,
    ClosedAfterHandshake = 4,
    ConnectionRefused = 5,
    ConnectTimeout = 6,
    ResponseTimeout = 7,
    ClosedWithoutAnswer = 8,
    NameNotResolved = 9,
    NotKafkaAnswer = 10,
    NoCommonMetadataVersion = 11,
    PrivateAddress = 12,
    Cancelled = 13,
    NetworkError = 14,
}

/// <summary>The rules that turn outcomes into the desk's decisions about findings and tasks.</summary>
public static class ExposureRules
{
    /// <summary>A check agrees that a finding is closed when no Kafka broker answered it without credentials.</summary>
    public static bool IsClosed(ExposureOutcome outcome) =>
        outcome is ExposureOutcome.AuthRequired or ExposureOutcome.Unreachable or ExposureOutcome.NotKafka;

    /// <summary>The shortest time between two checks of one endpoint, whoever asks: a check is a visit to a co-op's server.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromHours(1);

    /// <summary>Whether an endpoint last taken at <paramref name="claimedAtUtc"/> may be checked again at <paramref name="nowUtc"/>.</summary>
    public static bool IsDue(DateTime? claimedAtUtc, DateTime nowUtc, TimeSpan minInterval) =>
        claimedAtUtc is not { } claimed || nowUtc - claimed >= minInterval;

    /// <summary>When an endpoint taken at <paramref name="claimedAtUtc"/> may next be checked.</summary>
    public static DateTime NextAllowedUtc(DateTime claimedAtUtc, TimeSpan minInterval) => claimedAtUtc + minInterval;
}
