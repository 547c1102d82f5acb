using System.Globalization;
using System.Net;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Api;

/// <summary>Who may revoke whose token: people their own, officers anyone's; a liaison cannot even confirm a token exists.</summary>
public sealed class TokenRevocationTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_liaison_cannot_revoke_an_officers_token_it_is_not_found_and_the_attempt_is_audited()
    {
        var officer = await TestAccounts.CreateAsync(app.Host, "PrivacyOfficer");
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "SP-004", twoFactor: false);
        var officerToken = await ApiTokens.CreateAsync(app.Host, officer);

        await using (var scope = await app.Host.ActingAsAsync(liaison.Email))
        {
            var tokens = scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>();
            Assert.False(await tokens.RevokeAsync(officerToken.Token.Id, Ct));
            Assert.DoesNotContain(await tokens.ListMineAsync(Ct), t => t.Id == officerToken.Token.Id);
        }

        using var client = ApiTokens.Client(app.Host, officerToken.Secret);
        using var stillWorks = await client.GetAsync(new Uri("api/v1/me", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);

        var liaisonId = await ApiTokens.UserIdAsync(app.Host, liaison.Email);
        var tokenId = officerToken.Token.Id.ToString(CultureInfo.InvariantCulture);
        await using var db = ApiTokens.Db(app.Host);
        Assert.Null((await db.PersonalAccessTokens.AsNoTracking().SingleAsync(t => t.Id == officerToken.Token.Id, Ct)).RevokedAtUtc);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "Access.Denied" && e.EntityType == "PersonalAccessToken"
            && e.EntityId == tokenId && e.ActorId == liaisonId, Ct));
    }

    [Fact]
    public async Task An_officer_may_revoke_a_liaisons_token()
    {
        var officer = await TestAccounts.CreateAsync(app.Host, "PrivacyOfficer");
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "SP-004", twoFactor: false);
        var liaisonToken = await ApiTokens.CreateAsync(app.Host, liaison);

        await using (var scope = await app.Host.ActingAsAsync(officer.Email))
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>().RevokeAsync(liaisonToken.Token.Id, Ct));
        }

        using var client = ApiTokens.Client(app.Host, liaisonToken.Secret);
        using var response = await client.GetAsync(new Uri("api/v1/me", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_person_lists_their_own_tokens_with_status()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "SP-004", twoFactor: false);
        var other = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "SP-004", twoFactor: false);
        var kept = await ApiTokens.CreateAsync(app.Host, liaison);
        var revoked = await ApiTokens.CreateAsync(app.Host, liaison);
        var someoneElses = await ApiTokens.CreateAsync(app.Host, other);

        await using var scope = await app.Host.ActingAsAsync(liaison.Email);
        var tokens = scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>();
        Assert.True(await tokens.RevokeAsync(revoked.Token.Id, Ct));
        var mine = await tokens.ListMineAsync(Ct);

        Assert.Equal(2, mine.Count);
        Assert.Equal(TokenStatus.Active, Assert.Single(mine, t => t.Id == kept.Token.Id).Status);
        Assert.Equal(TokenStatus.Revoked, Assert.Single(mine, t => t.Id == revoked.Token.Id).Status);
        Assert.DoesNotContain(mine, t => t.Id == someoneElses.Token.Id);
    }

    [Theory]
    [InlineData("", 30)]
    [InlineData("ok", 0)]
    [InlineData("ok", 366)]
    public async Task Invalid_names_and_validities_are_refused_and_nothing_is_written(string name, int days)
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "SP-004", twoFactor: false);
        await using var scope = await app.Host.ActingAsAsync(liaison.Email);
        var tokens = scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>();

        await Assert.ThrowsAsync<ArgumentException>(() => tokens.CreateAsync(name, days, Ct));
        Assert.Empty(await tokens.ListMineAsync(Ct));
    }

    [Fact]
    public async Task An_officer_still_owing_two_factor_enrolment_cannot_create_a_token()
    {
        var officer = await TestAccounts.CreateAsync(app.Host, "PrivacyOfficer", twoFactor: false);
        await using var scope = await app.Host.ActingAsAsync(officer.Email);
        var tokens = scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>();

        Assert.True((await tokens.CreateAsync("sem 2FA", 30, Ct)).IsForbidden);
        Assert.Empty(await tokens.ListMineAsync(Ct));
    }
}
