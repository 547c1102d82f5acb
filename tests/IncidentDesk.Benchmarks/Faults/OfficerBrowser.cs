using IncidentDesk.Testing;
using Microsoft.Playwright;

namespace IncidentDesk.Benchmarks.Faults;

/// <summary>
/// The machine's Chromium with one privacy officer signed in (password, then the authenticator code). The session lives in
/// the desk's database and its cookie does not depend on the port, so the same page carries on after the desk restarts.
/// </summary>
internal sealed class OfficerBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private OfficerBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<OfficerBrowser> SignInAsync(ChildDesk desk, TestAccount officer)
    {
        ArgumentNullException.ThrowIfNull(desk);
        ArgumentNullException.ThrowIfNull(officer);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestServers.Chromium,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "pt-BR", ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        var signedIn = new OfficerBrowser(playwright, browser, page);
        await page.GotoAsync(desk.Url("account/login"));
        await page.GetByLabel("E-mail").FillAsync(officer.Email);
        await page.GetByLabel("Senha").FillAsync(officer.Password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.GetByLabel("Código").FillAsync(Totp.Code(officer.AuthenticatorKey!));
        await page.GetByTestId("verify-code").ClickAsync();
        await signedIn.InteractiveAsync();
        return signedIn;
    }

    /// <summary>Opens a page of the desk and waits for its circuit: clicks on the prerendered page would be lost.</summary>
    public async Task OpenAsync(ChildDesk desk, string path)
    {
        ArgumentNullException.ThrowIfNull(desk);
        await Page.GotoAsync(desk.Url(path));
        await InteractiveAsync();
    }

    private Task InteractiveAsync() =>
        Page.GetByTestId("app-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
