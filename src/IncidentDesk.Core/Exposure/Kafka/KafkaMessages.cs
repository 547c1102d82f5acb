namespace IncidentDesk.Core.Exposure.Kafka;

/// <summary>The two Kafka requests the check sends, by their protocol API keys.</summary>
public static class KafkaApi
{
    public const short Metadata = 3;
    public const short ApiVersions = 18;

    /// <summary>Metadata versions this code reads and writes: 1 (Kafka 0.10) to 13 (Kafka 4).</summary>
    public const short MinMetadataVersion = 1;
    public const short MaxMetadataVersion = 13;

    /// <summary>Metadata v9 and later are "flexible": compact strings and arrays, tagged fields, request header v2.</summary>
    public const short FirstFlexibleMetadataVersion = 9;

    /// <summary>Named in every request, so a co-op reading its broker's logs sees who knocked.</summary>
    public const string ClientId = "incidentdesk-exposure-watch";

    public const short TopicAuthorizationFailed = 29;
    public const short ClusterAuthorizationFailed = 31;
}

public sealed record ApiVersionRange(short ApiKey, short MinVersion, short MaxVersion);

public sealed record ApiVersionsAnswer(short ErrorCode, IReadOnlyList<ApiVersionRange> Apis);

public sealed record MetadataBroker(int NodeId, string Host, int Port);

public sealed record MetadataTopic(string? Name, short ErrorCode, bool IsInternal);

/// <summary>What a broker said about its cluster. The brokers it advertises are read and never contacted.</summary>
public sealed record MetadataAnswer(IReadOnlyList<MetadataBroker> Brokers, IReadOnlyList<MetadataTopic> Topics, short ErrorCode);

/// <summary>What a metadata answer means for the check.</summary>
public sealed record MetadataVerdict(ExposureOutcome Outcome, CheckDetail Detail, IReadOnlyList<string> Topics);
