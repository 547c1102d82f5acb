using IncidentDesk.ApiClientTests.Generated;
using IncidentDesk.Data.Audit;
using IncidentDesk.Data.Identity;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace IncidentDesk.ApiClientTests;

/// <summary>
/// The generated client as an integrator sets it up: Kiota's HTTP adapter with a bearer token provider, pointed at the
/// desk's address, holding a personal access token minted for the account through the real token service.
/// </summary>
internal sealed class GeneratedClient : IDisposable
{
    private readonly HttpClient _http;

    private GeneratedClient(HttpClient http, IncidentDeskApiClient api)
    {
        _http = http;
        Api = api;
    }

    public IncidentDeskApiClient Api { get; }

    public static async Task<GeneratedClient> ForAsync(IncidentDeskHost host, TestAccount account)
    {
        host.Start();
        var token = await TokenAsync(host, account);
        // The desk listens on loopback over plain HTTP in the tests; Kiota's bearer provider refuses any other host.
        var address = host.BaseAddress.GetLeftPart(UriPartial.Authority);
        var authentication = new BaseBearerTokenAuthenticationProvider(new StaticToken(token, host.BaseAddress.Host));
        var http = new HttpClient();
        var adapter = new HttpClientRequestAdapter(authentication, httpClient: http) { BaseUrl = address };
        return new GeneratedClient(http, new IncidentDeskApiClient(adapter));
    }

    public void Dispose() => _http.Dispose();

    private static async Task<string> TokenAsync(IncidentDeskHost host, TestAccount account)
    {
        // As the operators' command line mints one: a federation-wide scope that can see a liaison's account.
        await using var scope = host.OperatorScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(account.Email)
            ?? throw new InvalidOperationException($"No account {account.Email}.");
        var created = await scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>()
            .CreateForUserAsync(user.Id, "generated client test", 1, new AuditActor(null, "api client test"));
        return created.Secret;
    }

    private sealed class StaticToken(string token, string host) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
            CancellationToken cancellationToken = default) =>
            Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? token : "");
    }
}
