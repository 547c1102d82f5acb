using IncidentDesk.Core.Compliance.Assessment;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Components;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.Web.Features.Compliance.Relevance;

/// <summary>
/// The checklist state. A first assessment starts from the suggestion (criteria B from the data categories); later ones
/// start from the latest version. A failed save keeps every tick and word typed.
/// </summary>
public sealed partial class RelevancePanel
{
    private IReadOnlyList<RelevanceCoop>? _coops;
    private RelevanceSheet? _sheet;
    private int _coopId;
    private RelevanceForm _form = new();
    private bool _suggested;
    private bool _saving;
    private string? _message;
    private bool _messageIsError;
    private IReadOnlyList<FieldError> _errors = [];

    [Inject]
    private RelevanceService Relevance { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Parameter, EditorRequired]
    public int IncidentId { get; set; }

    private bool ReadOnly => _sheet?.CanWrite != true;

    private RelevanceResult Outcome => RelevanceRules.Result(_form.SignificantEffect, _form.Criteria);

    protected override async Task OnParametersSetAsync()
    {
        _coops = await Relevance.ControllersAsync(IncidentId) ?? [];
        if (_coops.Count > 0)
        {
            await SelectCoopAsync(_coops.Any(c => c.CoopId == _coopId) ? _coopId : _coops[0].CoopId);
        }
    }

    private async Task SelectCoopAsync(int coopId)
    {
        _coopId = coopId;
        _message = null;
        _errors = [];
        _sheet = await Relevance.GetAsync(IncidentId, coopId);
        if (_sheet is not null)
        {
            StartFrom(_sheet);
        }
    }

    private void StartFrom(RelevanceSheet sheet)
    {
        _suggested = sheet.Latest is null && sheet.Suggestion.Criteria != RelevanceCriteria.None;
        _form = sheet.Latest is { } latest
            ? new RelevanceForm
            {
                SignificantEffect = latest.SignificantEffect, Harms = latest.Harms, Criteria = latest.Criteria,
                DataUnintelligible = latest.DataUnintelligible, Rationale = latest.Rationale,
            }
            : new RelevanceForm { Criteria = sheet.Suggestion.Criteria };
    }

    private void SetSignificant(bool significant) => _form.SignificantEffect = significant;

    private void ToggleHarm(HarmKinds harm, bool on) => _form.Harms = on ? _form.Harms | harm : _form.Harms & ~harm;

    private void ToggleCriterion(RelevanceCriteria item, bool on) =>
        _form.Criteria = on ? _form.Criteria | item : _form.Criteria & ~item;

    private string? Error(string field) => _errors.FirstOrDefault(e => e.Field == field) is { } error ? T.Message(error) : null;

    private async Task SaveAsync()
    {
        _saving = true;
        _message = null;
        try
        {
            // Harms only count with criterion A: unticking A must not store harms the officer can no longer see as chosen.
            var harms = _form.SignificantEffect ? _form.Harms : HarmKinds.None;
            var result = await Relevance.SaveAsync(IncidentId, _coopId,
                new RelevanceAnswer(_form.SignificantEffect, harms, _form.Criteria, _form.DataUnintelligible, _form.Rationale));
            _errors = result.Errors;
            switch (result.Status)
            {
                case ResultStatus.Success:
                    _sheet = await Relevance.GetAsync(IncidentId, _coopId) ?? _sheet;
                    _suggested = false;
                    Say(T["Saved", result.Value.Version], error: false);
                    break;
                case ResultStatus.NotFound:
                    Say(T["Error.NotFound"], error: true);
                    break;
                case ResultStatus.Conflict:
                    Say(T[result.Conflict!.MessageKey], error: true);
                    break;
                case ResultStatus.Forbidden:
                    Say(T["Error.Denied"], error: true);
                    break;
                default:
                    break;
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private void Say(string message, bool error)
    {
        _message = message;
        _messageIsError = error;
    }

    private sealed class RelevanceForm
    {
        public bool SignificantEffect { get; set; }
        public HarmKinds Harms { get; set; }
        public RelevanceCriteria Criteria { get; set; }
        public bool DataUnintelligible { get; set; }
        public string? Rationale { get; set; }
    }
}
