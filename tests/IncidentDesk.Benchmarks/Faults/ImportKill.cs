using System.Diagnostics;
using IncidentDesk.Core.Coops;
using Microsoft.Playwright;

namespace IncidentDesk.Benchmarks.Faults;

/// <summary>
/// An officer imports a directory file that changes every one of the 340 co-ops (the encarregado's name) and the desk is
/// killed with SIGKILL a random moment after *Importar* is clicked: every row changed and the import audited, or nothing
/// changed — and everything whenever the officer saw "Importação concluída".
/// </summary>
internal static class ImportKill
{
    /// <summary>Imports once without a kill: how long from the click to the confirmation on screen.</summary>
    public static async Task<TimeSpan> MeasureAsync(ChildDesk desk, OfficerBrowser officer, FaultDeskTemplate template, string marker)
    {
        var started = await StartImportAsync(desk, officer, template, marker);
        await Confirmation(officer).WaitForAsync();
        return Stopwatch.GetElapsedTime(started);
    }

    public static async Task<FaultOutcome> RunAsync(
        ChildDesk desk, OfficerBrowser officer, FaultDeskTemplate template, string marker, TimeSpan delay, CancellationToken cancellationToken)
    {
        var file = new DeskFile(desk.DatabasePath);
        var auditBefore = await file.CountAsync("AuditEntries", "Action = 'Coops.Imported'");
        await StartImportAsync(desk, officer, template, marker);
        // The moment of the kill, drawn at random within the import: the point of the run, not a wait for a result.
        await Task.Delay(delay, cancellationToken);
        desk.Kill();
        var acknowledged = await Confirmation(officer).IsVisibleAsync();

        var recovery = await desk.StartAsync(cancellationToken);
        var changed = await file.CountAsync("Coops", $"EncarregadoName = '{Name(marker)}'");
        var audited = await file.CountAsync("AuditEntries", "Action = 'Coops.Imported'") - auditBefore;
        var verify = await desk.RunCommandAsync(cancellationToken, "audit", "verify");

        var whole = changed == template.Directory.Count && audited == 1;
        var none = changed == 0 && audited == 0;
        var detail = $"killed {delay.TotalMilliseconds:0} ms after the click; {(acknowledged ? "confirmed on screen" : "not confirmed")}; "
            + $"{changed} of {template.Directory.Count} rows changed, {audited} audit entries; verify: {verify.Output.Trim()}{verify.Error.Trim()}";
        return new FaultOutcome(acknowledged ? 1 : 0, acknowledged && !whole ? 1 : 0, whole || none ? 0 : 1, verify.ExitCode == 0, recovery, detail);
    }

    private static string Name(string marker) => $"Encarregada {marker}";

    private static async Task<long> StartImportAsync(ChildDesk desk, OfficerBrowser officer, FaultDeskTemplate template, string marker)
    {
        foreach (var coop in template.Directory)
        {
            coop.EncarregadoName = Name(marker);
        }

        var csv = CoopCsv.Write(template.Directory);
        var page = officer.Page;
        await officer.OpenAsync(desk, "coops");
        await page.GetByTestId("coop-import").ClickAsync();
        var input = page.Locator("[data-testid=coop-import-dialog] input[type=file]");
        var apply = page.GetByTestId("coop-import-apply");
        // Blazor's file input listens only once its script has run after the dialog rendered: a file picked at once can go
        // unheard on a busy machine, so it is picked again (as a person would) until the preview enables Importar.
        for (var attempt = 1; ; attempt++)
        {
            await input.SetInputFilesAsync(new FilePayload { Name = "cooperativas.csv", MimeType = "text/csv", Buffer = csv });
            try
            {
                await Assertions.Expect(apply).ToBeEnabledAsync(new() { Timeout = 15_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 4)
            {
            }
        }

        var started = Stopwatch.GetTimestamp();
        await apply.ClickAsync();
        return started;
    }

    private static ILocator Confirmation(OfficerBrowser officer) => officer.Page.GetByText("Importação concluída").First;
}
