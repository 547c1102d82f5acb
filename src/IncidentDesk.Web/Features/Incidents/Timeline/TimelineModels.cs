using IncidentDesk.Core.Timeline;
using IncidentDesk.Web.Features.Incidents.Intake;

namespace IncidentDesk.Web.Features.Incidents.Timeline;

/// <summary>
/// A fact or team action an officer writes by hand (or rewrites); the date is Brasília time at its known precision.
/// Only the manual kinds (<see cref="TimelineEventKinds.IsManual"/>) are accepted.
/// </summary>
public sealed record ManualEventInput(
    PartialDateInput? OccurredAt, string? Title, string? Description, string? Source, bool SharedWithCoops,
    TimelineEventKind Kind = TimelineEventKind.Fact);

/// <summary>Names of the manual event's fields, as error keys.</summary>
public static class TimelineField
{
    public const string OccurredAt = nameof(ManualEventInput.OccurredAt);
    public const string Title = nameof(ManualEventInput.Title);
    public const string Description = nameof(ManualEventInput.Description);
    public const string Source = nameof(ManualEventInput.Source);
    public const string Kind = nameof(ManualEventInput.Kind);
}

/// <summary>Why a field was refused; the dialog words each in the user's language (TimelineResource "Error.{code}").</summary>
public static class TimelineError
{
    public const string Required = "Required";
    public const string TooLong = "TooLong";
    public const string InFuture = "InFuture";
    public const string InvalidDate = "InvalidDate";

    /// <summary>People write facts and actions only; the other kinds are the desk's own record.</summary>
    public const string NotManualKind = "NotManualKind";

    /// <summary>The event is one of the desk's automatic events, which are never edited.</summary>
    public const string Immutable = "Immutable";
}

/// <summary>Lengths of a manual event's texts (the database allows more; these keep the timeline readable).</summary>
public static class ManualEventLimits
{
    public const int Title = 300;
    public const int Description = 8000;
    public const int Source = 300;
}

/// <summary>
/// Which events to show or export. Empty or null means "no filter". A liaison's visibility (shared events only) is
/// applied by <see cref="TimelineService"/> before this filter, never by it.
/// </summary>
public sealed record TimelineFilter(IReadOnlyCollection<TimelineEventKind>? Kinds = null, string? Source = null)
{
    public static TimelineFilter All { get; } = new();

    public bool Matches(TimelineItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (Kinds is null || Kinds.Count == 0 || Kinds.Contains(item.Kind))
            && (string.IsNullOrEmpty(Source) || string.Equals(item.Source, Source, StringComparison.Ordinal));
    }
}

/// <summary>An incident's timeline as the caller may see it, with the reference used to name exported files.</summary>
public sealed record TimelineListing(int IncidentId, string Reference, string IncidentTitle, IReadOnlyList<TimelineItem> Items);

/// <summary>One version of a manual event as it read from <see cref="AtUtc"/> on, rebuilt from the audit trail.</summary>
public sealed record TimelineEventVersion(
    int Number, DateTime AtUtc, string Who, DateTime OccurredAtUtc, Core.Common.TimePrecision Precision, TimelineEventKind Kind,
    string Title, string? Description, string Source, bool SharedWithCoops, IReadOnlySet<string> Changed);
