using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using IncidentDesk.Testing;

namespace IncidentDesk.IntegrationTests.Api;

/// <summary>A token-authenticated client for one role, with the small JSON helpers the API tests share.</summary>
internal sealed class ApiClient(HttpClient http) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient Http => http;

    public static async Task<ApiClient> ForAsync(IncidentDeskHost host, string role, string? coopCode = null)
    {
        var account = await TestAccounts.CreateAsync(host, role, coopCode, twoFactor: role != "CoopLiaison");
        return new ApiClient(ApiTokens.Client(host, (await ApiTokens.CreateAsync(host, account)).Secret));
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? language = null) => SendAsync(HttpMethod.Get, path, null, language);

    public Task<HttpResponseMessage> PostAsync(string path, object body, string? language = null) => SendAsync(HttpMethod.Post, path, body, language);

    public Task<HttpResponseMessage> PutAsync(string path, object body, string? language = null) => SendAsync(HttpMethod.Put, path, body, language);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? language)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = body is string raw
                ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json")
                : JsonContent.Create(body);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await http.SendAsync(request, Ct);
    }
}
