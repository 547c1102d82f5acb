using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IncidentDesk.Benchmarks.Faults;

/// <summary>
/// An officer launches the 12-step playbook to every co-op (340 × 12 = 4,080 co-op tasks) from the incident's Tarefas tab,
/// and the desk is killed with SIGKILL a random moment after the click: the launch must be there whole — the campaign, its
/// 12 tasks, 4,080 co-op tasks and its audit entry — or not at all, and there whenever the officer saw it confirmed.
/// </summary>
internal static class LaunchKill
{
    /// <summary>Launches once without a kill: how long from the click to the confirmation on screen.</summary>
    public static async Task<TimeSpan> MeasureAsync(ChildDesk desk, OfficerBrowser officer, FaultDeskTemplate template, string title)
    {
        var started = await StartLaunchAsync(desk, officer, template, title);
        await Confirmation(officer).WaitForAsync();
        return Stopwatch.GetElapsedTime(started);
    }

    /// <param name="delay">After the click is dispatched, how long before the kill (drawn by the caller from the measured launch).</param>
    public static async Task<FaultOutcome> RunAsync(
        ChildDesk desk, OfficerBrowser officer, FaultDeskTemplate template, string title, TimeSpan delay, CancellationToken cancellationToken)
    {
        var file = new DeskFile(desk.DatabasePath);
        var auditBefore = await file.CountAsync("AuditEntries", "Action = 'Campaign.Launched'");
        await StartLaunchAsync(desk, officer, template, title);
        // The moment of the kill, drawn at random within the launch: the point of the run, not a wait for a result.
        await Task.Delay(delay, cancellationToken);
        desk.Kill();
        var acknowledged = await Confirmation(officer).IsVisibleAsync();

        var recovery = await desk.StartAsync(cancellationToken);
        var campaign = $"Title = '{title}'";
        var campaigns = await file.CountAsync("Campaigns", campaign);
        var tasks = await file.CountAsync("CampaignTasks", $"CampaignId IN (SELECT Id FROM Campaigns WHERE {campaign})");
        var coopTasks = await file.CountAsync("CoopTasks", $"CampaignId IN (SELECT Id FROM Campaigns WHERE {campaign})");
        var audited = await file.CountAsync("AuditEntries", "Action = 'Campaign.Launched'") - auditBefore;
        var verify = await desk.RunCommandAsync(cancellationToken, "audit", "verify");

        var whole = campaigns == 1 && tasks == FaultDeskTemplate.LaunchSteps
            && coopTasks == FaultDeskTemplate.LaunchSteps * template.CoopCount && audited == 1;
        var none = campaigns == 0 && tasks == 0 && coopTasks == 0 && audited == 0;
        var detail = $"killed {delay.TotalMilliseconds:0} ms after the click; {(acknowledged ? "confirmed on screen" : "not confirmed")}; "
            + $"{campaigns} campaign, {tasks} tasks, {coopTasks} co-op tasks, {audited} audit entries; verify: {verify.Output.Trim()}{verify.Error.Trim()}";
        return new FaultOutcome(acknowledged ? 1 : 0, acknowledged && !whole ? 1 : 0, whole || none ? 0 : 1, verify.ExitCode == 0, recovery, detail);
    }

    private static async Task<long> StartLaunchAsync(ChildDesk desk, OfficerBrowser officer, FaultDeskTemplate template, string title)
    {
        var page = officer.Page;
        await officer.OpenAsync(desk, $"incidents/{template.IncidentId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Tarefas" }).ClickAsync();
        await page.GetByTestId("campaign-launch").ClickAsync();
        var dialog = page.GetByTestId("launch-dialog");
        await dialog.GetByTestId("launch-steps").GetByText($"Etapa {FaultDeskTemplate.LaunchSteps}").WaitForAsync();
        await page.GetByTestId("launch-title").FillAsync(title);
        await page.GetByTestId("launch-title").PressAsync("Tab");
        // Every run launches the same playbook on the same incident: after the first, the desk asks why, as it should.
        await Assertions.Expect(page.GetByTestId("launch-summary-per-coop")).ToHaveTextAsync($"{FaultDeskTemplate.LaunchSteps}");
        if (await dialog.GetByTestId("launch-duplicate").CountAsync() > 0)
        {
            await dialog.GetByText("Quero lançar uma segunda campanha mesmo assim").ClickAsync();
            await page.GetByTestId("launch-duplicate-reason").FillAsync("Ensaio de falha: o lançamento anterior foi interrompido");
        }

        var started = Stopwatch.GetTimestamp();
        await page.GetByTestId("launch-confirm").ClickAsync();
        return started;
    }

    private static ILocator Confirmation(OfficerBrowser officer) =>
        officer.Page.GetByText(new Regex("tarefas enviadas a \\d+ cooperativas")).First;
}
