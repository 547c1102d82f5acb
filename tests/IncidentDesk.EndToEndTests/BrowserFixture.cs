using System.Collections.Concurrent;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Intake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(IncidentDesk.EndToEndTests.BrowserFixture))]
[assembly: IncidentDesk.EndToEndTests.CloseBrowserContexts]
[assembly: Requires(TestServer.Chromium)]
[assembly: TestCollectionOrderer(typeof(LongestFirstOrderer))]

namespace IncidentDesk.EndToEndTests;

/// <summary>One app and one Debian Chromium for all browser tests; each test gets its own browser context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>A real SMTP server on loopback that receives the host's mail (invitations, notices).</summary>
    public TestSmtpServer Smtp { get; } = TestSmtpServer.Start();

    /// <summary>
    /// This host migrates and seeds its empty database itself, demo incident included: the app's first start stays tested end
    /// to end. Its mail goes to <see cref="Smtp"/>, with links to its own fixed port.
    /// </summary>
    public IncidentDeskHost Host { get; }

    public BrowserFixture()
    {
        var port = LoopbackPort.Free();
        // A browser types faster than a person: the public report form's minimum fill time is cut to one second.
        var settings = Smtp.DeskSettings(port);
        settings["IncidentDesk:Disclosure:MinimumFillSeconds"] = "1";
        Host = new IncidentDeskHost(seededCopy: false, settings: settings) { Port = port };
    }

    /// <summary>The bootstrap officer, enrolled in 2FA as they would be after their first sign-in.</summary>
    public TestAccount Officer { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    /// <summary>
    /// The officer's session (cookies), made once through the real sign-in form with 2FA: journeys that are not about
    /// signing in start from it instead of typing the password and the code again.
    /// </summary>
    private string _officerSession = default!;

    /// <summary>The browser contexts each running test opened, closed when it ends (<see cref="CloseBrowserContextsAttribute"/>).</summary>
    private static readonly ConcurrentDictionary<string, ConcurrentBag<IBrowserContext>> OpenContexts = new();

    /// <summary>How long a step of the suite's shared set-up (signing its people in) may take, in milliseconds.</summary>
    internal const float SetUpPatience = 60_000;

    /// <summary>Screenshots land beside the test binaries, in screenshots/.</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async ValueTask InitializeAsync()
    {
        // Two cores shared with the other suites: give assertions the same patience as actions.
        Assertions.SetDefaultExpectTimeout(15_000);
        if (!TestServers.AreAvailable(TestServer.Chromium))
        {
            return; // every browser test is reported as skipped, with the reason (RequiresAttribute)
        }

        Host.Start();
        Officer = await TestAccounts.EnrolBootstrapOfficerAsync(Host);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // The machine's Chromium (apt); Playwright's own browser download is not available here.
            ExecutablePath = TestServers.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });

        var signIn = await NewPageAsync();
        // Every journey starts from this one sign-in, made while the other suites start their own hosts: a slow moment of
        // the machine here must not fail the whole suite, so it is given more time than a journey's step.
        signIn.Context.SetDefaultTimeout(SetUpPatience);
        await signIn.SignInAsync(Officer);
        _officerSession = await signIn.Context.StorageStateAsync();
        await signIn.Context.CloseAsync();
    }

    /// <summary>A new browser already signed in as <see cref="Officer"/>, on <paramref name="path"/> once its circuit is live.</summary>
    public async Task<IPage> NewOfficerPageAsync(string path = "/", int width = 1366, int height = 900)
    {
        var page = await NewPageAsync(width, height, host: null, _officerSession, ColorScheme.Light);
        await page.GotoAsync(path);
        await page.WaitUntilInteractiveAsync();
        return page;
    }

    /// <param name="host">Another app instance to browse (scale-out tests); this fixture's host by default.</param>
    public Task<IPage> NewPageAsync(int width = 1366, int height = 900, IncidentDeskHost? host = null) =>
        NewPageAsync(width, height, host, storageState: null, ColorScheme.Light);

    /// <summary>A new browser with a signed-in person's cookies (<see cref="IBrowserContext.StorageStateAsync"/>), or nobody's.</summary>
    /// <param name="colorScheme">What the operating system prefers; the desk follows it until the person picks a theme.</param>
    internal Task<IPage> NewPageAsync(string? storageState, int width, int height, ColorScheme colorScheme) =>
        NewPageAsync(width, height, host: null, storageState, colorScheme);

    private async Task<IPage> NewPageAsync(int width, int height, IncidentDeskHost? host = null, string? storageState = null,
        ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (host ?? Host).BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "pt-BR",
            TimezoneId = "America/Sao_Paulo",
            StorageState = storageState,
            ColorScheme = colorScheme,
        });
        context.SetDefaultTimeout(15_000);
        if (TestContext.Current.Test?.UniqueID is { } test)
        {
            OpenContexts.GetOrAdd(test, _ => []).Add(context);
        }

        return await context.NewPageAsync();
    }

    /// <summary>
    /// Closes the browsers a finished test left open: their circuits would otherwise stay connected for the rest of the
    /// run, re-rendering on every live update the other tests cause.
    /// </summary>
    internal static async ValueTask CloseContextsOfAsync(string test)
    {
        if (OpenContexts.TryRemove(test, out var contexts))
        {
            foreach (var context in contexts)
            {
                await context.CloseAsync();
            }
        }
    }

    /// <summary>An incident registered by the officer through the service, for journeys that start on its page.</summary>
    public async Task<int> RegisterIncidentAsync(IncidentFormModel draft)
    {
        await using var scope = await Host.ActingAsAsync(Officer);
        var created = await scope.ServiceProvider.GetRequiredService<IncidentIntakeService>()
            .CreateAsync(draft, TestContext.Current.CancellationToken);
        Assert.True(created.Succeeded, created.ToString());
        return created.Value.Id;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
        ThrowawayPostgres.StopShared(); // the two-instance journey's cluster, before xUnit's exit watchdog starts counting
    }
}
