using Microsoft.Extensions.Localization;
using MudBlazor;

namespace IncidentDesk.Web.Features.Exposure;

/// <summary>Tells the officer what asking for a run did, in one snackbar.</summary>
internal static class RunOutcomes
{
    public static void Announce(ISnackbar snackbar, IStringLocalizer text, RunStartResult result, string target)
    {
        ArgumentNullException.ThrowIfNull(snackbar);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(result);
        var (message, severity) = result.Outcome switch
        {
            RunStartOutcome.Started when result.Run!.Planned == 1 => (text["Run.StartedOne", target], Severity.Info),
            RunStartOutcome.Started => (text["Run.Started", result.Run!.Planned], Severity.Info),
            RunStartOutcome.TooSoon => (text["Run.TooSoon", Components.BrasiliaTime.ToLocal(result.NextAllowedUtc!.Value).ToString("t", System.Globalization.CultureInfo.CurrentCulture)], Severity.Warning),
            RunStartOutcome.NotAuthorized => (text["Run.NotAuthorized"], Severity.Warning),
            RunStartOutcome.NothingDue => (text["Run.NothingDue"], Severity.Info),
            _ => (text["Run.NotFound"], Severity.Warning),
        };
        snackbar.Add(message, severity);
    }
}
