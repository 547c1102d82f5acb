using System.Net;
using System.Text.RegularExpressions;

namespace IncidentDesk.Testing;

/// <summary>Signs in through the real sign-in form (antiforgery token included), as a browser would.</summary>
public static partial class SignIn
{
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var path = returnUrl is null ? "account/login" : $"account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>Password, then the authenticator code when the account has 2FA; returns the last response.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, TestAccount account, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(account);
        var response = await PostLoginAsync(client, account.Email, account.Password, returnUrl);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed with {(int)response.StatusCode}.");
        }

        var next = response.Headers.Location!;
        if (!next.OriginalString.Contains("/account/login-2fa", StringComparison.Ordinal) || account.AuthenticatorKey is null)
        {
            return response;
        }

        response.Dispose();
        var page = await client.GetStringAsync(next);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login-2fa",
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["Input.Code"] = Totp.Code(account.AuthenticatorKey),
        });
        return await client.PostAsync(next, content);
    }

    public static string AntiforgeryToken(string html) =>
        AntiforgeryInput().Match(html) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
