using IncidentDesk.Core.Exposure;
using IncidentDesk.Testing.Kafka;
using IncidentDesk.Web.Features.Exposure;
using IncidentDesk.Web.Features.Exposure.Endpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Exposure;

/// <summary>
/// As production runs (AllowPrivateTargets off): a loopback or private address is refused when it is declared, and a
/// name that resolves to one is refused at the check, before any connection — recorded as "not checked".
/// </summary>
public sealed class PublicTargetsOnlyTests(PublicTargetsOnlyFixture fixture) : IClassFixture<PublicTargetsOnlyFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("127.0.0.2")]
    [InlineData("::1")]
    [InlineData("[::ffff:127.0.0.1]")]
    public async Task A_literal_loopback_address_is_refused_when_declared(string host)
    {
        var coopId = await fixture.CoopIdAsync("SP-004");
        await using var officer = fixture.Officer();

        var result = await officer.ServiceProvider.GetRequiredService<EndpointService>()
            .DeclareAsync(new EndpointDeclaration(coopId, host, 9092), Ct);

        Assert.Equal(nameof(EndpointAddressError.PrivateAddress), result.ErrorOf(EndpointField.Host)?.Code);
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_recorded_as_not_checked_and_nothing_is_contacted()
    {
        using var broker = MockKafkaCluster.Start();
        broker.CreateTopic("chatbot.conversas");
        var endpointId = await fixture.DeclareAsync("SP-004", "localhost", broker.Broker(1).Port);

        await fixture.CheckNowAsync(endpointId);

        Assert.Empty(broker.Requests());
        await using var db = fixture.CreateDb();
        var check = await db.ExposureChecks.AsNoTracking().SingleAsync(c => c.EndpointId == endpointId, Ct);
        Assert.Equal((ExposureOutcome.TargetRefused, CheckDetail.PrivateAddress, (string?)null), (check.Outcome, check.Detail, check.ContactedAddress));
        Assert.False(await db.ExposureFindings.AnyAsync(f => f.EndpointId == endpointId, Ct));
    }
}
