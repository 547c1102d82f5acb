using Microsoft.Playwright;

namespace IncidentDesk.EndToEndTests.Accessibility;

/// <summary>Who may see a screen: the gate scans it in each of these people's sessions.</summary>
[Flags]
public enum Audience
{
    Visitor = 1,
    Officer = 2,
    Auditor = 4,
    Liaison = 8,
    Staff = Officer | Auditor,
    SignedIn = Officer | Auditor | Liaison,
}

/// <summary>
/// What a screen's path and actions may refer to: the ids of the records the gate's world holds (see <see cref="AxeWorld"/>).
/// Paths name them as <c>{incident}</c>, <c>{coop}</c>, <c>{playbook}</c>.
/// </summary>
/// <param name="TwoFactorAccount">An account with 2FA, for the code page of the sign-in.</param>
public sealed record AxeWorld(int IncidentId, int CoopId, int PlaybookId, IncidentDesk.Testing.TestAccount TwoFactorAccount)
{
    public string Resolve(string path) => path
        .Replace("{incident}", IncidentId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{coop}", CoopId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{playbook}", PlaybookId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

/// <summary>A rule the gate lets pass on one screen (or every screen, <see cref="AxeScreen.Everywhere"/>), and why.</summary>
/// <param name="Selector">Only nodes whose axe target contains this text; null for every node of the rule.</param>
public sealed record AxeAllowance(string RuleId, string? Selector, string Reason);

/// <summary>
/// One row of the accessibility gate: a page, a state of a page (a tab opened by a click) or a dialog or menu that a
/// person opens from it. The gate goes to <see cref="Path"/>, waits for <see cref="Ready"/>, does <see cref="Act"/>
/// and scans. A dialog is opened from <see cref="Opener"/> with the keyboard, scanned, closed with Escape, and focus must
/// be back on its opener.
/// </summary>
public sealed record AxeScreen(string Name, string Path, Audience Audience)
{
    /// <summary>A selector present once the screen has its data (not merely its loading state).</summary>
    public string? Ready { get; init; }

    /// <summary>What a person does on the page before the scan (open a tab, type into a form).</summary>
    public Func<IPage, AxeWorld, Task>? Act { get; init; }

    /// <summary>A plain server-rendered page (sign-in, 2FA): no circuit to wait for.</summary>
    public bool Static { get; init; }

    /// <summary>For a dialog or menu: the control that opens it.</summary>
    public Func<IPage, ILocator>? Opener { get; init; }

    /// <summary>
    /// For a dialog that Escape does not close (on purpose, with the reason where it is opened): the control that closes
    /// it, pressed with Enter.
    /// </summary>
    public Func<IPage, ILocator>? CloseWith { get; init; }

    /// <summary>For a dialog or menu: what is scanned once it is open.</summary>
    public string Surface { get; init; } = "[role=dialog]";

    public IReadOnlyList<AxeAllowance> Exceptions { get; init; } = [];

    public bool IsOverlay => Opener is not null;

    /// <summary>Screens not shown at phone width (none so far: every screen is also a phone screen).</summary>
    public bool DesktopOnly { get; init; }

    public static AxeScreen Page(string name, string path, Audience audience, string? ready = null) =>
        new(name, path, audience) { Ready = ready };

    public static AxeScreen Dialog(string name, string path, Audience audience, Func<IPage, ILocator> opener, string? ready = null) =>
        new(name, path, audience) { Opener = opener, Ready = ready };

    private static async Task OpenInvitationsAsync(IPage page, AxeWorld world)
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = "Convites" }).ClickAsync();
        await page.GetByTestId("invite-person").WaitForAsync();
    }

    /// <summary>Exceptions that hold on every screen. Each one says why it is not a barrier.</summary>
    public static IReadOnlyList<AxeAllowance> Everywhere { get; } = [];

    /// <summary>
    /// Every main page, tab and dialog of the desk. A new page is one line here: its name, its path, who sees it and what
    /// shows it has loaded; a dialog adds the control that opens it.
    /// </summary>
    public static IReadOnlyList<AxeScreen> All { get; } =
    [
        Page("sign-in", "/account/login", Audience.Visitor, "[data-testid=sign-in]") with { Static = true },
        new AxeScreen("sign-in: authenticator code", "/account/login", Audience.Visitor)
        {
            Static = true,
            Ready = "[data-testid=sign-in]",
            Act = async (p, world) =>
            {
                await p.GetByLabel("E-mail").FillAsync(world.TwoFactorAccount.Email);
                await p.GetByLabel("Senha").FillAsync(world.TwoFactorAccount.Password);
                await p.GetByTestId("sign-in").ClickAsync();
                await p.GetByTestId("verify-code").WaitForAsync();
            },
        },
        // The public door for outside reporters: plain pages, no circuit.
        Page("report form", "/report", Audience.Visitor, "[data-testid=send-report]") with { Static = true },
        Page("report status", "/report/status", Audience.Visitor, "[data-testid=open-status]") with { Static = true },
        Page("disclosure policy", "/disclosure", Audience.Visitor, "[data-testid=safe-harbour]") with { Static = true },
        Page("dashboard", "/", Audience.SignedIn, "h1"),
        Page("incident list", "/incidents", Audience.SignedIn, ".mud-table-root tbody tr"),
        Page("incident intake", "/incidents/new", Audience.Officer, "form"),
        Page("incident overview", "/incidents/{incident}", Audience.SignedIn, "[data-testid=overview-tab]"),
        Dialog("key figure dialog", "/incidents/{incident}", Audience.Officer, p => p.GetByTestId("figure-add")),
        Page("incident co-ops tab", "/incidents/{incident}?tab=coops", Audience.SignedIn, "[data-testid=involvements]"),
        Dialog("add co-ops dialog", "/incidents/{incident}?tab=coops", Audience.Officer, p => p.GetByTestId("involvement-add")),
        Page("incident timeline tab", "/incidents/{incident}?tab=timeline", Audience.SignedIn, "[data-testid=timeline]"),
        Dialog("timeline event dialog", "/incidents/{incident}?tab=timeline", Audience.Officer, p => p.GetByTestId("timeline-add")),
        Page("incident tasks tab", "/incidents/{incident}?tab=tasks", Audience.SignedIn, "[data-testid=campaign-row], [data-testid=task-card]"),
        Dialog("launch campaign dialog", "/incidents/{incident}?tab=tasks", Audience.Officer, p => p.GetByTestId("campaign-launch")),
        Dialog("cancel campaign dialog", "/incidents/{incident}?tab=tasks", Audience.Officer, p => p.GetByTestId("campaign-cancel")),
        Dialog("matrix cell dialog", "/incidents/{incident}?tab=tasks", Audience.Staff, p => p.GetByTestId("matrix-cell").First,
            "[data-testid=matrix-cell]"),
        Dialog("task answer dialog (incident)", "/incidents/{incident}?tab=tasks", Audience.Liaison,
            p => p.GetByTestId("task-update").First, "[data-testid=task-card]"),
        Page("incident notifications tab", "/incidents/{incident}?tab=notifications", Audience.SignedIn, "[data-testid=drafts], [data-testid=deadlines]"),
        Page("incident evidence tab", "/incidents/{incident}?tab=evidence", Audience.SignedIn, "[data-testid=evidence-list], [data-testid=evidence-empty]"),
        Dialog("evidence dialog", "/incidents/{incident}?tab=evidence", Audience.Officer, p => p.GetByTestId("evidence-add")),
        new AxeScreen("incident audit tab", "/incidents/{incident}", Audience.Staff)
        {
            Ready = "[data-testid=audit-tab]",
            Act = (p, _) => p.GetByTestId("audit-tab").ClickAsync(),
        },
        Page("incident edit", "/incidents/{incident}/edit", Audience.Officer, "form"),
        Page("co-op directory", "/coops", Audience.SignedIn, ".mud-table-root tbody tr"),
        Dialog("co-op import dialog", "/coops", Audience.Officer, p => p.GetByTestId("coop-import")),
        Page("co-op page", "/coops/{coop}", Audience.SignedIn, "[data-testid=coop-identity]"),
        Page("playbooks", "/playbooks", Audience.Staff, "[data-testid=playbook-table]"),
        Page("playbook editor (new)", "/playbooks/new", Audience.Officer, "[data-testid=playbook-editor]"),
        Page("playbook editor", "/playbooks/{playbook}/edit", Audience.Officer, "[data-testid=playbook-editor]"),
        Page("calendar", "/calendar", Audience.Staff, "[data-testid=holidays]"),
        Dialog("closure dialog", "/calendar", Audience.Officer, p => p.GetByTestId("closure-add")),
        Page("register", "/register", Audience.Staff, "[data-testid=register-count]"),
        Page("intake inbox", "/intake", Audience.Staff, "[data-testid=inbox-table], [data-testid=inbox-empty]"),
        Page("audit trail", "/audit", Audience.Staff, ".mud-table-root tbody tr"),
        Page("admin: users", "/admin", Audience.Officer, "[data-testid=admin-tabs]"),
        new AxeScreen("admin: invitations", "/admin", Audience.Officer)
        {
            Ready = "[data-testid=admin-tabs]",
            Act = OpenInvitationsAsync,
        },
        Dialog("invite dialog", "/admin", Audience.Officer, p => p.GetByTestId("invite-person"), "[data-testid=admin-tabs]") with
        {
            Act = OpenInvitationsAsync,
        },
        Dialog("bulk onboarding dialog", "/coops", Audience.Officer, p => p.GetByTestId("coop-invite-liaisons"), ".mud-table-root tbody tr"),
        Page("mail log", "/mail", Audience.Staff, "[data-testid=mail-state]"),
        // A campaign notice keeps its text (an invitation's is erased once sent): the dialog is scanned with the text shown.
        Dialog("mail detail dialog", "/mail", Audience.Staff,
            p => p.GetByTestId("mail-grid").GetByRole(AriaRole.Row).Filter(new() { HasText = "Aviso de campanha" }).GetByTestId("mail-view").First,
            "[data-testid=mail-view]"),
        Page("mail preferences", "/account/mail", Audience.SignedIn, "[data-testid=mail-preferences]"),
        Page("unsubscribe: unknown link", "/mail/unsubscribe?token=desconhecido", Audience.Visitor, "h1") with { Static = true },
        Page("exposure watch", "/exposure", Audience.SignedIn, "[data-testid=endpoint-address]"),
        Dialog("declare endpoint dialog", "/exposure", Audience.Officer | Audience.Liaison, p => p.GetByTestId("exposure-declare"),
            "[data-testid=endpoint-address]"),
        Dialog("endpoint import dialog", "/exposure", Audience.Officer | Audience.Liaison, p => p.GetByTestId("exposure-import"),
            "[data-testid=endpoint-address]"),
        Dialog("endpoint history dialog", "/exposure", Audience.SignedIn, p => p.GetByTestId("endpoint-history").First,
            "[data-testid=endpoint-address]"),
        new AxeScreen("endpoint menu", "/exposure", Audience.Officer | Audience.Liaison)
        {
            Ready = "[data-testid=endpoint-address]",
            Opener = p => p.GetByTestId("endpoint-more").Locator("button").First,
            Surface = ".mud-popover-open",
        },
        Page("my tasks", "/my-tasks", Audience.Liaison, "[data-testid=task-card]"),
        Dialog("task answer dialog", "/my-tasks", Audience.Liaison, p => p.GetByTestId("task-update").First, "[data-testid=task-card]"),
        Page("API tokens", "/account/tokens", Audience.SignedIn, "[data-testid=token-new]"),
        // Escape is off there: once created, the token is shown only in that dialog, and a stray key must not lose it.
        Dialog("new token dialog", "/account/tokens", Audience.SignedIn, p => p.GetByTestId("token-new")) with
        {
            CloseWith = p => p.GetByTestId("token-cancel"),
        },
        new AxeScreen("account menu", "/", Audience.SignedIn)
        {
            Ready = "h1",
            Opener = p => p.GetByTestId("account-menu").Locator("button").First,
            Surface = ".mud-popover-open",
        },
        new AxeScreen("language menu", "/", Audience.SignedIn)
        {
            Ready = "h1",
            Opener = p => p.GetByTestId("culture-menu").Locator("button.mud-menu-icon-button-activator"),
            Surface = ".mud-popover-open",
        },
        Page("two-step verification", "/account/two-factor", Audience.SignedIn, "main") with { Static = true },
    ];
}
