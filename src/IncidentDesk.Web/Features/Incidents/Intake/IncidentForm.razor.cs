using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Web.Outcomes;
using Microsoft.AspNetCore.Components;

namespace IncidentDesk.Web.Features.Incidents.Intake;

/// <summary>
/// The incident's details as the officer edits them. Dates are held in the pickers' own shapes while typing and
/// written into <see cref="Draft"/> by <see cref="Complete"/> just before the page saves.
/// </summary>
public sealed partial class IncidentForm
{
    private static readonly DataCategories[] DataCategoryChoices =
        [.. Enum.GetValues<DataCategories>().Where(c => c != DataCategories.None)];

    private static readonly DataSubjectCategories[] SubjectChoices =
        [.. Enum.GetValues<DataSubjectCategories>().Where(c => c != DataSubjectCategories.None)];

    private static readonly CiaImpact[] ImpactChoices = [.. Enum.GetValues<CiaImpact>().Where(c => c != CiaImpact.None)];

    private DateTime? _reportedDate;
    private TimeSpan? _reportedTime;
    private TimePrecision _discoveredPrecision = TimePrecision.Day;
    private DateTime? _discoveredDate;
    private TimeSpan? _discoveredTime;
    private int? _discoveredMonth;
    private int? _discoveredYear;

    [Parameter, EditorRequired]
    public IncidentDraft Draft { get; set; } = new();

    [Parameter]
    public IReadOnlyList<FieldError> Errors { get; set; } = [];

    /// <summary>Writes the pickers' values into <see cref="Draft"/>.</summary>
    public void Complete()
    {
        Draft.ReportedAtLocal = _reportedDate is { } d ? d.Date + (_reportedTime ?? TimeSpan.Zero) : null;
        Draft.DiscoveredAt = DiscoveredInput();
    }

    protected override void OnInitialized()
    {
        if (Draft.ReportedAtLocal is { } reported)
        {
            _reportedDate = reported.Date;
            _reportedTime = reported.TimeOfDay;
        }

        if (Draft.DiscoveredAt is { } discovered)
        {
            _discoveredPrecision = discovered.Precision;
            _discoveredMonth = discovered.Month;
            _discoveredYear = discovered.Year;
            _discoveredDate = discovered.Precision == TimePrecision.Month ? null : new DateTime(discovered.Year, discovered.Month, discovered.Day ?? 1);
            _discoveredTime = discovered.Time?.ToTimeSpan();
        }
    }

    private bool Has(string field) => Errors.Any(e => e.Field == field);

    private string? Message(string field) => Errors.FirstOrDefault(e => e.Field == field) is { } error ? T.Message(error) : null;

    private void ToggleCategory(DataCategories category, bool on) =>
        Draft.DataCategories = on ? Draft.DataCategories | category : Draft.DataCategories & ~category;

    private void ToggleImpact(CiaImpact impact, bool on)
    {
        var current = Draft.Impact ?? CiaImpact.None;
        Draft.Impact = on ? current | impact : current & ~impact;
    }

    private void ToggleSubject(DataSubjectCategories subject, bool on) =>
        Draft.DataSubjectCategories = on ? Draft.DataSubjectCategories | subject : Draft.DataSubjectCategories & ~subject;

    private PartialDateInput? DiscoveredInput()
    {
        switch (_discoveredPrecision)
        {
            case TimePrecision.Month:
                return _discoveredMonth is null && _discoveredYear is null
                    ? null
                    : new PartialDateInput(_discoveredYear ?? 0, _discoveredMonth ?? 0, null, null, TimePrecision.Month);
            case TimePrecision.Day:
                return _discoveredDate is { } day ? new PartialDateInput(day.Year, day.Month, day.Day, null, TimePrecision.Day) : null;
            default:
                if (_discoveredDate is not { } date)
                {
                    return null;
                }

                TimeOnly? time = _discoveredTime is { } t ? TimeOnly.FromTimeSpan(t) : null;
                return new PartialDateInput(date.Year, date.Month, date.Day, time, TimePrecision.Exact);
        }
    }
}
