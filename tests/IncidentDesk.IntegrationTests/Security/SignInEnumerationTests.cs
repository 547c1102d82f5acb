using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using IncidentDesk.Testing;
using IncidentDesk.Web.Security;

namespace IncidentDesk.IntegrationTests.Security;

/// <summary>
/// The sign-in form does not tell who has an account: an unknown e-mail, a wrong password and a locked-out account get the
/// same words, and — the password is hashed in every case — answer in about the same time.
/// </summary>
[StartsFirst]
public sealed partial class SignInEnumerationTests(AppFixture app)
{
    /// <summary>
    /// Sign-ins per kind of account, interleaved. Each one hashes a password on purpose (that is what is compared), so the
    /// count is what this class costs; thirty medians keep the ratios far from both the bound and the third an unhashed
    /// unknown e-mail answered in.
    /// </summary>
    private const int Samples = 30;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_locked_out_account_gets_the_same_words_as_an_unknown_email()
    {
        var locked = await LockedOutAccountAsync();
        using var client = app.Host.CreateBrowserClient();

        using var lockedAnswer = await SignIn.PostLoginAsync(client, locked.Email, locked.Password);
        using var unknownAnswer = await SignIn.PostLoginAsync(client, $"ninguem-{Guid.NewGuid():N}@federacao.example", "whatever-password-123");

        var words = ErrorOf(await lockedAnswer.Content.ReadAsStringAsync(Ct));
        Assert.Equal("E-mail ou senha inválidos.", words);
        Assert.Equal(words, ErrorOf(await unknownAnswer.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task Unknown_locked_out_and_real_accounts_answer_in_about_the_same_time()
    {
        // Four wrong passwords per account stay under the lockout of five.
        var real = new List<TestAccount>();
        for (var i = 0; i < (Samples + 3) / 4; i++)
        {
            real.Add(await TestAccounts.CreateAsync(app.Host, AppRoles.CoopLiaison, "SP-004", twoFactor: false));
        }

        var locked = await LockedOutAccountAsync();
        using var client = app.Host.CreateBrowserClient();
        var unknown = new List<double>();
        var wrong = new List<double>();
        var lockedOut = new List<double>();
        // Interleaved, so a busy moment of the machine weighs on all three alike.
        for (var i = 0; i < Samples; i++)
        {
            unknown.Add(await TimeAsync(client, $"ninguem-{Guid.NewGuid():N}@federacao.example"));
            wrong.Add(await TimeAsync(client, real[i / 4].Email));
            lockedOut.Add(await TimeAsync(client, locked.Email));
        }

        var (unknownMedian, wrongMedian, lockedMedian) = (Median(unknown), Median(wrong), Median(lockedOut));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"sign-in median of {Samples}: unknown e-mail {unknownMedian:F1} ms, real account (wrong password) {wrongMedian:F1} ms, locked out {lockedMedian:F1} ms");
        // Without the dummy hash an unknown e-mail answered in about a third of the time; noise on a shared machine stays well inside 0.6.
        Assert.InRange(unknownMedian / wrongMedian, 0.6, 1.67);
        Assert.InRange(lockedMedian / wrongMedian, 0.6, 1.67);
    }

    private async Task<TestAccount> LockedOutAccountAsync()
    {
        var account = await TestAccounts.CreateAsync(app.Host, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        using var client = app.Host.CreateBrowserClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await SignIn.PostLoginAsync(client, account.Email, "definitely-not-the-password")).Dispose();
        }

        return account;
    }

    private static async Task<double> TimeAsync(HttpClient client, string email)
    {
        var page = await client.GetStringAsync(new Uri("account/login", UriKind.Relative), Ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["Input.Email"] = email,
            ["Input.Password"] = "definitely-not-the-password",
        });
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync(new Uri("account/login", UriKind.Relative), form, Ct);
        clock.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    private static string ErrorOf(string html) =>
        WebUtility.HtmlDecode(LoginError().Match(html) is { Success: true } m ? m.Groups[1].Value.Trim() : "");

    [GeneratedRegex("data-testid=\"login-error\">([^<]*)<")]
    private static partial Regex LoginError();
}
