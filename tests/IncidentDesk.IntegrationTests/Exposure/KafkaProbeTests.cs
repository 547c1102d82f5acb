using System.Net;
using IncidentDesk.Core.Exposure;
using IncidentDesk.Testing;
using IncidentDesk.Testing.Kafka;
using IncidentDesk.Web.Features.Exposure;
using IncidentDesk.Web.Features.Exposure.Probe;
using Microsoft.Extensions.Options;

namespace IncidentDesk.IntegrationTests.Exposure;

/// <summary>
/// The check against real servers on loopback: librdkafka's mock cluster for the brokers (open, refusing, advertising
/// other addresses), and plain sockets for what is not a broker. Nothing here leaves 127.0.0.0/8.
/// </summary>
public sealed class KafkaProbeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static KafkaProbe Probe(bool allowPrivate = true, TimeSpan? responseTimeout = null) => new(Options.Create(new ExposureWatchOptions
    {
        AllowPrivateTargets = allowPrivate,
        ConnectTimeout = TimeSpan.FromSeconds(2),
        ResponseTimeout = responseTimeout ?? TimeSpan.FromSeconds(3),
    }), TimeProvider.System);

    [Fact]
    public async Task A_broker_that_lists_topics_without_credentials_is_exposed_with_their_count_and_names()
    {
        using var cluster = MockKafkaCluster.Start();
        cluster.CreateTopic("chatbot.conversas", partitions: 3);
        cluster.CreateTopic("beneficiarios.cadastro");

        var result = await Probe().CheckAsync("127.0.0.1", cluster.Broker(1).Port, Ct);

        Assert.Equal(ExposureOutcome.Exposed, result.Outcome);
        Assert.Equal(CheckDetail.TopicsListed, result.Detail);
        Assert.Equal(2, result.TopicCount);
        Assert.Equal(["beneficiarios.cadastro", "chatbot.conversas"], result.Topics.Order(StringComparer.Ordinal));
        Assert.Equal(cluster.Broker(1).ToString(), result.ContactedAddress);
    }

    [Fact]
    public async Task The_check_sends_only_ApiVersions_and_Metadata_never_a_produce_or_a_fetch()
    {
        using var cluster = MockKafkaCluster.Start();
        cluster.CreateTopic("chatbot.conversas");

        await Probe().CheckAsync("127.0.0.1", cluster.Broker(1).Port, Ct);

        Assert.Equal([MockKafkaCluster.ApiVersionsApi, MockKafkaCluster.MetadataApi], cluster.Requests().Select(r => r.ApiKey));
    }

    [Fact]
    public async Task The_older_non_flexible_metadata_encoding_is_read_as_well()
    {
        using var cluster = MockKafkaCluster.Start();
        cluster.CreateTopic("chatbot.conversas");
        cluster.SetApiVersions(MockKafkaCluster.MetadataApi, 0, 4);

        var result = await Probe().CheckAsync("127.0.0.1", cluster.Broker(1).Port, Ct);

        Assert.Equal(ExposureOutcome.Exposed, result.Outcome);
        Assert.Equal(["chatbot.conversas"], result.Topics);
    }

    [Fact]
    public async Task A_broker_that_refuses_to_describe_its_topics_requires_authorization()
    {
        using var cluster = MockKafkaCluster.Start();
        cluster.CreateTopic("chatbot.conversas");
        cluster.SetTopicError("chatbot.conversas", MockKafkaCluster.TopicAuthorizationFailed);

        var result = await Probe().CheckAsync("127.0.0.1", cluster.Broker(1).Port, Ct);

        Assert.Equal(ExposureOutcome.AuthRequired, result.Outcome);
        Assert.Equal(CheckDetail.TopicsUnauthorized, result.Detail);
        Assert.Null(result.TopicCount);
        Assert.Empty(result.Topics);
    }

    [Fact]
    public async Task A_closed_port_is_unreachable()
    {
        var port = LoopbackPort.Free();

        var result = await Probe().CheckAsync("127.0.0.1", port, Ct);

        Assert.Equal(ExposureOutcome.Unreachable, result.Outcome);
        Assert.Equal(CheckDetail.ConnectionRefused, result.Detail);
    }

    [Fact]
    public async Task A_port_that_accepts_and_never_answers_is_unreachable_after_the_response_timeout()
    {
        await using var silent = LoopbackServer.Silent();

        var result = await Probe(responseTimeout: TimeSpan.FromMilliseconds(700)).CheckAsync("127.0.0.1", silent.Port, Ct);

        Assert.Equal(ExposureOutcome.Unreachable, result.Outcome);
        Assert.Equal(CheckDetail.ResponseTimeout, result.Detail);
        Assert.InRange(result.Duration, TimeSpan.FromMilliseconds(650), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_web_server_on_the_port_is_not_kafka()
    {
        await using var http = LoopbackServer.Http();

        var result = await Probe().CheckAsync("127.0.0.1", http.Port, Ct);

        Assert.Equal(ExposureOutcome.NotKafka, result.Outcome);
        Assert.Equal(CheckDetail.NotKafkaAnswer, result.Detail);
        Assert.Equal(1, http.Connections);
    }

    [Fact]
    public async Task The_brokers_a_broker_advertises_are_never_contacted_not_even_itself_under_another_address()
    {
        // Broker 1 advertises itself at 127.0.0.2 (the "internal address" of the case); broker 2 is a peer it lists.
        await using var decoy = LoopbackServer.Counting(IPAddress.Parse("127.0.0.2"));
        using var cluster = MockKafkaCluster.Start(brokers: 2);
        cluster.CreateTopic("chatbot.conversas", partitions: 2);
        cluster.Advertise(1, "127.0.0.2", decoy.Port);

        var result = await Probe().CheckAsync("127.0.0.1", cluster.Broker(1).Port, Ct);

        Assert.Equal(ExposureOutcome.Exposed, result.Outcome);
        Assert.Equal(0, decoy.Connections);
        Assert.All(cluster.Requests(), r => Assert.Equal(1, r.Broker));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.2")]
    [InlineData("::1")]
    [InlineData("localhost")]
    public async Task Without_leave_for_private_targets_loopback_is_refused_before_any_connection(string host)
    {
        await using var listener = LoopbackServer.Counting(host == "::1" ? IPAddress.IPv6Loopback : IPAddress.Parse(host == "127.0.0.2" ? host : "127.0.0.1"));

        var result = await Probe(allowPrivate: false).CheckAsync(host, listener.Port, Ct);

        Assert.Equal(ExposureOutcome.TargetRefused, result.Outcome);
        Assert.Equal(CheckDetail.PrivateAddress, result.Detail);
        Assert.Null(result.ContactedAddress);
        Assert.Equal(0, listener.Connections);
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_is_unreachable()
    {
        var result = await Probe().CheckAsync("broker.invalid", 9092, Ct);

        Assert.Equal(ExposureOutcome.Unreachable, result.Outcome);
        Assert.Equal(CheckDetail.NameNotResolved, result.Detail);
    }
}
