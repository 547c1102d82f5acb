using IncidentDesk.Testing;
using Microsoft.Playwright;

namespace IncidentDesk.EndToEndTests.Accessibility;

/// <summary>
/// The accessibility gate: every screen of <see cref="AxeScreen.All"/> has no WCAG 2.1 A/AA violation that axe-core can
/// find, as each kind of person who sees it, on a desktop (1440 px) and a phone (390 px), in the light theme and the dark
/// one; every dialog opens from the keyboard and gives focus back to its opener when it closes.
/// </summary>
/// <remarks>
/// Who, how wide, which theme, and whether to keep a screenshot of every screen: the officer's desk and the liaison's phone
/// in both themes, the visitor at both widths, the auditor's desk. An officer's phone, an auditor's phone and a liaison's
/// desk render the same components at a width or role already scanned, and would double the suite's time. The runs are
/// split over a few classes so that they walk their screens side by side instead of one after another (xUnit runs the
/// rows of one class in turn); they start before the shorter journeys.
/// </remarks>
internal static class AccessibilityGate
{
    public const int Desktop = 1440;
    public const int Phone = 390;

    public static async Task CheckAsync(AxeSessions sessions, ITestOutputHelper output, Audience who, int width, ColorScheme scheme,
        bool screenshots)
    {
        var page = await sessions.NewPageAsync(who, width, scheme);
        var prefix = $"axe-{who}-{width}-{scheme}".ToLowerInvariant();
        var findings = await AxeGate.WalkAsync(page, who, width < 600, sessions.World, screenshots ? prefix : null);

        var screens = AxeScreen.All.Where(s => s.Audience.HasFlag(who)).Select(s => s.Name).ToList();
        output.WriteLine(AxeGate.Summary(findings, screens));
        await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ScreenshotFolder, $"{prefix}.txt"),
            AxeGate.Summary(findings, screens) + "\n" + string.Join("\n", findings.Select(f => $"{f.Screen}: {f.RuleId} ({f.Impact}, {f.Nodes}) {f.Detail}")),
            TestContext.Current.CancellationToken);
        Assert.True(findings.Count == 0, "\n" + string.Join("\n", findings.Select(f => $"{f.Screen}: {f.RuleId} ({f.Impact}, {f.Nodes} node(s)) {f.Detail}")));
    }
}

/// <summary>The officer's desk in the light theme: the most screens of any run.</summary>
[StartsFirst]
public sealed class AccessibilityGateTests(AxeSessions sessions, ITestOutputHelper output) : IClassFixture<AxeSessions>
{
    public static TheoryData<Audience, int, ColorScheme, bool> Runs => new()
    {
        { Audience.Officer, AccessibilityGate.Desktop, ColorScheme.Light, true },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public Task Every_screen_meets_wcag_2_1_aa(Audience who, int width, ColorScheme scheme, bool screenshots) =>
        AccessibilityGate.CheckAsync(sessions, output, who, width, scheme, screenshots);
}

/// <summary>The officer's desk in the dark theme.</summary>
[StartsFirst]
public sealed class AccessibilityGateDarkDeskTests(AxeSessions sessions, ITestOutputHelper output) : IClassFixture<AxeSessions>
{
    public static TheoryData<Audience, int, ColorScheme, bool> Runs => new()
    {
        { Audience.Officer, AccessibilityGate.Desktop, ColorScheme.Dark, true },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public Task Every_screen_meets_wcag_2_1_aa(Audience who, int width, ColorScheme scheme, bool screenshots) =>
        AccessibilityGate.CheckAsync(sessions, output, who, width, scheme, screenshots);
}

/// <summary>The liaison's phone in both themes.</summary>
[StartsFirst]
public sealed class AccessibilityGatePhoneTests(AxeSessions sessions, ITestOutputHelper output) : IClassFixture<AxeSessions>
{
    public static TheoryData<Audience, int, ColorScheme, bool> Runs => new()
    {
        { Audience.Liaison, AccessibilityGate.Phone, ColorScheme.Light, true },
        { Audience.Liaison, AccessibilityGate.Phone, ColorScheme.Dark, true },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public Task Every_screen_meets_wcag_2_1_aa(Audience who, int width, ColorScheme scheme, bool screenshots) =>
        AccessibilityGate.CheckAsync(sessions, output, who, width, scheme, screenshots);
}

/// <summary>The visitor at both widths and the auditor's desk.</summary>
[StartsFirst]
public sealed class AccessibilityGateVisitorAndAuditorTests(AxeSessions sessions, ITestOutputHelper output) : IClassFixture<AxeSessions>
{
    public static TheoryData<Audience, int, ColorScheme, bool> Runs => new()
    {
        { Audience.Visitor, AccessibilityGate.Desktop, ColorScheme.Light, true },
        { Audience.Visitor, AccessibilityGate.Phone, ColorScheme.Dark, true },
        { Audience.Auditor, AccessibilityGate.Desktop, ColorScheme.Light, false },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public Task Every_screen_meets_wcag_2_1_aa(Audience who, int width, ColorScheme scheme, bool screenshots) =>
        AccessibilityGate.CheckAsync(sessions, output, who, width, scheme, screenshots);
}
