using IncidentDesk.Web.Features.Incidents.Intake;

namespace IncidentDesk.Web.Features.Incidents.Timeline;

/// <summary>A fact an officer adds to an incident's timeline by hand; the date is Brasília time at its known precision.</summary>
public sealed record ManualEventInput(PartialDateInput? OccurredAt, string? Title, string? Description, string? Source, bool SharedWithCoops);

/// <summary>Names of the manual event's fields, as error keys.</summary>
public static class TimelineField
{
    public const string OccurredAt = nameof(ManualEventInput.OccurredAt);
    public const string Title = nameof(ManualEventInput.Title);
    public const string Description = nameof(ManualEventInput.Description);
    public const string Source = nameof(ManualEventInput.Source);
}

/// <summary>Why a field was refused; the dialog words each in the user's language (TimelineResource "Error.{code}").</summary>
public static class TimelineError
{
    public const string Required = "Required";
    public const string TooLong = "TooLong";
    public const string InFuture = "InFuture";
    public const string InvalidDate = "InvalidDate";
}

/// <summary>Either the new event's id, an error code per field, or no such incident.</summary>
public sealed record ManualEventResult(int? Id, IReadOnlyDictionary<string, string> Errors, bool NotFound = false)
{
    public bool Succeeded => Id is not null && Errors.Count == 0 && !NotFound;
}

/// <summary>Lengths of a manual event's texts (the database allows more; these keep the timeline readable).</summary>
public static class ManualEventLimits
{
    public const int Title = 300;
    public const int Description = 8000;
    public const int Source = 300;
}
