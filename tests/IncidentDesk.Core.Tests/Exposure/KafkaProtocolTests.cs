using System.Buffers.Binary;
using IncidentDesk.Core.Exposure;
using IncidentDesk.Core.Exposure.Kafka;

namespace IncidentDesk.Core.Tests.Exposure;

/// <summary>
/// The two requests and their answers, byte for byte (the integration suite speaks them to librdkafka's mock broker;
/// these pin the encodings and, above all, what a hostile or foreign answer does: nothing but a clean refusal).
/// </summary>
public sealed class KafkaProtocolTests
{
    [Fact]
    public void ApiVersions_v0_is_its_header_and_the_desks_client_id()
    {
        var frame = KafkaProtocol.ApiVersionsRequest(7);

        Assert.Equal(frame.Length - 4, BinaryPrimitives.ReadInt32BigEndian(frame));
        Assert.Equal(KafkaApi.ApiVersions, BinaryPrimitives.ReadInt16BigEndian(frame.AsSpan(4)));
        Assert.Equal(0, BinaryPrimitives.ReadInt16BigEndian(frame.AsSpan(6)));
        Assert.Equal(7, BinaryPrimitives.ReadInt32BigEndian(frame.AsSpan(8)));
        Assert.Equal(KafkaApi.ClientId, System.Text.Encoding.UTF8.GetString(frame.AsSpan(14)));
    }

    [Theory]
    [InlineData(1, new byte[] { 0xff, 0xff, 0xff, 0xff })]
    [InlineData(4, new byte[] { 0xff, 0xff, 0xff, 0xff, 0 })]
    [InlineData(8, new byte[] { 0xff, 0xff, 0xff, 0xff, 0, 0, 0 })]
    [InlineData(9, new byte[] { 0, 0, 0, 0, 0 })]
    [InlineData(12, new byte[] { 0, 0, 0, 0 })]
    public void Metadata_asks_for_all_topics_and_never_creates_one(short version, byte[] body)
    {
        var frame = KafkaProtocol.MetadataRequest(version, 2);
        var header = 4 + 2 + 2 + 4 + 2 + KafkaApi.ClientId.Length + (version >= 9 ? 1 : 0);

        Assert.Equal(version, BinaryPrimitives.ReadInt16BigEndian(frame.AsSpan(6)));
        Assert.Equal(body, frame[header..]);
    }

    [Fact]
    public void The_highest_common_metadata_version_is_chosen()
    {
        Assert.Equal((short)13, KafkaProtocol.ChooseMetadataVersion(Versions((3, 0, 13))));
        Assert.Equal((short)13, KafkaProtocol.ChooseMetadataVersion(Versions((3, 4, 15))));
        Assert.Equal((short)5, KafkaProtocol.ChooseMetadataVersion(Versions((3, 0, 5))));
        Assert.Null(KafkaProtocol.ChooseMetadataVersion(Versions((3, 0, 0))));
        Assert.Null(KafkaProtocol.ChooseMetadataVersion(Versions((18, 0, 3))));
    }

    [Fact]
    public void An_ApiVersions_answer_is_read_and_one_for_another_request_refused()
    {
        var frame = Frame(w => w.I32(1).I16(0).I32(2).I16(3).I16(0).I16(12).I16(18).I16(0).I16(3));

        var answer = KafkaProtocol.ReadApiVersions(frame, 1);

        Assert.Equal([new ApiVersionRange(3, 0, 12), new ApiVersionRange(18, 0, 3)], answer.Apis);
        Assert.Throws<KafkaFormatException>(() => KafkaProtocol.ReadApiVersions(frame, 2));
    }

    [Fact]
    public void A_forged_count_is_refused_before_anything_is_allocated()
    {
        var frame = Frame(w => w.I32(1).I16(0).I32(int.MaxValue));

        Assert.Throws<KafkaFormatException>(() => KafkaProtocol.ReadApiVersions(frame, 1));
    }

