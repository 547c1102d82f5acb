using System.Net;
using IncidentDesk.Data;
using IncidentDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Security;

public sealed class SignInHardeningTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_and_every_attempt_is_audited()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "BA-001", twoFactor: false);
        using var client = app.Host.CreateBrowserClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await SignIn.PostLoginAsync(client, liaison.Email, "definitely-not-the-password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await SignIn.PostLoginAsync(client, liaison.Email, liaison.Password);
        var html = await right.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        // The same words as a wrong password or an unknown e-mail: the form does not confirm the account exists; the trail says it is locked.
        Assert.Contains("E-mail ou senha inválidos.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("bloqueada", html, StringComparison.Ordinal);
        await using var db = await app.Host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(Ct);
        var actions = await db.AuditEntries.Where(e => e.ActorName == liaison.Email).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct);
        Assert.Equal(4, actions.Count(a => a == "SignIn.Failed"));
        Assert.Equal(2, actions.Count(a => a == "SignIn.LockedOut"));
    }

    [Fact]
    public async Task Unknown_email_gets_the_same_answer_as_a_wrong_password()
    {
        using var client = app.Host.CreateBrowserClient();

        using var response = await SignIn.PostLoginAsync(client, "ninguem@federacao.example", "whatever-password-123");

        Assert.Contains("E-mail ou senha inválidos.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_other_sessions_of_the_same_person()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "BA-002", twoFactor: false);
        using var laptop = app.Host.CreateBrowserClient();
        using var phone = app.Host.CreateBrowserClient();
        using var a = await SignIn.SignInAsync(laptop, liaison);
        using var b = await SignIn.SignInAsync(phone, liaison);
        var page = await laptop.GetStringAsync(new Uri("account/two-factor", UriKind.Relative), Ct);

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
        });
        using var signOut = await laptop.PostAsync(new Uri("account/logout-everywhere", UriKind.Relative), content, Ct);
        using var afterOnPhone = await phone.GetAsync(new Uri("incidents", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterOnPhone.StatusCode);
        Assert.Equal("/account/login", new Uri(app.Host.BaseAddress, afterOnPhone.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "BA-003", twoFactor: false);
        using var client = app.Host.CreateBrowserClient();
        using var login = await SignIn.SignInAsync(client, liaison);

        using var empty = new FormUrlEncodedContent([]);
        using var forged = await client.PostAsync(new Uri("account/logout", UriKind.Relative), empty, Ct);
        using var stillIn = await client.GetAsync(new Uri("incidents", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }
}
