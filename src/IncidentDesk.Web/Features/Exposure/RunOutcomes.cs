using System.Globalization;
using IncidentDesk.Web.Components;
using IncidentDesk.Web.Features.Exposure.Runs;
using IncidentDesk.Web.Outcomes;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace IncidentDesk.Web.Features.Exposure;

/// <summary>Tells the officer what asking for a run did, in one snackbar.</summary>
internal static class RunOutcomes
{
    public static void Announce(ISnackbar snackbar, IStringLocalizer text, IStringLocalizer shared, Result<RunStart> result, string target)
    {
        ArgumentNullException.ThrowIfNull(snackbar);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(result);
        (string Message, Severity Severity) said = result switch
        {
            { Succeeded: true, Value.Planned: 1 } => (text["Run.StartedOne", target], Severity.Info),
            { Succeeded: true } => (text["Run.Started", result.Value.Planned], Severity.Info),
            _ when result.CurrentState<NextCheck>() is { } next =>
                (text["Run.TooSoon", BrasiliaTime.ToLocal(next.NextAllowedUtc).ToString("t", CultureInfo.CurrentCulture)], Severity.Warning),
            { Conflict.Code: RunRefusal.NothingDue } => (text["Run.NothingDue"], Severity.Info),
            _ => (text.Describe(result, shared, "Run.NotFound"), Severity.Warning),
        };
        snackbar.Add(said.Message, said.Severity);
    }
}
