using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace IncidentDesk.IntegrationTests;

/// <summary>Deny by default: every page the app routes to sends an anonymous visitor to sign-in.</summary>
public sealed class AnonymousAccessTests(AppFixture app)
{
    /// <summary>Every routable page of the app, found by reflection so a new page is covered without editing this test.</summary>
    public static TheoryData<string> ProtectedRoutes()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttribute<AllowAnonymousAttribute>() is null)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template.Replace("{Id:int}", "1", StringComparison.OrdinalIgnoreCase))
            .Append("/no-such-page")
            .Order(StringComparer.Ordinal);
        return [.. routes];
    }

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task Anonymous_visitor_is_sent_to_sign_in(string route)
    {
        using var client = app.Host.CreateBrowserClient();

        using var response = await client.GetAsync(new Uri(route.TrimStart('/'), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(app.Host.BaseAddress, response.Headers.Location!);
        Assert.Equal("/account/login", target.AbsolutePath);
        Assert.Contains("ReturnUrl=", target.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void The_route_list_covers_the_shell()
    {
        var routes = ProtectedRoutes().Select(r => (string)r.Data).ToList();

        Assert.Superset(new HashSet<string> { "/", "/coops", "/incidents", "/incidents/1", "/my-tasks", "/audit", "/admin" }, routes.ToHashSet());
    }

    [Theory]
    [InlineData("account/login")]
    [InlineData("health")]
    [InlineData("health/live")]
    [InlineData("health/ready")]
    public async Task Sign_in_and_health_are_open(string path)
    {
        using var client = app.Host.CreateBrowserClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
