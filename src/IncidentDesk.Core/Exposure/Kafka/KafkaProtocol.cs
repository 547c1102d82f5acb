namespace IncidentDesk.Core.Exposure.Kafka;

/// <summary>
/// The only two requests the exposure check ever sends — ApiVersions, then Metadata for all topics without creating any —
/// and the reading of their answers. Nothing here produces or fetches a message. Pure: bytes in, values out; the socket is
/// the caller's (see the Web project's KafkaProbe for why the desk speaks these two requests itself).
/// </summary>
public static class KafkaProtocol
{
    /// <summary>ApiVersions v0: the request every broker version answers, and the one a SASL listener allows before login.</summary>
    public static byte[] ApiVersionsRequest(int correlationId) =>
        Header(KafkaApi.ApiVersions, 0, correlationId, flexible: false).ToFrame();

    /// <summary>
    /// Metadata of every topic (a null topic list), with automatic topic creation off: the check must not change a
    /// broker. Authorized-operations lists are not asked for.
    /// </summary>
    public static byte[] MetadataRequest(short version, int correlationId)
    {
        CheckVersion(version);
        var flexible = version >= KafkaApi.FirstFlexibleMetadataVersion;
        var writer = Header(KafkaApi.Metadata, version, correlationId, flexible);
        if (flexible)
        {
            writer.Byte(0); // compact nullable array: null = all topics
        }
        else
        {
            writer.Int32(-1);
        }

        if (version >= 4)
        {
            writer.Byte(0); // allow_auto_topic_creation = false
        }

        if (version is >= 8 and <= 10)
        {
            writer.Byte(0); // include_cluster_authorized_operations = false
        }

        if (version >= 8)
        {
            writer.Byte(0); // include_topic_authorized_operations = false
        }

        if (flexible)
        {
            writer.Byte(0); // no tagged fields
        }

        return writer.ToFrame();
    }

    /// <summary>The highest Metadata version both sides speak, or null when the broker offers none this code reads.</summary>
    public static short? ChooseMetadataVersion(ApiVersionsAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var metadata = answer.Apis.FirstOrDefault(a => a.ApiKey == KafkaApi.Metadata);
        if (metadata is null)
        {
            return null;
        }

        var version = Math.Min(metadata.MaxVersion, KafkaApi.MaxMetadataVersion);
        return version >= Math.Max(metadata.MinVersion, KafkaApi.MinMetadataVersion) ? (short)version : null;
    }

    /// <summary>Reads an ApiVersions v0 answer (the frame after its size).</summary>
    /// <exception cref="KafkaFormatException">It is not one, or it answers another request.</exception>
    public static ApiVersionsAnswer ReadApiVersions(ReadOnlySpan<byte> frame, int correlationId)
    {
        var reader = new KafkaReader(frame);
        ExpectCorrelation(ref reader, correlationId);
        var error = reader.Int16();
        var count = reader.ArrayLength(compact: false, minElementBytes: 6);
        var apis = new List<ApiVersionRange>(Math.Max(count, 0));
        for (var i = 0; i < count; i++)
        {
            var key = reader.Int16();
            var min = reader.Int16();
            var max = reader.Int16();
            if (min > max)
            {
                throw new KafkaFormatException($"api {key}: versions {min}..{max}");
            }

            apis.Add(new ApiVersionRange(key, min, max));
        }

        // v0 has nothing after the list; trailing bytes mean this was not an ApiVersions v0 answer.
        if (reader.Remaining != 0 || count < 0)
        {
            throw new KafkaFormatException("not an ApiVersions v0 answer");
        }

        return new ApiVersionsAnswer(error, apis);
    }

    /// <summary>Reads a Metadata answer of <paramref name="version"/> (the frame after its size).</summary>
    /// <exception cref="KafkaFormatException">It is not one, or it answers another request.</exception>
    public static MetadataAnswer ReadMetadata(ReadOnlySpan<byte> frame, short version, int correlationId)
    {
        CheckVersion(version);
        var flexible = version >= KafkaApi.FirstFlexibleMetadataVersion;
        var reader = new KafkaReader(frame);
        ExpectCorrelation(ref reader, correlationId);
        if (flexible)
        {
            reader.SkipTaggedFields();
        }

        if (version >= 3)
        {
            reader.Int32(); // throttle_time_ms
        }

        var brokers = ReadBrokers(ref reader, version, flexible);
        if (version >= 2)
        {
            reader.String(flexible); // cluster_id
        }

        reader.Int32(); // controller_id
        var topics = ReadTopics(ref reader, version, flexible);
        if (version is >= 8 and <= 10)
        {
            reader.Int32(); // cluster_authorized_operations
        }

        short error = version >= 13 ? reader.Int16() : (short)0;
        if (flexible)
        {
            reader.SkipTaggedFields();
        }

        // Bytes after a completely read answer are left alone, as Kafka's own clients do (librdkafka's mock broker ends
        // its flexible answers with one more empty tag section).
        return new MetadataAnswer(brokers, topics, error);
    }

