using Microsoft.AspNetCore.Components;

namespace IncidentDesk.Web.Features.Campaigns.Matrix;

/// <summary>A click (or Enter/Space) on a matrix cell, reported by the table body's one handler: which co-op task it was.</summary>
public sealed class MatrixCellEventArgs : EventArgs
{
    /// <summary>The cell's co-op task; 0 when the click was elsewhere in the table (a UF header, a gap).</summary>
    public int TaskId { get; set; }
}

/// <summary>
/// Declares <c>@onmatrixcell</c>; wwwroot/js/matrix.js registers the browser side. The Razor compiler only looks for the
/// attribute on a class named exactly <c>EventHandlers</c>.
/// </summary>
[EventHandler("onmatrixcell", typeof(MatrixCellEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers
{
}
