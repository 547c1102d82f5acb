using System.Net;
using System.Text.Json;
using IncidentDesk.Data;
using IncidentDesk.Core.Audit;
using IncidentDesk.IntegrationTests.Api;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Hubs;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Security;

/// <summary>
/// Every refusal is on the record as <c>Access.Denied</c> with who (the actor), what (the request) and why (the rule):
/// role refusals of pages and downloads, API calls with a revoked token, a deactivated person's token or an officer's token
/// before 2FA, and the hub.
/// </summary>
public sealed class DenialAuditTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(AppRoles.CoopLiaison, "audit", "role PrivacyOfficer or Auditor required")]
    [InlineData(AppRoles.CoopLiaison, "admin", "role PrivacyOfficer required")]
    [InlineData(AppRoles.CoopLiaison, "register/csv", "role PrivacyOfficer or Auditor required")]
    [InlineData(AppRoles.CoopLiaison, "coops/export/csv", "role PrivacyOfficer or Auditor required")]
    [InlineData(AppRoles.CoopLiaison, "campaigns/1/matrix/xlsx", "role PrivacyOfficer or Auditor required")]
    [InlineData(AppRoles.Auditor, "admin", "role PrivacyOfficer required")]
    public async Task A_page_or_download_refused_to_the_role_is_recorded_with_who_what_and_why(string role, string path, string why)
    {
        var person = await TestAccounts.CreateAsync(app.Host, role, role == AppRoles.CoopLiaison ? "SP-004" : null);
        using var browser = app.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(browser, person)).Dispose();

        using var response = await browser.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var entry = await SingleDenialAsync(person.Email);
        Assert.Equal($"GET /{path}", entry.EntityId);
        Assert.Contains(why, Reason(entry), StringComparison.Ordinal);
        Assert.NotNull(entry.ActorId);
    }

    [Fact]
    public async Task An_api_call_with_a_revoked_token_is_recorded_in_the_owners_name()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        var token = await ApiTokens.CreateAsync(app.Host, liaison);
        await using (var scope = await app.Host.ActingAsAsync(liaison))
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>().RevokeAsync(token.Token.Id, Ct));
        }

        using var client = ApiTokens.Client(app.Host, token.Secret);
        using var response = await client.GetAsync(new Uri("api/v1/me", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var entry = await SingleDenialAsync(liaison.Email);
        Assert.Equal("GET /api/v1/me", entry.EntityId);
        Assert.Contains("revoked", Reason(entry), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_call_with_a_deactivated_persons_token_is_recorded()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        var token = await ApiTokens.CreateAsync(app.Host, liaison);
        await using (var db = app.Host.Services.GetRequiredService<FederationWideDb>().CreateDbContext())
        {
            // Deactivated by hand, so the token itself stays unrevoked: the owner's state alone must refuse it.
            await db.ArrangeAsync(async d => (await d.Users.SingleAsync(u => u.Email == liaison.Email, Ct)).IsActive = false, Ct);
        }

        using var client = ApiTokens.Client(app.Host, token.Secret);
        using var response = await client.GetAsync(new Uri("api/v1/tasks", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var entry = await SingleDenialAsync(liaison.Email);
        Assert.Equal("GET /api/v1/tasks", entry.EntityId);
        Assert.Contains("owner inactive", Reason(entry), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officers_token_before_two_factor_enrolment_is_refused_and_recorded()
    {
        var officer = await TestAccounts.CreateAsync(app.Host, AppRoles.PrivacyOfficer, twoFactor: false);
        var token = await ApiTokens.CreateAsync(app.Host, officer);

        using var client = ApiTokens.Client(app.Host, token.Secret);
        using var response = await client.GetAsync(new Uri("api/v1/incidents", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var entry = await SingleDenialAsync(officer.Email);
        Assert.Equal("GET /api/v1/incidents", entry.EntityId);
        Assert.Contains("two-factor enrolment required", Reason(entry), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hub_connection_with_a_revoked_token_is_refused_and_recorded()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        var token = await ApiTokens.CreateAsync(app.Host, liaison);
        await using (var scope = await app.Host.ActingAsAsync(liaison))
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>().RevokeAsync(token.Token.Id, Ct));
        }

        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Host.BaseAddress, IncidentsHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token.Secret))
            .Build();
        await using var _ = connection;
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        var entry = await SingleDenialAsync(liaison.Email);
        Assert.Equal("POST /hubs/incidents/negotiate", entry.EntityId);
        Assert.Contains("revoked", Reason(entry), StringComparison.Ordinal);
    }

    private async Task<AuditEntry> SingleDenialAsync(string actorName)
    {
        await using var db = app.Host.Services.GetRequiredService<FederationWideDb>().CreateDbContext();
        return Assert.Single(await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.AccessDenied && e.ActorName == actorName).ToListAsync(Ct));
    }

    private static string Reason(AuditEntry entry) =>
        JsonDocument.Parse(entry.Changes ?? "{}").RootElement.GetProperty("Reason").GetString() ?? "";
}