    /// <summary>
    /// Exposed when the broker listed at least one topic of its own (not an internal one such as __consumer_offsets) to
    /// someone without credentials. A broker that refused every topic, or listed none, kept its data to itself: Kafka's
    /// authorizer leaves out of an all-topics answer the topics the asker may not describe, so an empty list is what a
    /// broker with access control gives a stranger.
    /// </summary>
    public static MetadataVerdict Judge(MetadataAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (IsAuthorizationError(answer.ErrorCode))
        {
            return new MetadataVerdict(ExposureOutcome.AuthRequired, CheckDetail.TopicsUnauthorized, []);
        }

        var visible = answer.Topics.Where(t => t.Name is { Length: > 0 } && !t.IsInternal && !IsAuthorizationError(t.ErrorCode))
            .Select(t => t.Name!).Distinct(StringComparer.Ordinal).ToList();
        if (visible.Count > 0)
        {
            return new MetadataVerdict(ExposureOutcome.Exposed, CheckDetail.TopicsListed, visible);
        }

        return answer.Topics.Any(t => IsAuthorizationError(t.ErrorCode))
            ? new MetadataVerdict(ExposureOutcome.AuthRequired, CheckDetail.TopicsUnauthorized, [])
            : new MetadataVerdict(ExposureOutcome.AuthRequired, CheckDetail.NoTopicsVisible, []);
    }

    private static bool IsAuthorizationError(short code) =>
        code is KafkaApi.TopicAuthorizationFailed or KafkaApi.ClusterAuthorizationFailed;

    private static KafkaWriter Header(short apiKey, short version, int correlationId, bool flexible)
    {
        var writer = new KafkaWriter().Int16(apiKey).Int16(version).Int32(correlationId).String(KafkaApi.ClientId);
        return flexible ? writer.Byte(0) : writer; // request header v2 ends with (empty) tagged fields
    }

    private static void ExpectCorrelation(ref KafkaReader reader, int correlationId)
    {
        var answered = reader.Int32();
        if (answered != correlationId)
        {
            throw new KafkaFormatException($"answer to request {answered}, expected {correlationId}");
        }
    }

    private static List<MetadataBroker> ReadBrokers(ref KafkaReader reader, short version, bool flexible)
    {
        var count = reader.ArrayLength(flexible, minElementBytes: 9);
        var brokers = new List<MetadataBroker>(Math.Max(count, 0));
        for (var i = 0; i < count; i++)
        {
            var id = reader.Int32();
            var host = reader.String(flexible) ?? "";
            var port = reader.Int32();
            if (version >= 1)
            {
                reader.String(flexible); // rack
            }

            if (flexible)
            {
                reader.SkipTaggedFields();
            }

            brokers.Add(new MetadataBroker(id, host, port));
        }

        return brokers;
    }

    private static List<MetadataTopic> ReadTopics(ref KafkaReader reader, short version, bool flexible)
    {
        var count = reader.ArrayLength(flexible, minElementBytes: 4);
        var topics = new List<MetadataTopic>(Math.Max(count, 0));
        for (var i = 0; i < count; i++)
        {
            var error = reader.Int16();
            var name = reader.String(flexible);
            if (version >= 10)
            {
                reader.Skip(16); // topic_id
            }

            var isInternal = reader.Boolean();
            SkipPartitions(ref reader, version, flexible);
            if (version >= 8)
            {
                reader.Int32(); // topic_authorized_operations
            }

            if (flexible)
            {
                reader.SkipTaggedFields();
            }

            topics.Add(new MetadataTopic(name, error, isInternal));
        }

        return topics;
    }

    private static void SkipPartitions(ref KafkaReader reader, short version, bool flexible)
    {
        var count = reader.ArrayLength(flexible, minElementBytes: 10);
        for (var i = 0; i < count; i++)
        {
            reader.Int16(); // error_code
            reader.Int32(); // partition_index
            reader.Int32(); // leader_id
            if (version >= 7)
            {
                reader.Int32(); // leader_epoch
            }

            SkipInt32Array(ref reader, flexible); // replica_nodes
            SkipInt32Array(ref reader, flexible); // isr_nodes
            if (version >= 5)
            {
                SkipInt32Array(ref reader, flexible); // offline_replicas
            }

            if (flexible)
            {
                reader.SkipTaggedFields();
            }
        }
    }

    private static void SkipInt32Array(ref KafkaReader reader, bool flexible)
    {
        var count = reader.ArrayLength(flexible, minElementBytes: 4);
        if (count > 0)
        {
            reader.Skip(count * 4);
        }
    }

    private static void CheckVersion(short version)
    {
        if (version is < KafkaApi.MinMetadataVersion or > KafkaApi.MaxMetadataVersion)
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Metadata versions 1 to 13 are supported.");
        }
    }
}
