using IncidentDesk.Core.Timeline;
using MudBlazor;

namespace IncidentDesk.Web.Features.Incidents.Timeline;

/// <summary>
/// One line of the timeline as drawn: a single event, or a run of consecutive automatic events folded into one
/// expandable line, so the handful of facts people wrote are not lost between dozens of the desk's own entries.
/// </summary>
public sealed record TimelineRow(TimelineItem? Event, IReadOnlyList<TimelineItem> SystemRun)
{
    /// <summary>A stable key for remembering which runs the reader opened (the id of the run's first event).</summary>
    public int Key => Event?.Id ?? SystemRun[0].Id;
}

public static class TimelineRows
{
    /// <summary>Runs shorter than this are shown as they are: folding a single event saves nothing.</summary>
    public const int MinimumRun = 2;

    /// <summary>Folds each run of at least <see cref="MinimumRun"/> consecutive automatic events; keeps the order given.</summary>
    public static IReadOnlyList<TimelineRow> Fold(IEnumerable<TimelineItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var rows = new List<TimelineRow>();
        var run = new List<TimelineItem>();
        foreach (var item in items)
        {
            if (!item.IsManual)
            {
                run.Add(item);
                continue;
            }

            Flush(rows, run);
            rows.Add(new TimelineRow(item, []));
        }

        Flush(rows, run);
        return rows;
    }

    private static void Flush(List<TimelineRow> rows, List<TimelineItem> run)
    {
        if (run.Count >= MinimumRun)
        {
            rows.Add(new TimelineRow(null, [.. run]));
        }
        else
        {
            rows.AddRange(run.Select(e => new TimelineRow(e, [])));
        }

        run.Clear();
    }
}

/// <summary>How each kind of event looks on the timeline: people's entries stand out, the desk's own stay quiet.</summary>
public static class TimelineKindStyle
{
    public static string Icon(TimelineEventKind kind) => kind switch
    {
        TimelineEventKind.Fact => Icons.Material.Filled.Public,
        TimelineEventKind.Action => Icons.Material.Filled.Groups,
        TimelineEventKind.Record => Icons.Material.Filled.Description,
        TimelineEventKind.Status => Icons.Material.Filled.SwapHoriz,
        TimelineEventKind.Involvement => Icons.Material.Filled.Apartment,
        TimelineEventKind.Figure => Icons.Material.Filled.Numbers,
        TimelineEventKind.Evidence => Icons.Material.Filled.AttachFile,
        TimelineEventKind.Task => Icons.Material.Filled.Checklist,
        TimelineEventKind.Notification => Icons.Material.Filled.Gavel,
        _ => Icons.Material.Filled.Circle,
    };

    public static Color Color(TimelineEventKind kind) => kind switch
    {
        TimelineEventKind.Fact => MudBlazor.Color.Secondary,
        TimelineEventKind.Action => MudBlazor.Color.Tertiary,
        _ => MudBlazor.Color.Default,
    };
}
