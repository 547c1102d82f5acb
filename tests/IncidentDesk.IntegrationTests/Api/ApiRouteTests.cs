using IncidentDesk.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Api;

public sealed class ApiRouteTests(AppFixture app)
{
    private IReadOnlyList<RouteEndpoint> ApiEndpoints() =>
    [
        .. app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.OrdinalIgnoreCase) == true),
    ];

    [Fact]
    public void ApiRoutes_lists_exactly_the_mapped_api_endpoints()
    {
        var mapped = ApiEndpoints()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => new ApiRoute(m, e.RoutePattern.RawText!)))
            .ToHashSet();

        Assert.Equal(ApiRoutes.All.ToHashSet(), mapped);
    }

    [Fact]
    public void Every_api_endpoint_authenticates_by_bearer_token_only_and_is_rate_limited()
    {
        Assert.All(ApiEndpoints(), e =>
        {
            var policy = Assert.Single(e.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
            Assert.Equal(["Bearer"], policy.AuthenticationSchemes);
            Assert.NotNull(e.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>());
        });
    }
}
