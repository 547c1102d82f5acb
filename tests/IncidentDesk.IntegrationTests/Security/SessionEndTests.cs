using System.Diagnostics;
using System.Net;
using IncidentDesk.Data;
using IncidentDesk.IntegrationTests.Api;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Admin;
using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Hubs;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Security;

/// <summary>
/// Sessions end when they should: a signed-out cookie is dead on the server, a revoked token or a deactivated account closes
/// the hub connections it opened within seconds, an authenticator code signs in once.
/// </summary>
public sealed class SessionEndTests(AppFixture app)
{
    /// <summary>How late a connection may close after its token stops admitting it.</summary>
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_copy_of_the_cookie_taken_before_sign_out_is_refused_after_it()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, AppRoles.CoopLiaison, "PR-001", twoFactor: false);
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = app.Host.BaseAddress };
        (await SignIn.SignInAsync(browser, liaison)).Dispose();
        var captured = cookies.GetCookieHeader(app.Host.BaseAddress);
        using var attacker = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.Host.BaseAddress };
        attacker.DefaultRequestHeaders.Add("Cookie", captured);
        using (var before = await attacker.GetAsync(new Uri("my-tasks", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var page = await browser.GetStringAsync(new Uri("my-tasks", UriKind.Relative), Ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page) });
        using (var signOut = await browser.PostAsync(new Uri("account/logout", UriKind.Relative), form, Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        using var after = await attacker.GetAsync(new Uri("my-tasks", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_only_that_session_not_the_persons_other_ones()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, AppRoles.CoopLiaison, "PR-002", twoFactor: false);
        using var laptop = app.Host.CreateBrowserClient();
        using var phone = app.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(laptop, liaison)).Dispose();
        (await SignIn.SignInAsync(phone, liaison)).Dispose();

        var page = await laptop.GetStringAsync(new Uri("my-tasks", UriKind.Relative), Ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page) });
        (await laptop.PostAsync(new Uri("account/logout", UriKind.Relative), form, Ct)).Dispose();

        using var onPhone = await phone.GetAsync(new Uri("my-tasks", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, onPhone.StatusCode);
    }

    [Fact]
    public async Task Revoking_a_token_closes_its_open_hub_connection_within_five_seconds()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        var token = await ApiTokens.CreateAsync(app.Host, liaison);
        await using var connection = await ConnectAsync(token.Secret);
        var closed = Closed(connection);

        var clock = Stopwatch.StartNew();
        await using (var scope = await app.Host.ActingAsAsync(liaison))
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>().RevokeAsync(token.Token.Id, Ct));
        }

        await closed.WaitAsync(Promise, Ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"revocation → hub closed: {clock.ElapsedMilliseconds} ms");
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    [Fact]
    public async Task Deactivating_the_owner_closes_their_open_hub_connection_within_five_seconds()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        var token = await ApiTokens.CreateAsync(app.Host, liaison);
        await using var connection = await ConnectAsync(token.Secret);
        var closed = Closed(connection);
        var userId = await ApiTokens.UserIdAsync(app.Host, liaison.Email);

        var clock = Stopwatch.StartNew();
        await using (var officer = await app.Host.ActingAsAsync(IncidentDeskHost.OfficerEmail))
        {
            Assert.True((await officer.ServiceProvider.GetRequiredService<UserAdministrationService>().DeactivateAsync(userId, Ct)).Succeeded);
        }

        await closed.WaitAsync(Promise, Ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"deactivation → hub closed: {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_revocation_this_instance_did_not_make_still_closes_the_connection_within_five_seconds()
    {
        // Another instance (or an operator's command) revoked it: this process heard nothing and must notice by itself.
        var liaison = await TestAccounts.CreateAsync(app.Host, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        var token = await ApiTokens.CreateAsync(app.Host, liaison);
        await using var connection = await ConnectAsync(token.Secret);
        var closed = Closed(connection);

        var clock = Stopwatch.StartNew();
        await using (var db = app.Host.Services.GetRequiredService<FederationWideDb>().CreateDbContext())
        {
            await db.ArrangeAsync(async d =>
                (await d.PersonalAccessTokens.SingleAsync(t => t.Id == token.Token.Id, Ct)).RevokedAtUtc = DateTime.UtcNow, Ct);
        }

        await closed.WaitAsync(Promise, Ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"revocation elsewhere → hub closed: {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task An_authenticator_code_signs_in_once_the_same_code_again_is_refused()
    {
        var officer = await TestAccounts.CreateAsync(app.Host, AppRoles.PrivacyOfficer);
        var code = Totp.Code(officer.AuthenticatorKey!);
        using var first = app.Host.CreateBrowserClient();
        using var replay = app.Host.CreateBrowserClient();

        using var accepted = await SubmitCodeAsync(first, officer, code);
        using var refused = await SubmitCodeAsync(replay, officer, code);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-testid=\"login-error\"", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var stillOut = await replay.GetAsync(new Uri("incidents", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, stillOut.StatusCode);
    }

    private static async Task<HttpResponseMessage> SubmitCodeAsync(HttpClient client, TestAccount account, string code)
    {
        using var password = await SignIn.PostLoginAsync(client, account.Email, account.Password);
        var next = password.Headers.Location!;
        var page = await client.GetStringAsync(next);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login-2fa",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["Input.Code"] = code,
        });
        return await client.PostAsync(next, content);
    }

    private async Task<HubConnection> ConnectAsync(string secret)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Host.BaseAddress, IncidentsHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(secret))
            .Build();
        await connection.StartAsync(Ct);
        // Answered only after OnConnectedAsync: the connection is registered from here on.
        await connection.InvokeAsync<string?>(nameof(IncidentsHub.Scope), Ct);
        return connection;
    }

    private static Task Closed(HubConnection connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }
}
