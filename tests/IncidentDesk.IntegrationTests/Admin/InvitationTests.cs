using System.Net;
using IncidentDesk.Data.Identity;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Admin;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using IncidentDesk.Data;
using Microsoft.Extensions.DependencyInjection;
using static IncidentDesk.IntegrationTests.Admin.AdminTestKit;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.IntegrationTests.Admin;

public sealed class InvitationTests(AppFixture app)
{
    private IncidentDeskHost Host => app.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Invited_liaison_accepts_through_the_link_and_signs_in_with_the_role_and_coop_of_the_invitation()
    {
        var email = NewEmail("liaison");
        var password = NewPassword();
        var rj = await CoopIdAsync(Host, "RJ-001");
        var link = await InviteAsync(email, AppRoles.CoopLiaison, rj);

        Assert.StartsWith("/account/invitation?token=", link.Path, StringComparison.Ordinal);
        var stored = await InvitationAsync(Host, link.InvitationId);
        Assert.Equal(AccessTokenSecrets.Hash(TokenOf(link.Path)), stored.TokenHash);
        Assert.DoesNotContain(TokenOf(link.Path), stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(72), stored.ExpiresAtUtc - stored.CreatedAtUtc);

        using var client = Host.CreateBrowserClient();
        var page = await client.GetStringAsync(new Uri(link.Path.TrimStart('/'), UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains(email, page, StringComparison.Ordinal);
        Assert.Contains("Ponto focal da cooperativa", page, StringComparison.Ordinal);
        Assert.Contains("RJ-001 — CoopSaúde", page, StringComparison.Ordinal);

        using var accepted = await AcceptThroughPageAsync(client, link.Path, "Rita Ponto Focal", password);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/", new Uri(Host.BaseAddress, accepted.Headers.Location!).AbsolutePath);
        using var home = await client.GetAsync(new Uri("coops", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        Assert.Equal(("Rita Ponto Focal", rj, true, true), (user.DisplayName, user.CoopId, user.IsActive, user.EmailConfirmed));
        Assert.Equal([AppRoles.CoopLiaison], await users.GetRolesAsync(user));
        Assert.Equal(HttpStatusCode.Redirect, await SignInStatusAsync(Host, email, password));

        var id = link.InvitationId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = Assert.Single(await AuditAsync(Host, AuditActions.InvitationCreated, id));
        Assert.Equal(IncidentDeskHost.OfficerEmail, created.ActorName);
        Assert.DoesNotContain(TokenOf(link.Path), created.Changes!, StringComparison.Ordinal);
        Assert.Equal(user.Id, Assert.Single(await AuditAsync(Host, AuditActions.InvitationAccepted, id)).ActorId);
        Assert.Contains(AppRoles.CoopLiaison, Assert.Single(await AuditAsync(Host, AuditActions.UserCreated, user.Id)).Changes!, StringComparison.Ordinal);
        Assert.Equal(InvitationStatus.Accepted, (await ListAsync()).Single(i => i.Id == link.InvitationId).Status);
    }

    [Fact]
    public async Task Invited_officer_must_enrol_two_factor_before_reaching_any_data()
    {
        var link = await InviteAsync(NewEmail("officer"), AppRoles.PrivacyOfficer, null);
        using var client = Host.CreateBrowserClient();

        using var accepted = await AcceptThroughPageAsync(client, link.Path, "Otávio Encarregado", NewPassword());
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/account/two-factor", new Uri(Host.BaseAddress, home.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task A_link_works_only_once()
    {
        var link = await InviteAsync(NewEmail("auditor"), AppRoles.Auditor, null);
        Assert.True((await AcceptAsync(link, NewPassword())).Succeeded);

        var second = await AcceptAsync(link, NewPassword());

        Assert.Contains("já foi usado", RefusalOf(Host, second), StringComparison.Ordinal);
        await AssertPageRefusesAsync(link, "já foi usado");
    }

    [Fact]
    public async Task An_expired_link_is_refused_and_creates_no_account()
    {
        var email = NewEmail("late");
        var link = await InviteAsync(email, AppRoles.Auditor, null);
        await using (var db = await Host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var invitation = await db.Invitations.SingleAsync(i => i.Id == link.InvitationId, TestContext.Current.CancellationToken);
            invitation.ExpiresAtUtc = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveArrangedAsync(TestContext.Current.CancellationToken);
        }

        var result = await AcceptAsync(link, NewPassword());

        Assert.Contains("expirou", RefusalOf(Host, result), StringComparison.Ordinal);
        await AssertPageRefusesAsync(link, "expirou");
        await AssertNoAccountAsync(email);
        Assert.Equal(InvitationStatus.Expired, (await ListAsync()).Single(i => i.Id == link.InvitationId).Status);
    }

    [Fact]
    public async Task A_revoked_link_is_refused_and_the_revocation_is_audited()
    {
        var email = NewEmail("revoked");
        var link = await InviteAsync(email, AppRoles.CoopLiaison, await CoopIdAsync(Host, "SP-004"));
        await using (var officer = await AsOfficerAsync(Host))
        {
            Assert.True((await officer.ServiceProvider.GetRequiredService<InvitationService>().RevokeAsync(link.InvitationId, Ct)).Succeeded);
        }

        var result = await AcceptAsync(link, NewPassword());

        Assert.Contains("revogado", RefusalOf(Host, result), StringComparison.Ordinal);
        await AssertPageRefusesAsync(link, "revogado");
        await AssertNoAccountAsync(email);
        var revoked = Assert.Single(await AuditAsync(Host, AuditActions.InvitationRevoked, link.InvitationId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("RevokedAtUtc", revoked.Changes!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resending_gives_a_new_link_and_kills_the_old_one()
    {
        var old = await InviteAsync(NewEmail("resend"), AppRoles.Auditor, null);
        InvitationLink fresh;
        await using (var officer = await AsOfficerAsync(Host))
        {
            fresh = (await officer.ServiceProvider.GetRequiredService<InvitationService>().ResendAsync(old.InvitationId, Ct)).Value;
        }

        Assert.NotEqual(old.Path, fresh.Path);
        Assert.True(fresh.ExpiresAtUtc >= old.ExpiresAtUtc);
        Assert.Contains("não é válido", RefusalOf(Host, await AcceptAsync(old, NewPassword())), StringComparison.Ordinal);
        Assert.True((await AcceptAsync(fresh, NewPassword())).Succeeded);
        Assert.Single(await AuditAsync(Host, AuditActions.InvitationResent, old.InvitationId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_short_password_is_refused_clearly_and_the_link_stays_usable()
    {
        var link = await InviteAsync(NewEmail("short"), AppRoles.Auditor, null);
        using var client = Host.CreateBrowserClient();

        using var refused = await AcceptThroughPageAsync(client, link.Path, "Sofia Auditora", "curta");
        var html = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("pelo menos 12 caracteres", html, StringComparison.Ordinal);
        Assert.True((await AcceptAsync(link, NewPassword())).Succeeded);
    }

    [Theory]
    [InlineData("CoopLiaison", null, "Escolha a cooperativa")]
    [InlineData("Auditor", "SP-004", "Só pontos focais")]
    [InlineData("Superuser", null, "papel válido")]
    public async Task Role_and_coop_must_fit_together(string role, string? coopCode, string message)
    {
        var email = NewEmail("misfit");
        int? coopId = coopCode is null ? null : await CoopIdAsync(Host, coopCode);
        await using var officer = await AsOfficerAsync(Host);

        var result = await officer.ServiceProvider.GetRequiredService<InvitationService>().InviteAsync(email, role, coopId, Ct);

        Assert.Contains(message, RefusalOf(Host, result), StringComparison.Ordinal);
        Assert.DoesNotContain(await ListAsync(), i => i.Email == email);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("someone@localhost")]
    [InlineData("")]
    public async Task Malformed_email_is_refused(string email)
    {
        await using var officer = await AsOfficerAsync(Host);

        var result = await officer.ServiceProvider.GetRequiredService<InvitationService>().InviteAsync(email, AppRoles.Auditor, null, Ct);

        Assert.Contains("e-mail válido", RefusalOf(Host, result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_is_invited_twice_nor_over_an_existing_account()
    {
        var email = NewEmail("twice");
        await InviteAsync(email, AppRoles.Auditor, null);
        await using var officer = await AsOfficerAsync(Host);
        var invitations = officer.ServiceProvider.GetRequiredService<InvitationService>();

        var again = await invitations.InviteAsync(email.ToUpperInvariant(), AppRoles.Auditor, null, Ct);
        var existing = await invitations.InviteAsync(IncidentDeskHost.OfficerEmail, AppRoles.Auditor, null, Ct);

        Assert.Contains("convite pendente", RefusalOf(Host, again), StringComparison.Ordinal);
        Assert.Contains("Já existe uma conta", RefusalOf(Host, existing), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CoopLiaison", "SP-004")]
    [InlineData("Auditor", null)]
    public async Task Only_officers_administer_invitations_and_the_attempt_is_audited(string role, string? coopCode)
    {
        var someone = await TestAccounts.CreateAsync(Host, role, coopCode);
        var invitee = NewEmail("sneaky");
        var existing = await InviteAsync(NewEmail("target"), AppRoles.Auditor, null);
        await using var scope = await ActingAsAsync(Host, someone.Email);
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();
        var actorId = scope.ServiceProvider.GetRequiredService<CurrentUser>().UserId;

        Assert.True((await invitations.InviteAsync(invitee, AppRoles.PrivacyOfficer, null, Ct)).IsForbidden);
        Assert.True((await invitations.ResendAsync(existing.InvitationId, Ct)).IsForbidden);
        Assert.True((await invitations.RevokeAsync(existing.InvitationId, Ct)).IsForbidden);
        Assert.True((await invitations.ListAsync(Ct)).IsForbidden);

        Assert.DoesNotContain(await ListAsync(), i => i.Email == invitee);
        Assert.Equal(InvitationStatus.Pending, (await ListAsync()).Single(i => i.Id == existing.InvitationId).Status);
        await using var db = await Host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(4, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AccessDenied && e.ActorId == actorId, TestContext.Current.CancellationToken));
    }

    private async Task<InvitationLink> InviteAsync(string email, string role, int? coopId)
    {
        await using var officer = await AsOfficerAsync(Host);
        var result = await officer.ServiceProvider.GetRequiredService<InvitationService>().InviteAsync(email, role, coopId, Ct);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return result.Value;
    }

    private async Task<IReadOnlyList<InvitationRow>> ListAsync()
    {
        await using var officer = await AsOfficerAsync(Host);
        return (await officer.ServiceProvider.GetRequiredService<InvitationService>().ListAsync(Ct)).Value;
    }

    private async Task<Result<AcceptedInvitation>> AcceptAsync(InvitationLink link, string password)
    {
        await using var scope = Anonymous(Host);
        return await scope.ServiceProvider.GetRequiredService<InvitationService>().AcceptAsync(TokenOf(link.Path), "Pessoa Convidada", password, Ct);
    }

    private async Task AssertPageRefusesAsync(InvitationLink link, string reason)
    {
        using var client = Host.CreateBrowserClient();
        var page = await client.GetStringAsync(new Uri(link.Path.TrimStart('/'), UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("data-testid=\"invitation-invalid\"", page, StringComparison.Ordinal);
        Assert.Contains(reason, page, StringComparison.Ordinal);
        Assert.DoesNotContain("accept-invitation", page, StringComparison.Ordinal);
    }

    private async Task AssertNoAccountAsync(string email)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email));
    }
}
