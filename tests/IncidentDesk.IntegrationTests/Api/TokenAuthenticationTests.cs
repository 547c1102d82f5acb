using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IncidentDesk.IntegrationTests.Admin;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Admin;
using IncidentDesk.Web.Features.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Api;

/// <summary>Personal access tokens over real HTTP: who they sign in, and every way they stop working.</summary>
public sealed class TokenAuthenticationTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_created_by_a_person_signs_the_api_in_as_that_person_with_role_and_coop()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "SP-004", twoFactor: false);
        CreatedToken created;
        await using (var scope = await app.Host.ActingAsAsync(liaison.Email))
        {
            created = (await scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>().CreateAsync("Planilha", 30, Ct)).Value;
        }

        using var client = ApiTokens.Client(app.Host, created.Secret);
        using var response = await client.GetAsync(new Uri("api/v1/me", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(await ApiTokens.UserIdAsync(app.Host, liaison.Email), me.GetProperty("id").GetString());
        Assert.Equal(liaison.Email, me.GetProperty("email").GetString());
        Assert.Equal("CoopLiaison", me.GetProperty("role").GetString());
        Assert.Equal("SP-004", me.GetProperty("coop").GetProperty("code").GetString());
        Assert.StartsWith(AccessTokenSecrets.TokenPrefix, created.Secret, StringComparison.Ordinal);
        Assert.Equal(TokenStatus.Active, created.Token.Status);
    }

    [Fact]
    public async Task The_database_and_the_audit_trail_keep_no_usable_secret()
    {
        var officer = await TestAccounts.CreateAsync(app.Host, "PrivacyOfficer");
        var created = await ApiTokens.CreateAsync(app.Host, officer);
        await using var db = ApiTokens.Db(app.Host);

        var stored = await db.PersonalAccessTokens.AsNoTracking().SingleAsync(t => t.Id == created.Token.Id, Ct);
        var rowText = string.Join("|", stored.Name, stored.Prefix, stored.TokenHash, stored.UserId);
        Assert.DoesNotContain(created.Secret, rowText, StringComparison.Ordinal);
        Assert.Equal(AccessTokenSecrets.Hash(created.Secret), stored.TokenHash);
        Assert.True(created.Secret.Length > stored.Prefix.Length + 30, "the display prefix must not reveal the secret");

        var auditText = string.Join("\n", await db.AuditEntries.AsNoTracking().Select(e => e.Changes ?? "").ToListAsync(Ct));
        Assert.DoesNotContain(created.Secret, auditText, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.TokenHash, auditText, StringComparison.Ordinal);
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(e => e.Action == "Token.Created").Select(e => e.Changes).ToListAsync(Ct),
            c => c != null && c.Contains(stored.Prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_revoked_token_is_refused()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "SP-004", twoFactor: false);
        var created = await ApiTokens.CreateAsync(app.Host, liaison);
        using var client = ApiTokens.Client(app.Host, created.Secret);
        Assert.Equal("SP-004", await CoopOfAsync(client)); // the token works before

        await using (var scope = await app.Host.ActingAsAsync(liaison.Email))
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>().RevokeAsync(created.Token.Id, Ct));
        }

        await AssertRefusedAsync(client);
        await using var db = ApiTokens.Db(app.Host);
        Assert.True(await db.AuditEntries.AnyAsync(
            e => e.Action == "Token.Revoked" && e.EntityId == created.Token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "SP-004", twoFactor: false);
        var created = await ApiTokens.CreateAsync(app.Host, liaison);
        await using (var db = ApiTokens.Db(app.Host))
        {
            await db.ArrangeAsync(d => d.PersonalAccessTokens.Where(t => t.Id == created.Token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAtUtc, DateTime.UtcNow.AddMinutes(-1)), Ct), Ct);
        }

        using var client = ApiTokens.Client(app.Host, created.Secret);
        await AssertRefusedAsync(client);
    }

    [Fact]
    public async Task The_token_of_a_deactivated_person_is_refused()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "SP-004", twoFactor: false);
        var created = await ApiTokens.CreateAsync(app.Host, liaison);
        await using (var db = ApiTokens.Db(app.Host))
        {
            await db.ArrangeAsync(d => d.Users.Where(u => u.Email == liaison.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false), Ct), Ct);
        }

        using var client = ApiTokens.Client(app.Host, created.Secret);
        await AssertRefusedAsync(client);
    }

    [Fact]
    public async Task A_person_deactivated_between_two_calls_is_refused_on_the_next_one()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "SP-004", twoFactor: false);
        var created = await ApiTokens.CreateAsync(app.Host, liaison);
        using var client = ApiTokens.Client(app.Host, created.Secret);
        Assert.Equal("SP-004", await CoopOfAsync(client)); // the token works before

        await using (var officer = await AdminTestKit.AsOfficerAsync(app.Host))
        {
            var deactivated = await officer.ServiceProvider.GetRequiredService<UserAdministrationService>()
                .DeactivateAsync(await ApiTokens.UserIdAsync(app.Host, liaison.Email), Ct);
            Assert.True(deactivated.Succeeded, string.Join(" ", deactivated.Errors));
        }

        await AssertRefusedAsync(client);
    }

    [Fact]
    public async Task A_liaison_moved_to_another_coop_acts_for_the_new_coop_on_the_tokens_next_call()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "SP-004", twoFactor: false);
        var created = await ApiTokens.CreateAsync(app.Host, liaison);
        using var client = ApiTokens.Client(app.Host, created.Secret);
        Assert.Equal("SP-004", await CoopOfAsync(client));

        await using (var officer = await AdminTestKit.AsOfficerAsync(app.Host))
        {
            var moved = await officer.ServiceProvider.GetRequiredService<UserAdministrationService>()
                .ChangeCoopAsync(await ApiTokens.UserIdAsync(app.Host, liaison.Email), await AdminTestKit.CoopIdAsync(app.Host, "RJ-001"), Ct);
            Assert.True(moved.Succeeded, string.Join(" ", moved.Errors));
        }

        Assert.Equal("RJ-001", await CoopOfAsync(client));
    }

    private static async Task<string?> CoopOfAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("api/v1/me", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("coop").GetProperty("code").GetString();
    }

    [Theory]
    [InlineData("idk_not-a-real-token")]
    [InlineData("eyJhbGciOiJub25lIn0.e30.")]
    public async Task An_unknown_or_foreign_token_is_refused(string token)
    {
        using var client = ApiTokens.Client(app.Host, token);
        await AssertRefusedAsync(client);
    }

    [Fact]
    public async Task Using_a_token_records_when_it_was_last_used()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "SP-004", twoFactor: false);
        var created = await ApiTokens.CreateAsync(app.Host, liaison);
        Assert.Null(created.Token.LastUsedAtUtc);
        var before = DateTime.UtcNow.AddSeconds(-1);

        using var client = ApiTokens.Client(app.Host, created.Secret);
        using var response = await client.GetAsync(new Uri("api/v1/incidents", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = ApiTokens.Db(app.Host);
        var lastUsed = (await db.PersonalAccessTokens.AsNoTracking().SingleAsync(t => t.Id == created.Token.Id, Ct)).LastUsedAtUtc;
        Assert.NotNull(lastUsed);
        Assert.InRange(lastUsed.Value, before, DateTime.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Without_a_token_the_api_answers_401_and_never_redirects_to_the_sign_in_page()
    {
        using var client = ApiTokens.Client(app.Host, token: null);
        await AssertRefusedAsync(client);
    }

    [Fact]
    public async Task A_signed_in_browser_cookie_does_not_open_the_api()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "SP-004", twoFactor: false);
        using var browser = app.Host.CreateBrowserClient();
        using var login = await SignIn.SignInAsync(browser, liaison);
        using (var page = await browser.GetAsync(new Uri("coops", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        foreach (var path in new[] { "api/v1/me", "api/v1/coops", "api/v1/incidents" })
        {
            using var response = await browser.GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Null(response.Headers.Location);
        }
    }

    [Fact]
    public async Task An_officer_token_needs_the_officer_to_have_two_factor_like_the_pages_do()
    {
        var officer = await TestAccounts.CreateAsync(app.Host, "PrivacyOfficer", twoFactor: false);
        var created = await ApiTokens.CreateAsync(app.Host, officer);
        using var client = ApiTokens.Client(app.Host, created.Secret);

        using var response = await client.GetAsync(new Uri("api/v1/coops", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    private static async Task AssertRefusedAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("api/v1/me", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
    }
}
