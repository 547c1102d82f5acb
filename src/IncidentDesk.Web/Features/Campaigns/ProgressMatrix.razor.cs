using IncidentDesk.Core.Campaigns;
using IncidentDesk.Web.Components;
using IncidentDesk.Web.Features.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace IncidentDesk.Web.Features.Campaigns;

/// <summary>
/// Loads a campaign's progress once, then filters and groups it in memory: 340 rows × 20 columns is small enough that
/// re-querying on every filter change would only add latency. The rows are virtualized so only the visible ones render.
/// </summary>
public sealed partial class ProgressMatrix
{
    private CampaignProgress? _progress;
    private bool _loaded;
    private IReadOnlyList<string> _ufs = [];
    private List<MatrixLine> _lines = [];
    private List<MatrixLine> _head = [];
    private List<MatrixLine> _tail = [];

    /// <summary>
    /// Lines rendered straight away, without waiting for Virtualize to measure the viewport: what the 70vh scroll box
    /// holds on a 1080 px screen (34 px a line), so the first cells arrive with the first render batch.
    /// </summary>
    private const int FirstScreen = 20;

    private static readonly TimeSpan ReadBehind = TimeSpan.FromSeconds(5);
    private DateTime _syncedUpTo;
    private readonly HashSet<string> _collapsed = new(StringComparer.Ordinal);
    private MatrixCellLook[] _looks = [];
    private string _noCell = "";

    // One delegate for every row, made once: rows compare their parameters to skip drawing again.
    private Func<ProgressRow, int, Task> _open = default!;
    private bool _overdue;
    private bool _blocked;
    private bool _notStarted;
    private string? _uf;
    private string? _text;

    [Inject]
    private CampaignProgressService Progress { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private IStringLocalizer<CampaignResource> T { get; set; } = default!;

    [Inject]
    private IStringLocalizer<CampaignFollowUpResource> F { get; set; } = default!;

    [Parameter, EditorRequired]
    public int CampaignId { get; set; }

    protected override void OnInitialized()
    {
        _open = OpenAsync;
        _looks = MatrixCellLook.All(T);
        _noCell = T["Matrix.NoCell"];
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_progress?.CampaignId != CampaignId)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        _progress = await Progress.GetAsync(CampaignId);
        _loaded = true;
        _syncedUpTo = _progress?.LatestUpdateUtc ?? default;
        _ufs = _progress is null ? [] : [.. _progress.Rows.Select(r => r.Uf).Distinct().Order(StringComparer.Ordinal)];
        Arrange();
    }

    /// <summary>
    /// Another officer or a liaison changed a task or a campaign of this incident. A task's answer patches only the cells
    /// changed since the last read (one small query, whatever the matrix size); a campaign change reads everything again.
    /// </summary>
    private async Task OnChangedAsync(DeskChange change)
    {
        if (change.Kind == ChangeKind.Task && _progress is not null)
        {
            // Read a little behind the newest update seen: a transaction stamped earlier may commit after a later one.
            var changed = await Progress.ChangedCellsAsync(CampaignId, _syncedUpTo - ReadBehind);
            if (changed is not null)
            {
                _progress = _progress.With(changed);
                _syncedUpTo = changed.Select(c => c.UpdatedAtUtc).Append(_syncedUpTo).Max();
                Arrange();
                return;
            }
        }

        if (change.Kind is ChangeKind.Task or ChangeKind.Campaign)
        {
            await LoadAsync();
        }
    }

    private void SetFilter(Action set)
    {
        set();
        Arrange();
    }

    private void Toggle(string uf)
    {
        if (!_collapsed.Remove(uf))
        {
            _collapsed.Add(uf);
        }

        Arrange();
    }

    /// <summary>
    /// The lines the table shows: a header per UF (its completion counts all its co-ops, whatever the filters) followed
    /// by its matching co-ops unless collapsed. The three problem filters widen each other (a row with any of the checked
    /// problems shows); UF and text narrow.
    /// </summary>
    private void Arrange()
    {
        if (_progress is null)
        {
            _lines = _head = _tail = [];
            return;
        }

        var filter = Filter;
        var lines = new List<MatrixLine>(_progress.Rows.Count + 27);
        foreach (var group in _progress.Rows.GroupBy(r => r.Uf))
        {
            var matching = group.Where(filter.Matches).ToList();
            if (matching.Count == 0)
            {
                continue;
            }

            var collapsed = _collapsed.Contains(group.Key);
            lines.Add(new MatrixLine(group.Key, null, ColumnTally.Of(group.SelectMany(r => r.Cells)), group.Count(), collapsed));
            if (!collapsed)
            {
                lines.AddRange(matching.Select(r => new MatrixLine(group.Key, r, null, 0, false)));
            }
        }

        _lines = lines;
        _head = lines.GetRange(0, Math.Min(FirstScreen, lines.Count));
        _tail = lines.GetRange(_head.Count, lines.Count - _head.Count);
    }

    /// <summary>What the filters on screen ask for; the export buttons send the same.</summary>
    private MatrixFilter Filter => new(_uf, _overdue, _blocked, _notStarted, _text);

    // Relative to <base href>, with the filters on screen: the file holds the co-ops the officer is looking at.
    private string ExportUrl(string format) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"campaigns/{CampaignId}/matrix/{format}{Filter.ToQuery()}");

    private async Task OpenAsync(ProgressRow row, int columnIndex)
    {
        var column = _progress!.Columns[columnIndex];
        if (row.Cells[columnIndex] is not { } cell)
        {
            return;
        }

        await Dialogs.ShowAsync<ProgressCellDialog>($"{row.CoopCode} · {column.Title}",
            new DialogParameters<ProgressCellDialog> { { d => d.Row, row }, { d => d.Column, column }, { d => d.Cell, cell } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true });
    }

    private string CountsTitle(ColumnTally tally) =>
        T["Matrix.Summary", tally.PercentComplete, tally.Blocked, tally.Overdue, tally.NotStarted];

    // Due is stored as the end of the Brasília day (next midnight); a minute earlier names the due day itself.
    private static string DueDay(DateTime dueAtUtc) =>
        BrasiliaTime.ToLocal(dueAtUtc.AddMinutes(-1)).ToString("dd/MM", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>A UF header (<see cref="Row"/> null) or one co-op's row.</summary>
    private sealed record MatrixLine(string Uf, ProgressRow? Row, ColumnTally? UfTally, int CoopCount, bool Collapsed);
}
