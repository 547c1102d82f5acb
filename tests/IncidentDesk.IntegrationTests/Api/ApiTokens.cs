using System.Net.Http.Headers;
using IncidentDesk.Data;
using IncidentDesk.Data.Identity;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.IntegrationTests.Api;

/// <summary>Tokens and API clients for the tests, made through the real token service.</summary>
internal static class ApiTokens
{
    /// <summary>A token for the account, as the operators' command line makes one.</summary>
    public static async Task<CreatedToken> CreateAsync(IncidentDeskHost host, TestAccount account, int days = 30)
    {
        await using var scope = host.OperatorScope();
        var user = await FindAsync(scope.ServiceProvider, account.Email);
        return await scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>()
            .CreateForUserAsync(user.Id, "integration test", days, new AuditActor(null, "integration test"));
    }

    public static HttpClient Client(IncidentDeskHost host, string? token)
    {
        host.Start();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static async Task<string> UserIdAsync(IncidentDeskHost host, string email)
    {
        using var scope = host.Services.CreateScope();
        return (await FindAsync(scope.ServiceProvider, email)).Id;
    }

    public static IncidentDeskDbContext Db(IncidentDeskHost host) =>
        host.Services.GetRequiredService<FederationWideDb>().CreateDbContext();

    private static async Task<AppUser> FindAsync(IServiceProvider services, string email) =>
        await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
        ?? throw new InvalidOperationException($"No account {email}.");
}
