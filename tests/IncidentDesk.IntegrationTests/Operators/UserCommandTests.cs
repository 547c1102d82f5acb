using System.Net;
using IncidentDesk.Data.Identity;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Operators;

[Collection(OperatorHostGroup.Name)]
public sealed class UserCommandTests(OperatorHostFixture fixture)
{
    private static readonly string CliActor = OperatorCli.Actor;
    private IncidentDeskHost Host => fixture.Host;

    private static string NewEmail(string who) => OperatorCli.NewEmail(who);

    private static string NewPassword() => OperatorCli.NewPassword();

    [Fact]
    public async Task Users_list_shows_each_account_with_role_coop_state_and_two_factor()
    {
        var email = NewEmail("listed");
        Assert.Equal(0, (await OperatorCli.RunWithInputAsync(Host, NewPassword(),
            "users", "add", "--email", email, "--role", "liaison", "--coop", "AC-001")).ExitCode);

        var result = await OperatorCli.RunAsync(Host, "users", "list");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("E-MAIL", lines[0], StringComparison.Ordinal);
        Assert.Matches(@$"^{IncidentDeskHost.OfficerEmail.Replace(".", "\\.", StringComparison.Ordinal)}\s+{IncidentDeskHost.OfficerName}\s+PrivacyOfficer\s+-\s+yes\s+no$",
            Assert.Single(lines, l => l.StartsWith(IncidentDeskHost.OfficerEmail, StringComparison.Ordinal)));
        Assert.Matches(@"\s+CoopLiaison\s+AC-001\s+yes\s+no$", Assert.Single(lines, l => l.StartsWith(email, StringComparison.Ordinal)));
        await using var db = fixture.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.UsersListed && e.ActorName == CliActor,
            TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Users_token_prints_a_token_once_that_is_stored_only_hashed_and_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        var officer = await TestAccounts.CreateAsync(Host, AppRoles.PrivacyOfficer);

        var result = await OperatorCli.RunAsync(Host, "users", "token", "--email", officer.Email, "--name", "automação", "--expires-days", "30");

        Assert.Equal(0, result.ExitCode);
        var secret = result.Output.Trim();
        Assert.StartsWith(AccessTokenSecrets.TokenPrefix, secret, StringComparison.Ordinal);
        await using var db = fixture.CreateDb();
        var userId = (await db.Users.SingleAsync(u => u.Email == officer.Email, ct)).Id;
        var token = await db.PersonalAccessTokens.SingleAsync(t => t.UserId == userId, ct);
        Assert.Equal(AccessTokenSecrets.Hash(secret), token.TokenHash);
        Assert.Equal("automação", token.Name);
        Assert.Equal(30, (token.ExpiresAtUtc - token.CreatedAtUtc).TotalDays, precision: 3);
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.TokenCreated && e.EntityId == userId, ct);
        Assert.Equal(CliActor, entry.ActorName);
        Assert.DoesNotContain(secret, entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(token.TokenHash, entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_token_refuses_an_unknown_email_and_a_validity_out_of_range()
    {
        var officer = await TestAccounts.CreateAsync(Host, AppRoles.PrivacyOfficer);
        var before = await fixture.CountAsync();

        var unknown = await OperatorCli.RunAsync(Host, "users", "token", "--email", NewEmail("nobody"), "--name", "ci");
        var tooLong = await OperatorCli.RunAsync(Host, "users", "token", "--email", officer.Email, "--name", "ci", "--expires-days", "4000");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No account with e-mail", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(1, tooLong.ExitCode);
        Assert.Contains("--expires-days", tooLong.Error, StringComparison.Ordinal);
        Assert.Equal("", unknown.Output + tooLong.Output);
        Assert.Equal(before, await fixture.CountAsync());
        await using var db = fixture.CreateDb();
        Assert.False(await db.PersonalAccessTokens.AnyAsync(
            t => db.Users.Any(u => u.Id == t.UserId && u.Email == officer.Email), TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(AppRoles.PrivacyOfficer)]
    [InlineData(AppRoles.Auditor)]
    public async Task Users_token_for_an_officer_or_auditor_without_two_factor_refuses_says_why_and_names_the_override(string role)
    {
        var person = await TestAccounts.CreateAsync(Host, role, twoFactor: false);
        var before = await fixture.CountAsync();

        var result = await OperatorCli.RunAsync(Host, "users", "token", "--email", person.Email, "--name", "ci");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains($"{person.Email} is a {role} without two-factor authentication", result.Error, StringComparison.Ordinal);
        Assert.Contains("/account/two-factor", result.Error, StringComparison.Ordinal);
        Assert.Contains("--allow-before-2fa", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CountAsync());
        await using var db = fixture.CreateDb();
        Assert.False(await db.PersonalAccessTokens.AnyAsync(
            t => db.Users.Any(u => u.Id == t.UserId && u.Email == person.Email), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Users_token_with_allow_before_2fa_creates_the_token_warns_and_the_api_explains_until_enrolment()
    {
        var officer = await TestAccounts.CreateAsync(Host, AppRoles.PrivacyOfficer, twoFactor: false);

        var result = await OperatorCli.RunAsync(Host, "users", "token", "--allow-before-2fa", "--email", officer.Email, "--name", "ci");

        Assert.Equal(0, result.ExitCode);
        var secret = result.Output.Trim();
        Assert.StartsWith(AccessTokenSecrets.TokenPrefix, secret, StringComparison.Ordinal);
        Assert.Contains("works only once", result.Error, StringComparison.Ordinal);
        using var client = Api.ApiTokens.Client(Host, secret);
        using var response = await client.GetAsync(new Uri("api/v1/me", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("/account/two-factor", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_reset_2fa_sends_an_officer_who_lost_the_device_back_to_enrolment()
    {
        var ct = TestContext.Current.CancellationToken;
        var officer = await TestAccounts.CreateAsync(Host, AppRoles.PrivacyOfficer);
        var (oldStamp, oldKey) = await StampAndKeyAsync(officer.Email);

        var result = await OperatorCli.RunAsync(Host, "users", "reset-2fa", "--email", officer.Email);

        Assert.Equal(0, result.ExitCode);
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(officer.Email))!;
        Assert.False(user.TwoFactorEnabled);
        Assert.NotEqual(oldStamp, user.SecurityStamp);
        Assert.NotEqual(oldKey, await users.GetAuthenticatorKeyAsync(user));
        Assert.Equal(0, await users.CountRecoveryCodesAsync(user));
        await using var db = fixture.CreateDb();
        Assert.Equal(CliActor, (await db.AuditEntries.SingleAsync(
            e => e.Action == AuditActions.TwoFactorReset && e.EntityId == user.Id, ct)).ActorName);

        using var client = Host.CreateBrowserClient();
        using var login = await SignIn.PostLoginAsync(client, officer.Email, officer.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        using var home = await client.GetAsync(new Uri("coops", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/two-factor", new Uri(Host.BaseAddress, home.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Users_deactivate_ends_sign_in_and_revokes_every_token()
    {
        var ct = TestContext.Current.CancellationToken;
        var liaison = await TestAccounts.CreateAsync(Host, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        Assert.Equal(0, (await OperatorCli.RunAsync(Host, "users", "token", "--email", liaison.Email, "--name", "one")).ExitCode);
        Assert.Equal(0, (await OperatorCli.RunAsync(Host, "users", "token", "--email", liaison.Email, "--name", "two")).ExitCode);
        var (oldStamp, _) = await StampAndKeyAsync(liaison.Email);

        var result = await OperatorCli.RunAsync(Host, "users", "deactivate", "--email", liaison.Email);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 token(s) revoked", result.Output, StringComparison.Ordinal);
        await using var db = fixture.CreateDb();
        var user = await db.Users.SingleAsync(u => u.Email == liaison.Email, ct);
        Assert.False(user.IsActive);
        Assert.NotNull(user.DeactivatedAtUtc);
        Assert.NotEqual(oldStamp, user.SecurityStamp);
        Assert.All(await db.PersonalAccessTokens.Where(t => t.UserId == user.Id).ToListAsync(ct), t => Assert.NotNull(t.RevokedAtUtc));
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.UserDeactivated && e.EntityId == user.Id, ct);
        Assert.Equal(CliActor, entry.ActorName);

        using var client = Host.CreateBrowserClient();
        using var login = await SignIn.PostLoginAsync(client, liaison.Email, liaison.Password);
        Assert.NotEqual(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Theory]
    [InlineData("reset-2fa")]
    [InlineData("deactivate")]
    public async Task Commands_for_an_unknown_email_refuse_and_write_nothing(string command)
    {
        var before = await fixture.CountAsync();

        var result = await OperatorCli.RunAsync(Host, "users", command, "--email", NewEmail("ghost"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No account with e-mail", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CountAsync());
    }

    private async Task<(string? Stamp, string? Key)> StampAndKeyAsync(string email)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        return (user.SecurityStamp, await users.GetAuthenticatorKeyAsync(user));
    }
}
