using System.Collections.Concurrent;
using System.Net;
using IncidentDesk.Data;
using IncidentDesk.Data.Identity;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Admin;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IncidentDesk.IntegrationTests.Admin.AdminTestKit;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.IntegrationTests.Admin;

public sealed class UserAdministrationTests(AppFixture app)
{
    private IncidentDeskHost Host => app.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deactivated_user_cannot_sign_in_loses_the_open_session_and_their_api_tokens()
    {
        var ct = TestContext.Current.CancellationToken;
        var liaison = await TestAccounts.CreateAsync(Host, AppRoles.CoopLiaison, "MG-002", twoFactor: false);
        var userId = await UserIdAsync(liaison.Email);
        var tokenId = await AddAccessTokenAsync(userId);
        using var session = Host.CreateBrowserClient();
        using var _ = await SignIn.SignInAsync(session, liaison);
        using (var before = await session.GetAsync(new Uri("coops", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var terminated = new ConcurrentBag<string>();
        var terminator = Host.Services.GetRequiredService<SessionTerminator>();
        terminator.Terminated += terminated.Add;
        Result result;
        try
        {
            await using var officer = await AsOfficerAsync(Host);
            result = await officer.ServiceProvider.GetRequiredService<UserAdministrationService>().DeactivateAsync(userId, Ct);
        }
        finally
        {
            terminator.Terminated -= terminated.Add;
        }

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Contains(userId, terminated);
        using var after = await session.GetAsync(new Uri("coops", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(SecurityExtensions.LoginPath, new Uri(Host.BaseAddress, after.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(Host, liaison.Email, liaison.Password));

        await using var db = await Host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(ct);
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        Assert.False(user.IsActive);
        Assert.NotNull(user.DeactivatedAtUtc);
        Assert.NotNull((await db.PersonalAccessTokens.SingleAsync(t => t.Id == tokenId, ct)).RevokedAtUtc);
        var entry = Assert.Single(await AuditAsync(Host, AuditActions.UserDeactivated, userId));
        Assert.Equal(IncidentDeskHost.OfficerEmail, entry.ActorName);
        Assert.Contains("\"IsActive\":{\"from\":true,\"to\":false}", entry.Changes!, StringComparison.Ordinal);
        Assert.False((await ListUsersAsync()).Single(u => u.Id == userId).IsActive);
    }

    [Fact]
    public async Task An_officer_cannot_deactivate_themselves()
    {
        var officer = await TestAccounts.CreateAsync(Host, AppRoles.PrivacyOfficer);
        var officerId = await UserIdAsync(officer.Email);
        await using var scope = await ActingAsAsync(Host, officer.Email);

        var result = await scope.ServiceProvider.GetRequiredService<UserAdministrationService>().DeactivateAsync(officerId, Ct);

        Assert.Contains("sua própria conta", RefusalOf(Host, result), StringComparison.Ordinal);
        Assert.True((await ListUsersAsync()).Single(u => u.Id == officerId).IsActive);
    }

    [Fact]
    public async Task Moving_a_liaison_to_another_coop_is_audited_with_before_and_after_and_ends_the_old_session()
    {
        var ct = TestContext.Current.CancellationToken;
        var liaison = await TestAccounts.CreateAsync(Host, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        var userId = await UserIdAsync(liaison.Email);
        var rj = await CoopIdAsync(Host, "RJ-001");
        using var session = Host.CreateBrowserClient();
        using var _ = await SignIn.SignInAsync(session, liaison);

        Result result;
        await using (var officer = await AsOfficerAsync(Host))
        {
            result = await officer.ServiceProvider.GetRequiredService<UserAdministrationService>().ChangeCoopAsync(userId, rj, Ct);
        }

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var row = (await ListUsersAsync()).Single(u => u.Id == userId);
        Assert.Equal(("RJ-001", rj), (row.CoopCode, row.CoopId));
        var entry = Assert.Single(await AuditAsync(Host, AuditActions.UserCoopChanged, userId));
        Assert.Contains("\"CoopCode\":{\"from\":\"SP-004\",\"to\":\"RJ-001\"}", entry.Changes!, StringComparison.Ordinal);
        using var stale = await session.GetAsync(new Uri("coops", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        await using var again = await ActingAsAsync(Host, liaison.Email);
        Assert.Equal(rj, again.ServiceProvider.GetRequiredService<CurrentUser>().CoopId);
    }

    [Fact]
    public async Task Only_liaisons_have_a_coop_to_change()
    {
        var auditor = await TestAccounts.CreateAsync(Host, AppRoles.Auditor);
        await using var officer = await AsOfficerAsync(Host);

        var result = await officer.ServiceProvider.GetRequiredService<UserAdministrationService>()
            .ChangeCoopAsync(await UserIdAsync(auditor.Email), await CoopIdAsync(Host, "RJ-001"), Ct);

        Assert.Contains("não é ponto focal", RefusalOf(Host, result), StringComparison.Ordinal);
        Assert.Null((await ListUsersAsync()).Single(u => u.Email == auditor.Email).CoopId);
    }

    [Fact]
    public async Task The_user_list_shows_role_coop_and_two_factor()
    {
        var liaison = await TestAccounts.CreateAsync(Host, AppRoles.CoopLiaison, "GO-001", twoFactor: false);
        var auditor = await TestAccounts.CreateAsync(Host, AppRoles.Auditor);

        var users = await ListUsersAsync();

        var liaisonRow = users.Single(u => u.Email == liaison.Email);
        Assert.Equal((AppRoles.CoopLiaison, "GO-001", false, true), (liaisonRow.Role, liaisonRow.CoopCode, liaisonRow.TwoFactorEnabled, liaisonRow.IsActive));
        Assert.False(string.IsNullOrEmpty(liaisonRow.CoopName));
        var auditorRow = users.Single(u => u.Email == auditor.Email);
        Assert.Equal((AppRoles.Auditor, null, true), (auditorRow.Role, auditorRow.CoopCode, auditorRow.TwoFactorEnabled));
    }

    [Theory]
    [InlineData("CoopLiaison", "SP-004")]
    [InlineData("Auditor", null)]
    public async Task Only_officers_administer_users_and_the_attempt_is_audited(string role, string? coopCode)
    {
        var someone = await TestAccounts.CreateAsync(Host, role, coopCode);
        var target = await TestAccounts.CreateAsync(Host, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        var targetId = await UserIdAsync(target.Email);
        await using var scope = await ActingAsAsync(Host, someone.Email);
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();

        Assert.True((await admin.DeactivateAsync(targetId, Ct)).IsForbidden);
        Assert.True((await admin.ChangeCoopAsync(targetId, await CoopIdAsync(Host, "RJ-001"), Ct)).IsForbidden);
        Assert.True((await admin.ListUsersAsync(Ct)).IsForbidden);

        var row = (await ListUsersAsync()).Single(u => u.Id == targetId);
        Assert.Equal((true, "SP-004"), (row.IsActive, row.CoopCode));
        Assert.Equal(2, (await AuditAsync(Host, AuditActions.AccessDenied, targetId)).Count);
        Assert.Equal(HttpStatusCode.Redirect, await SignInStatusAsync(Host, target.Email, target.Password));
    }

    private async Task<IReadOnlyList<UserRow>> ListUsersAsync()
    {
        await using var officer = await AsOfficerAsync(Host);
        return (await officer.ServiceProvider.GetRequiredService<UserAdministrationService>().ListUsersAsync(Ct)).Value;
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
    }

    private async Task<int> AddAccessTokenAsync(string userId)
    {
        await using var db = await Host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync();
        var token = AccessTokenSecrets.NewToken();
        var row = new PersonalAccessToken
        {
            UserId = userId,
            Name = "painel da cooperativa",
            TokenHash = AccessTokenSecrets.Hash(token),
            Prefix = AccessTokenSecrets.DisplayPrefix(token),
            CreatedAtUtc = DateTime.UtcNow,
            ExpiresAtUtc = DateTime.UtcNow.AddDays(30),
        };
        db.PersonalAccessTokens.Add(row);
        await db.SaveArrangedAsync();
        return row.Id;
    }
}
