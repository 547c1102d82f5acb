using IncidentDesk.Core.Compliance;

namespace IncidentDesk.Core.Mail;

/// <summary>When a deadline alert goes out.</summary>
public enum AlertStage
{
    /// <summary>The business day before the working deadline.</summary>
    DayBefore = 0,

    /// <summary>The day of the working deadline.</summary>
    OnTheDay = 1,

    /// <summary>The latest defensible date (optional days and closures skipped), when it is later than the working one.</summary>
    LatestDefensible = 2,
}

/// <summary>A controller co-op in an incident, with what it has filed so far.</summary>
public sealed record AlertController(
    int IncidentId, string IncidentReference, string IncidentTitle, int CoopId, string CoopCode, string CoopName,
    DateTime KnowledgeAtUtc, bool SmallAgent, bool AnpdFiled, bool SubjectNoticeFiled);

/// <summary>One alert: a co-op's unfiled communications whose deadline is at this stage today.</summary>
public sealed record DeadlineAlert(AlertController Controller, AlertStage Stage, DateOnly Deadline, IReadOnlyList<DeadlineKind> Unfiled);

/// <summary>
/// The LGPD deadline alerts of one business day (R15 art. 6 and art. 9: three business days from knowledge, doubled for
/// small processing agents): for each controller co-op whose ANPD communication or data-subject notice is not filed, an
/// alert the business day before the working deadline, on it, and on the latest defensible date when that is later.
/// </summary>
public static class DeadlineAlerts
{
    public static IReadOnlyList<DeadlineAlert> For(DateOnly today, IEnumerable<AlertController> controllers, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(controllers);
        ArgumentNullException.ThrowIfNull(calendar);
        var nextBusinessDay = calendar.AddBusinessDays(today, 1, DeadlineMode.Working);
        var alerts = new List<DeadlineAlert>();
        foreach (var controller in controllers)
        {
            var unfiled = LgpdDeadlines.For(controller.KnowledgeAtUtc, controller.SmallAgent, calendar)
                .Where(d => (d.Kind == DeadlineKind.AnpdCommunication && !controller.AnpdFiled)
                    || (d.Kind == DeadlineKind.SubjectNotice && !controller.SubjectNoticeFiled))
                .ToList();
            var staged = unfiled.Select(d => Stage(d, today, nextBusinessDay)).Where(s => s is not null).Select(s => s!.Value);
            alerts.AddRange(staged.GroupBy(s => (s.Stage, s.Deadline)).OrderBy(g => g.Key.Stage)
                .Select(g => new DeadlineAlert(controller, g.Key.Stage, g.Key.Deadline, [.. g.Select(s => s.Kind).Distinct()])));
        }

        return alerts;
    }

    private static (AlertStage Stage, DateOnly Deadline, DeadlineKind Kind)? Stage(LgpdDeadline deadline, DateOnly today, DateOnly nextBusinessDay)
    {
        if (deadline.Working == today)
        {
            return (AlertStage.OnTheDay, deadline.Working, deadline.Kind);
        }

        if (deadline.Working == nextBusinessDay && today < deadline.Working)
        {
            return (AlertStage.DayBefore, deadline.Working, deadline.Kind);
        }

        if (deadline.LatestDefensible == today && deadline.LatestDefensible > deadline.Working)
        {
            return (AlertStage.LatestDefensible, deadline.LatestDefensible, deadline.Kind);
        }

        return null;
    }
}