    [Fact]
    public void A_v1_metadata_answer_is_read_with_its_advertised_brokers_and_topics()
    {
        var frame = Frame(w => w.I32(2)
            .I32(1).I32(1).Str("10.0.0.5").I32(9092).Str(null) // one broker, advertising a private address
            .I32(1) // controller
            .I32(2)
            .I16(0).Str("chatbot.conversas").Bool(false).I32(1).I16(0).I32(0).I32(1).I32(1).I32(1).I32(1).I32(1)
            .I16(0).Str("__consumer_offsets").Bool(true).I32(0));

        var answer = KafkaProtocol.ReadMetadata(frame, 1, 2);

        Assert.Equal([new MetadataBroker(1, "10.0.0.5", 9092)], answer.Brokers);
        Assert.Equal([new MetadataTopic("chatbot.conversas", 0, false), new MetadataTopic("__consumer_offsets", 0, true)], answer.Topics);
    }

    [Fact]
    public void A_truncated_metadata_answer_is_refused()
    {
        var frame = Frame(w => w.I32(2).I32(1).I32(1).Str("kafka"));

        Assert.Throws<KafkaFormatException>(() => KafkaProtocol.ReadMetadata(frame, 1, 2));
    }

    [Fact]
    public void Listed_topics_of_its_own_are_an_exposure_internal_ones_are_not()
    {
        var verdict = KafkaProtocol.Judge(new MetadataAnswer([], [new("chatbot.conversas", 0, false), new("__consumer_offsets", 0, true)], 0));

        Assert.Equal((ExposureOutcome.Exposed, CheckDetail.TopicsListed), (verdict.Outcome, verdict.Detail));
        Assert.Equal(["chatbot.conversas"], verdict.Topics);
    }

    [Fact]
    public void Topics_refused_for_authorization_mean_authentication_is_required()
    {
        var verdict = KafkaProtocol.Judge(new MetadataAnswer([], [new("chatbot.conversas", KafkaApi.TopicAuthorizationFailed, false)], 0));

        Assert.Equal((ExposureOutcome.AuthRequired, CheckDetail.TopicsUnauthorized), (verdict.Outcome, verdict.Detail));
    }

    [Fact]
    public void A_broker_that_lists_no_topic_to_a_stranger_is_not_an_exposure()
    {
        var verdict = KafkaProtocol.Judge(new MetadataAnswer([new MetadataBroker(1, "kafka", 9092)], [], 0));

        Assert.Equal((ExposureOutcome.AuthRequired, CheckDetail.NoTopicsVisible), (verdict.Outcome, verdict.Detail));
    }

    private static ApiVersionsAnswer Versions(params (short Key, short Min, short Max)[] apis) =>
        new(0, [.. apis.Select(a => new ApiVersionRange(a.Key, a.Min, a.Max))]);

    private static byte[] Frame(Action<Bytes> write)
    {
        var bytes = new Bytes();
        write(bytes);
        return [.. bytes.Content];
    }

    private sealed class Bytes
    {
        public List<byte> Content { get; } = [];

        public Bytes I16(short value) => Add(2, b => BinaryPrimitives.WriteInt16BigEndian(b, value));

        public Bytes I32(int value) => Add(4, b => BinaryPrimitives.WriteInt32BigEndian(b, value));

        public Bytes Bool(bool value)
        {
            Content.Add(value ? (byte)1 : (byte)0);
            return this;
        }

        public Bytes Str(string? value)
        {
            if (value is null)
            {
                return I16(-1);
            }

            var utf8 = System.Text.Encoding.UTF8.GetBytes(value);
            I16((short)utf8.Length);
            Content.AddRange(utf8);
            return this;
        }

        private Bytes Add(int size, SpanAction write)
        {
            var buffer = new byte[size];
            write(buffer);
            Content.AddRange(buffer);
            return this;
        }

        private delegate void SpanAction(Span<byte> buffer);
    }
}
