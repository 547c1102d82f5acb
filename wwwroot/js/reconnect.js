// Drives the pt-BR/en-US reconnect dialog (Layout/ReconnectModal.razor). blazor.web.js raises
// "components-reconnect-state-changed" on the dialog and sets its components-reconnect-* classes.
(() => {
    const modal = document.getElementById("components-reconnect-modal");
    const retryButton = document.getElementById("components-reconnect-button");
    const resumeButton = document.getElementById("components-resume-button");
    if (!modal || !retryButton || !resumeButton) {
        return;
    }

    const retryWhenVisible = async () => {
        if (document.visibilityState === "visible") {
            await retry();
        }
    };

    async function retry() {
        document.removeEventListener("visibilitychange", retryWhenVisible);
        try {
            // The same circuit when the server still has it (state intact); otherwise a resumed one; otherwise a reload.
            if (!(await Blazor.reconnect()) && !(await Blazor.resumeCircuit())) {
                location.reload();
            }
        } catch {
            document.addEventListener("visibilitychange", retryWhenVisible);
        }
    }

    async function resume() {
        try {
            if (!(await Blazor.resumeCircuit())) {
                location.reload();
            }
        } catch {
            location.reload();
        }
    }

    modal.addEventListener("components-reconnect-state-changed", event => {
        const state = event.detail.state;
        if (state === "show" && !modal.open) {
            modal.showModal();
        } else if (state === "hide") {
            modal.close();
        } else if (state === "failed") {
            document.addEventListener("visibilitychange", retryWhenVisible);
        } else if (state === "rejected") {
            location.reload();
        }
    });
    retryButton.addEventListener("click", retry);
    resumeButton.addEventListener("click", resume);
})();
