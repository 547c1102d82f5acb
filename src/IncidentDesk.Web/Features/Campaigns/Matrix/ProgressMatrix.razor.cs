using IncidentDesk.Core.Campaigns;
using IncidentDesk.Web.Components;
using IncidentDesk.Web.Features.Live;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

using MudBlazor;

namespace IncidentDesk.Web.Features.Campaigns.Matrix;

/// <summary>
/// Loads a campaign's progress once, then filters and groups it in memory: 340 rows × 20 columns is small enough that
/// re-querying on every filter change would only add latency. The rows are virtualized so only the visible ones render.
/// </summary>
public sealed partial class ProgressMatrix : IDisposable
{
    private CampaignProgress? _progress;
    private bool _loaded;
    private IReadOnlyList<string> _ufs = [];
    private ArraySegment<MatrixLine> _head = [];
    private ArraySegment<MatrixLine> _tail = [];

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
    private MatrixMarkup.Ids _ids;

    /// <summary>Says "3 novas respostas" to a screen reader a moment after answers arrive, rather than every cell.</summary>
    private LiveSummary? _summary;

    /// <summary>The table head (task columns, completion per task) and the status words, as markup shared between matrices.</summary>
    private string _headHtml = "";

    private string _looksHtml = "";

    /// <summary>How long the search box waits for the officer to stop typing before it filters.</summary>
    private static readonly TimeSpan TypingPause = TimeSpan.FromMilliseconds(300);

    private CancellationTokenSource? _typing;
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
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IStringLocalizer<CampaignResource> T { get; set; } = default!;

    [Inject]
    private IStringLocalizer<CampaignFollowUpResource> F { get; set; } = default!;

    [Inject]
    private IStringLocalizer<AccessibilityResource> A { get; set; } = default!;

    [Parameter, EditorRequired]
    public int CampaignId { get; set; }

    protected override void OnInitialized()
    {
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
        _ids = new MatrixMarkup.Ids(CampaignId);
        _looksHtml = SharedRows.Part(CampaignId, "looks", MatrixMarkup.Looks(_looks, _ids));
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
                _summary?.Add(_progress.CountNew(changed, _syncedUpTo));
                _progress = _progress.With(changed);
                _syncedUpTo = changed.Select(c => c.UpdatedAtUtc).Append(_syncedUpTo).Max();
                Arrange();
                return;
            }
        }

        await LoadAsync();
    }

    private EventCallback<ChangeEventArgs> Toggled(Action<bool> set) =>
        EventCallback.Factory.Create<ChangeEventArgs>(this, e => SetFilter(() => set(e.Value is true)));

    /// <summary>Filters by what was typed once the officer pauses, rather than on every key.</summary>
    private async Task TypedAsync(ChangeEventArgs e)
    {
        if (_typing is not null)
        {
            await _typing.CancelAsync();
            _typing.Dispose();
        }

        var typing = _typing = new CancellationTokenSource();
        try
        {
            await Task.Delay(TypingPause, Clock, typing.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        SetFilter(() => _text = e.Value as string);
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
            _head = _tail = [];
            return;
        }

        _headHtml = SharedRows.Part(CampaignId, "head", MatrixMarkup.Head(_progress.Columns, _ids,
            T["Matrix.Coop"], T["Matrix.Completion"], column => T["Matrix.Due", DueDay(column.DueAtUtc)], CountsTitle));

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

        var all = lines.ToArray();
        _head = new ArraySegment<MatrixLine>(all, 0, Math.Min(FirstScreen, all.Length));
        _tail = new ArraySegment<MatrixLine>(all, _head.Count, all.Length - _head.Count);
    }

    /// <summary>What the filters on screen ask for; the export buttons send the same.</summary>
    private MatrixFilter Filter => new(_uf, _overdue, _blocked, _notStarted, _text);

    // Relative to <base href>, with the filters on screen: the file holds the co-ops the officer is looking at.
    private string ExportUrl(string format) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"campaigns/{CampaignId}/matrix/{format}{Filter.ToQuery()}");

    private string RowHtml(ProgressRow row) => SharedRows.HtmlOf(row, DrawRow);

    private string DrawRow(ProgressRow row)
    {
        var overdue = row.OverdueCount;
        return MatrixMarkup.Row(row, _ids, _looks, _noCell,
            overdue > 0 ? (F["Row.Overdue", overdue], F["Row.OverdueTitle", overdue]) : null);
    }

    /// <summary>A cell was clicked: its dialog, if the cell is one this matrix shows (anything else is ignored).</summary>
    private async Task OpenCellAsync(MatrixCellEventArgs args)
    {
        if (args.TaskId == 0 || _progress is null)
        {
            return;
        }

        foreach (var row in _progress.Rows)
        {
            for (var i = 0; i < row.Cells.Count; i++)
            {
                if (row.Cells[i] is { } cell && cell.CoopTaskId == args.TaskId)
                {
                    var column = _progress.Columns[i];
                    await Dialogs.ShowAsync<ProgressCellDialog>($"{row.CoopCode} · {column.Title}",
                        new DialogParameters<ProgressCellDialog> { { d => d.Row, row }, { d => d.Column, column }, { d => d.Cell, cell } },
                        new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true });
                    return;
                }
            }
        }
    }

    private string NewAnswers(int added, int changed) => added == 1 ? A["Live.NewAnswer"] : A["Live.NewAnswers", added];

    private string CountsTitle(ColumnTally tally) =>
        T["Matrix.Summary", tally.PercentComplete, tally.Blocked, tally.Overdue, tally.NotStarted];

    // Due is stored as the end of the Brasília day (next midnight); a minute earlier names the due day itself.
    private static string DueDay(DateTime dueAtUtc) =>
        BrasiliaTime.ToLocal(dueAtUtc.AddMinutes(-1)).ToString("dd/MM", System.Globalization.CultureInfo.CurrentCulture);

    public void Dispose()
    {
        _typing?.Cancel();
        _typing?.Dispose();
    }

    /// <summary>A UF header (<see cref="Row"/> null) or one co-op's row.</summary>
    private readonly record struct MatrixLine(string Uf, ProgressRow? Row, ColumnTally? UfTally, int CoopCount, bool Collapsed);
}
