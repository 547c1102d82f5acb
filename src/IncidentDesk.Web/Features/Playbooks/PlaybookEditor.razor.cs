using System.Text.Json;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.Web.Features.Playbooks;

/// <summary>
/// Edits a playbook's name, description and ordered steps, and saves them through <see cref="PlaybookService"/>.
/// Cancel leaves at once when nothing changed and asks first otherwise, so a click never throws work away.
/// </summary>
public sealed partial class PlaybookEditor
{
    private IReadOnlyList<FieldError> _errors = [];
    private string _original = "";
    private bool _busy;

    [Inject]
    private PlaybookService Playbooks { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The playbook being edited; null for a new one.</summary>
    [Parameter]
    public int? Id { get; set; }

    [Parameter, EditorRequired]
    public PlaybookDraft Draft { get; set; } = new();

    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>When the stored playbook last changed as the editor opened it (null for a new one).</summary>
    [Parameter]
    public DateTime? BasedOnUpdatedAtUtc { get; set; }

    private DateTime? _basedOn;
    private PlaybookConflict? _conflict;

    private bool Changed => Snapshot() != _original;

    protected override void OnInitialized()
    {
        _original = Snapshot();
        _basedOn = BasedOnUpdatedAtUtc;
    }

    private bool Has(string field) => _errors.Any(e => e.Field == field);

    private string? Message(string field) => _errors.FirstOrDefault(e => e.Field == field) is { } error ? T.Message(error) : null;

    private void AddStep()
    {
        Draft.Steps.Add(new PlaybookStepDraft());
        ForgetStepErrors();
    }

    private void Move(PlaybookStepDraft step, int offset)
    {
        var from = Draft.Steps.IndexOf(step);
        var to = from + offset;
        if (from < 0 || to < 0 || to >= Draft.Steps.Count)
        {
            return;
        }

        Draft.Steps.RemoveAt(from);
        Draft.Steps.Insert(to, step);
        ForgetStepErrors();
    }

    private void Remove(PlaybookStepDraft step)
    {
        Draft.Steps.Remove(step);
        ForgetStepErrors();
    }

    // Step errors are keyed by position: once steps move they would point at the wrong step, so they go until the next save.
    private void ForgetStepErrors() =>
        _errors = [.. _errors.Where(e => !e.Field.StartsWith(PlaybookField.Steps, StringComparison.Ordinal))];

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            var result = Id is { } id ? await Playbooks.UpdateAsync(id, Draft, _basedOn) : await Playbooks.CreateAsync(Draft);
            _errors = result.Errors;
            _conflict = result.CurrentState<PlaybookConflict>();
            if (_conflict is { } conflict)
            {
                // Nothing was saved and the form keeps every step typed; saving again replaces their version with this one.
                _basedOn = conflict.ChangedAtUtc;
                Snackbar.Add(T[PlaybookConflict.MessageKey], Severity.Warning);
            }
            else if (result.IsNotFound)
            {
                Navigation.NotFound();
            }
            else if (result.Succeeded)
            {
                _original = Snapshot();
                Snackbar.Add(T["Editor.Saved", Draft.Name?.Trim() ?? ""], Severity.Success);
                Navigation.NavigateTo("playbooks");
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CancelAsync()
    {
        if (Changed)
        {
            var discard = await Dialogs.ShowMessageBoxAsync(T["Editor.DiscardTitle"], T["Editor.DiscardText"],
                yesText: T["Editor.Discard"], cancelText: T["Editor.KeepEditing"]);
            if (discard != true)
            {
                return;
            }
        }

        Navigation.NavigateTo("playbooks");
    }

    private string Snapshot() => JsonSerializer.Serialize(new
    {
        Draft.Name, Draft.Description,
        Steps = Draft.Steps.Select(s => new { s.Id, s.Title, s.Instructions, s.DueInBusinessDays, s.EvidenceRequired, s.AnswerType }),
    });
}
