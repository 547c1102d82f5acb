// The progress matrix (Features/Campaigns/ProgressMatrix.razor) sends its cells as plain markup, without a Blazor
// handler each: one "matrixcell" handler on the table body learns from this which cell was clicked or pressed.
Blazor.registerCustomEventType("matrixcell", {
    browserEventName: "click",
    createEventArgs: event => {
        const cell = event.target instanceof Element ? event.target.closest("button[data-task-id]") : null;
        return { taskId: cell ? Number(cell.dataset.taskId) : 0 };
    },
});

// A cell's hover text is composed on first hover from what its aria-labelledby names (co-op, task, status), so the
// server does not send that sentence once per cell.
document.addEventListener("mouseover", event => {
    const cell = event.target instanceof Element ? event.target.closest(".matrix-table button[aria-labelledby]") : null;
    if (!cell || cell.title) {
        return;
    }

    const [coop, column, status] = cell.getAttribute("aria-labelledby").split(" ")
        .map(id => document.getElementById(id)?.textContent.trim() ?? "");
    cell.title = `${coop} · ${column}: ${status}`;
});
