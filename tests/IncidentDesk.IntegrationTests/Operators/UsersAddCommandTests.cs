using IncidentDesk.Data.Identity;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Operators;

[Collection(OperatorHostGroup.Name)]
public sealed class UsersAddCommandTests(OperatorHostFixture fixture)
{
    private static readonly string CliActor = OperatorCli.Actor;
    private IncidentDeskHost Host => fixture.Host;

    private static string NewEmail(string who) => OperatorCli.NewEmail(who);

    private static string NewPassword() => OperatorCli.NewPassword();

    [Fact]
    public async Task Users_add_creates_a_liaison_bound_to_the_coop_and_audits_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = NewEmail("liaison");
        var password = NewPassword();

        var result = await OperatorCli.RunWithInputAsync(Host, password + "\n",
            "users", "add", "--email", email, "--role", "CoopLiaison", "--coop", "sp-004", "--name", "Lia Ponto Focal");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Created CoopLiaison {email} for co-op SP-004", result.Output, StringComparison.Ordinal);
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        await using var db = fixture.CreateDb();
        Assert.Equal((await db.Coops.SingleAsync(c => c.Code == "SP-004", ct)).Id, user.CoopId);
        Assert.Equal("Lia Ponto Focal", user.DisplayName);
        Assert.True(user.IsActive);
        Assert.Equal([AppRoles.CoopLiaison], await users.GetRolesAsync(user));
        Assert.True(await users.CheckPasswordAsync(user, password));
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityId == user.Id, ct);
        Assert.Equal(AuditActions.UserCreated, entry.Action);
        Assert.Equal(CliActor, entry.ActorName);
        Assert.Null(entry.ActorId);
        Assert.Contains("SP-004", entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(password, entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_creates_an_auditor_who_must_enrol_two_factor()
    {
        var email = NewEmail("auditor");

        var result = await OperatorCli.RunWithInputAsync(Host, NewPassword() + "\r\n", "users", "add", "--email", email, "--role", "auditor");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Two-factor", result.Output, StringComparison.Ordinal);
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        Assert.Null(user.CoopId);
        Assert.Equal([AppRoles.Auditor], await users.GetRolesAsync(user));
    }

    public static TheoryData<string, string[], string> Refusals => new()
    {
        { "unknown role", ["--role", "Admin"], "Unknown role 'Admin'" },
        { "unknown co-op", ["--role", "CoopLiaison", "--coop", "ZZ-999"], "Unknown co-op code 'ZZ-999'" },
        { "liaison without co-op", ["--role", "CoopLiaison"], "--coop" },
        { "co-op for an officer", ["--role", "PrivacyOfficer", "--coop", "SP-004"], "Leave out --coop" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Users_add_refuses_clearly_and_writes_nothing(string why, string[] options, string message)
    {
        var email = NewEmail(why.Replace(' ', '-'));
        var before = await fixture.CountAsync();

        var result = await OperatorCli.RunWithInputAsync(Host, NewPassword() + "\n", ["users", "add", "--email", email, .. options]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
        Assert.Equal(before, await fixture.CountAsync());
    }

    [Fact]
    public async Task Users_add_refuses_a_short_password_and_writes_nothing()
    {
        var before = await fixture.CountAsync();

        var result = await OperatorCli.RunWithInputAsync(Host, "curta123\n", "users", "add", "--email", NewEmail("short"), "--role", "Auditor");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("12", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CountAsync());
    }

    [Fact]
    public async Task Users_add_refuses_a_missing_password_and_an_existing_email()
    {
        var before = await fixture.CountAsync();

        var noPassword = await OperatorCli.RunWithInputAsync(Host, "", "users", "add", "--email", NewEmail("nopw"), "--role", "Auditor");
        var duplicate = await OperatorCli.RunWithInputAsync(Host, NewPassword() + "\n",
            "users", "add", "--email", IncidentDeskHost.OfficerEmail.ToUpperInvariant(), "--role", "Auditor");

        Assert.Equal(1, noPassword.ExitCode);
        Assert.Contains("standard input", noPassword.Error, StringComparison.Ordinal);
        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains("already exists", duplicate.Error, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CountAsync());
    }
}
