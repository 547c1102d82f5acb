using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IncidentDesk.Data.Identity;
using IncidentDesk.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Api;

/// <summary>
/// A client of the API gets JSON in every case a newcomer trips over: a path that does not exist, no token, and an
/// officer's token before the officer has enrolled two-factor authentication. Never the HTML sign-in page, never an empty body.
/// </summary>
public sealed class ApiProblemAnswersTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "api/v1/nothing-here")]
    [InlineData("GET", "api/v1/incidents/not-a-number")]
    [InlineData("GET", "api/v1/incidents/1/nothing-here")]
    [InlineData("DELETE", "api/v1/me")]
    [InlineData("GET", "api/v2/me")]
    public async Task An_unmatched_api_path_with_a_valid_token_is_a_json_404_problem(string method, string path)
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "SP-004", twoFactor: false);
        using var client = ApiTokens.Client(app.Host, (await ApiTokens.CreateAsync(app.Host, liaison)).Secret);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var problem = await ProblemAsync(response);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("Endereço inexistente na API.", problem.GetProperty("title").GetString());
        Assert.Contains($"{method} /{path}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("/openapi/v1.json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/v1/nothing-here")]
    [InlineData("api/v1/me")]
    public async Task Without_a_token_any_api_path_is_a_json_401_problem_naming_the_bearer_header(string path)
    {
        using var client = ApiTokens.Client(app.Host, token: null);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        var problem = await ProblemAsync(response);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal("Token de acesso ausente ou inválido.", problem.GetProperty("title").GetString());
        Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_token_on_an_unmatched_path_is_a_401_too_so_paths_are_not_probed_without_a_token()
    {
        using var client = ApiTokens.Client(app.Host, "idk_not-a-real-token");

        using var response = await client.GetAsync(new Uri("api/v1/nothing-here", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (await ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_officers_token_minted_before_two_factor_enrolment_answers_a_problem_saying_where_to_enrol()
    {
        var officer = await TestAccounts.CreateAsync(app.Host, "PrivacyOfficer", twoFactor: false);
        var token = (await ApiTokens.CreateAsync(app.Host, officer)).Secret;
        using var client = ApiTokens.Client(app.Host, token);

        using var response = await client.GetAsync(new Uri("api/v1/coops", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var problem = await ProblemAsync(response);
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Equal("Autenticação em dois fatores pendente.", problem.GetProperty("title").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("autenticação em dois fatores em /account/two-factor antes de usar tokens", detail, StringComparison.Ordinal);
        Assert.Equal("TwoFactorRequired", problem.GetProperty("code").GetString());

        // Once the officer has enrolled, the same token works: nothing needs to be minted again.
        using (var scope = app.Host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(officer.Email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        using var after = await client.GetAsync(new Uri("api/v1/coops", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task The_two_factor_problem_speaks_english_when_the_client_asks_for_it()
    {
        var auditor = await TestAccounts.CreateAsync(app.Host, "Auditor", twoFactor: false);
        using var client = ApiTokens.Client(app.Host, (await ApiTokens.CreateAsync(app.Host, auditor)).Secret);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-US"));

        using var response = await client.GetAsync(new Uri("api/v1/me", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("Two-factor authentication not enrolled.", problem.GetProperty("title").GetString());
        Assert.Contains("Enrol two-factor authentication at /account/two-factor before using tokens", problem.GetProperty("detail").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_of_another_coop_is_a_404_problem_worded_exactly_like_one_that_does_not_exist()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "SP-004", twoFactor: false);
        using var client = ApiTokens.Client(app.Host, (await ApiTokens.CreateAsync(app.Host, liaison)).Secret);
        int otherCoop;
        await using (var db = ApiTokens.Db(app.Host))
        {
            otherCoop = db.Coops.Where(c => c.Code == "RJ-001").Select(c => c.Id).Single();
        }

        using var another = await client.GetAsync(new Uri($"api/v1/coops/{otherCoop}", UriKind.Relative), Ct);
        using var none = await client.GetAsync(new Uri($"api/v1/coops/{int.MaxValue}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, another.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        var (hidden, missing) = (await ProblemAsync(another), await ProblemAsync(none));
        Assert.Equal(404, hidden.GetProperty("status").GetInt32());
        Assert.Equal("Não encontrado.", hidden.GetProperty("title").GetString());
        Assert.Equal(missing.GetProperty("detail").GetString(), hidden.GetProperty("detail").GetString());
        Assert.DoesNotContain("RJ-001", hidden.GetRawText(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
