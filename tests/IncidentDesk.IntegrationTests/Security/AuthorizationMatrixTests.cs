using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using IncidentDesk.Data;
using IncidentDesk.Data.Identity;
using IncidentDesk.Data.Seeding;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Security;

/// <summary>Every route × every role, against the real app: pages with a browser session, the API with a token.</summary>
public sealed class AuthorizationMatrixTests(AppFixture app)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Dictionary<string, Caller>? _callers;
    private static (int Incident, int CoopA, int Figure) _ids;

    public static TheoryData<int, string> Cells() =>
        [.. AuthorizationMatrix.Rows.SelectMany((_, i) => AuthorizationMatrix.Roles.Select(role => (i, role)))];

    [Fact]
    public void Every_mapped_route_has_a_row_and_every_row_a_route()
    {
        var mapped = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Pattern: (e.RoutePattern.RawText ?? "").TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            // Framework endpoints (_blazor, _framework) and static files are not the app's routes; the API's document and security.txt are.
            .Where(e => !e.Pattern.StartsWith('_') && !e.Pattern.Contains(":file}", StringComparison.Ordinal)
                && (!LastSegment(e.Pattern).Contains('.', StringComparison.Ordinal) || e.Pattern.StartsWith("openapi/", StringComparison.Ordinal)
                    || e.Pattern.StartsWith(".well-known/", StringComparison.Ordinal)))
            .ToList();

        var missing = mapped
            .Where(e => !AuthorizationMatrix.Rows.Any(r => r.Pattern == e.Pattern && (e.Methods.Count == 0 || e.Methods.Contains(r.Method))))
            .Select(e => $"{string.Join('|', e.Methods)} {e.Pattern}").Distinct().ToList();
        var stale = AuthorizationMatrix.Rows.Where(r => !mapped.Any(e => e.Pattern == r.Pattern)).Select(r => r.Pattern).ToList();

        Assert.True(missing.Count == 0, $"Routes without an authorization row: {string.Join(", ", missing)}");
        Assert.True(stale.Count == 0, $"Rows for routes the app no longer maps: {string.Join(", ", stale)}");
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_role_gets_exactly_the_expected_answer(int row, string role)
    {
        var cell = AuthorizationMatrix.Rows[row];
        var callers = await CallersAsync();
        var caller = callers[role];
        var path = cell.Path.Replace("{incident}", _ids.Incident.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{coopA}", _ids.CoopA.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{figure}", _ids.Figure.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(cell.Method), new Uri(path, UriKind.Relative));
        if (cell.IsApi && caller.Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", caller.Token);
        }

        if (cell.IsApi && cell.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }
        else if (cell.Method == "POST")
        {
            request.Content = new FormUrlEncodedContent([]);
        }

        // The API never honours the browser session: it is called without cookies.
        using var response = await (cell.IsApi ? caller.ApiClient : caller.Browser).SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(cell.For(role), Classify(response));
    }

    private static Outcome Classify(HttpResponseMessage response)
    {
        var target = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Outcome.Ok,
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.Unauthorized => Outcome.Unauthorized,
            HttpStatusCode.BadRequest => Outcome.BadRequest,
            HttpStatusCode.Forbidden => Outcome.Forbidden,
            HttpStatusCode.Redirect when target.Contains("/account/login?", StringComparison.Ordinal) => Outcome.ToSignIn,
            HttpStatusCode.Redirect when target.Contains("/account/access-denied", StringComparison.Ordinal) => Outcome.Denied,
            HttpStatusCode.Redirect => Outcome.Redirect,
            _ => throw new InvalidOperationException($"Unexpected {(int)response.StatusCode} {target}"),
        };
    }

    private static string LastSegment(string pattern) => pattern.Split('/')[^1];

    private async Task<Dictionary<string, Caller>> CallersAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_callers is not null)
            {
                return _callers;
            }

            var host = app.Host;
            await using (var db = await host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync())
            {
                var incident = (await db.Incidents.SingleAsync(i => i.Reference == ReferenceIncidentSeed.Reference)).Id;
                _ids = (incident, (await db.Coops.SingleAsync(c => c.Code == "SP-004")).Id,
                    await db.KeyFigures.Where(f => f.IncidentId == incident).OrderBy(f => f.Id).Select(f => f.Id).FirstAsync());
            }

            var callers = new Dictionary<string, Caller> { ["Anonymous"] = new(host.CreateBrowserClient(), host.CreateBrowserClient(), null) };
            foreach (var (role, account) in new[]
                     {
                         ("LiaisonA", await TestAccounts.CreateAsync(host, "CoopLiaison", "SP-004", twoFactor: false)),
                         ("LiaisonB", await TestAccounts.CreateAsync(host, "CoopLiaison", "RJ-001", twoFactor: false)),
                         ("Auditor", await TestAccounts.CreateAsync(host, "Auditor")),
                         ("Officer", await TestAccounts.CreateAsync(host, "PrivacyOfficer")),
                     })
            {
                var browser = host.CreateBrowserClient();
                (await SignIn.SignInAsync(browser, account)).Dispose();
                callers[role] = new Caller(browser, host.CreateBrowserClient(), await IssueTokenAsync(host, account));
            }

            return _callers = callers;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> IssueTokenAsync(IncidentDeskHost host, TestAccount account)
    {
        await using var db = await host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Email == account.Email);
        var token = AccessTokenSecrets.NewToken();
        db.PersonalAccessTokens.Add(new PersonalAccessToken
        {
            UserId = user.Id, Name = "matrix", TokenHash = AccessTokenSecrets.Hash(token), Prefix = AccessTokenSecrets.DisplayPrefix(token),
            CreatedAtUtc = DateTime.UtcNow, ExpiresAtUtc = DateTime.UtcNow.AddDays(1),
        });
        await db.SaveArrangedAsync();
        return token;
    }

    private sealed record Caller(HttpClient Browser, HttpClient ApiClient, string? Token);
}
