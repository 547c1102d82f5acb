using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using IncidentDesk.Testing;
using IncidentDesk.Web.Api;
using static IncidentDesk.IntegrationTests.Api.ApiClient;

namespace IncidentDesk.IntegrationTests.Api;

/// <summary>The OpenAPI document describes exactly the v1 API (nothing of the pages), and only signed-in people read it.</summary>
public sealed partial class OpenApiDocumentTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_document_lists_every_api_route_with_a_summary_and_nothing_outside_api_v1()
    {
        using var client = await ForAsync(app.Host, "Auditor");

        using var response = await client.GetAsync("openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await JsonAsync(response);
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name.ToUpperInvariant(), Operation: o.Value)))
            .ToList();
        var expected = ApiRoutes.All.Select(r => (Path: Constraint().Replace(r.Pattern, "}"), r.Method)).ToHashSet();
        Assert.Equal(expected, documented.Select(d => (d.Path, d.Method)).ToHashSet());
        Assert.All(documented, d => Assert.StartsWith("/api/v1/", d.Path, StringComparison.Ordinal));
        Assert.All(documented, d => Assert.False(string.IsNullOrWhiteSpace(d.Operation.GetProperty("summary").GetString()), $"{d.Method} {d.Path}"));
        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("security")[0].TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task Instants_are_documented_as_date_time_strings_and_text_as_strings()
    {
        using var client = await ForAsync(app.Host, "Auditor");
        using var response = await client.GetAsync("openapi/v1.json");
        var input = (await JsonAsync(response)).GetProperty("components").GetProperty("schemas").GetProperty("IncidentInput").GetProperty("properties");

        var reportedAt = input.GetProperty("reportedAt");
        Assert.Contains("string", reportedAt.GetProperty("type").ToString(), StringComparison.Ordinal);
        Assert.Equal("date-time", reportedAt.GetProperty("format").GetString());
        Assert.Contains("string", input.GetProperty("title").GetProperty("type").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_answers_are_documented_as_problem_details()
    {
        using var client = await ForAsync(app.Host, "Auditor");
        using var response = await client.GetAsync("openapi/v1.json");
        var create = (await JsonAsync(response)).GetProperty("paths").GetProperty("/api/v1/incidents").GetProperty("post");

        Assert.True(create.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("400", out var invalid));
        Assert.True(invalid.GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("403", out _));
    }

    [Fact]
    public async Task Every_operation_documents_the_problem_answers_of_the_machinery_in_front_of_it_and_every_tag_says_what_it_holds()
    {
        using var client = await ForAsync(app.Host, "Auditor");
        using var response = await client.GetAsync("openapi/v1.json");
        var document = await JsonAsync(response);
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Name: $"{o.Name.ToUpperInvariant()} {p.Name}", Path: p.Name, Operation: o.Value)))
            .ToList();

        Assert.All(operations, o =>
        {
            var answers = o.Operation.GetProperty("responses");
            var takesInput = o.Operation.TryGetProperty("requestBody", out _)
                || (o.Operation.TryGetProperty("parameters", out var parameters)
                    && parameters.EnumerateArray().Any(p => p.GetProperty("in").GetString() == "query"));
            string[] expected = [.. (takesInput ? ["400"] : Array.Empty<string>()), "401", "403", .. (o.Path.Contains('{', StringComparison.Ordinal) ? ["404"] : Array.Empty<string>())];
            foreach (var status in expected)
            {
                Assert.True(answers.TryGetProperty(status, out var answer), $"{o.Name} documents no {status}");
                Assert.True(answer.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{o.Name}: {status} is no problem");
            }

            Assert.True(answers.TryGetProperty("429", out _), $"{o.Name} documents no 429");
        });
        var described = document.GetProperty("tags").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.TryGetProperty("description", out var d) ? d.GetString() : null);
        var used = operations.SelectMany(o => o.Operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)).ToHashSet();
        Assert.All(used, tag => Assert.False(string.IsNullOrWhiteSpace(described.GetValueOrDefault(tag)),
            $"tag {tag} has no description: map its endpoints in api.MapApiArea(\"{tag}\", \"what it holds\") (Api/ApiConventions.cs)"));
        Assert.DoesNotMatch("/$", document.GetProperty("servers")[0].GetProperty("url").GetString()!);
    }

    [Fact]
    public async Task Without_a_token_or_a_session_the_document_is_not_served()
    {
        using var anonymous = ApiTokens.Client(app.Host, token: null);
        using var browser = app.Host.CreateBrowserClient();
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "SP-004", twoFactor: false);
        (await SignIn.SignInAsync(browser, liaison)).Dispose();

        using var refused = await anonymous.GetAsync(new Uri("openapi/v1.json", UriKind.Relative), Ct);
        using var signedIn = await browser.GetAsync(new Uri("openapi/v1.json", UriKind.Relative), Ct);

        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("/api/v1", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(JsonValueKind.Object, (await JsonAsync(signedIn)).GetProperty("paths").ValueKind);
    }

    [GeneratedRegex(":[a-z]+}")]
    private static partial Regex Constraint();
}
