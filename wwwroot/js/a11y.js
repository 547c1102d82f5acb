// Keyboard help the components do not give by themselves (Layout/MainLayout.razor).
(() => {
    // The account menu's sign-out items post their forms (Layout/AccountMenu.razor).
    window.incidentDesk = Object.assign(window.incidentDesk || {}, {
        submitForm: id => document.getElementById(id)?.requestSubmit(),
    });

    // The skip link. Its "#main-content" would resolve against <base href="/"> and leave the page, so focus is moved here.
    document.addEventListener("click", event => {
        const link = event.target instanceof Element ? event.target.closest("a.skip-link") : null;
        const main = document.getElementById("main-content");
        if (!link || !main) {
            return;
        }

        event.preventDefault();
        main.focus();
    });

    // Focus back to what opened a dialog when it closes. MudBlazor's dialogs leave focus on the page's body, so a keyboard
    // or screen-reader user would start again from the top. The last control focused outside any dialog is the opener.
    // Focus is also kept when the page redraws the focused control away: the progress matrix redraws a changed row as
    // markup (the same task's cell is taken), an answered task leaves the list (the page's content is taken).
    let opener = null;
    let last = null;
    let lastInOverlay = false;
    const overlay = ".mud-dialog-container, .mud-popover, .mud-overlay";
    document.addEventListener("focusin", event => {
        if (!(event.target instanceof HTMLElement)) {
            return;
        }

        last = event.target;
        lastInOverlay = !!event.target.closest(overlay);
        if (!lastInOverlay) {
            opener = event.target;
        }
    });

    const stillThere = element => {
        if (!element || element.isConnected) {
            return element;
        }

        const task = element.dataset?.taskId;
        const test = element.dataset?.testid;
        return (task && document.querySelector(`button[data-task-id="${task}"]`))
            || (element.id && document.getElementById(element.id))
            || (test && document.querySelectorAll(`[data-testid="${test}"]`).length === 1 && document.querySelector(`[data-testid="${test}"]`))
            || null;
    };

    const lost = () => !document.activeElement || document.activeElement === document.body;
    const recover = element => (stillThere(element) || document.getElementById("main-content"))?.focus();

    new MutationObserver(mutations => {
        const dialogClosed = mutations.some(m => [...m.removedNodes].some(n => n instanceof Element && n.matches(".mud-dialog-container")));
        if (dialogClosed && !document.querySelector(".mud-dialog-container")) {
            const active = document.activeElement;
            if (lost() || !active.isConnected || active.closest(overlay)) {
                recover(opener);
            }
        } else if (lost() && last && !last.isConnected && !lastInOverlay) {
            recover(last);
        }
    }).observe(document.body, { childList: true, subtree: true });

    // A field's error tied to the field. MudBlazor shows the error text under the field and marks it aria-invalid, but
    // only names the helper text in aria-describedby: a screen reader would hear "invalid" without the reason. Each
    // error text gets an id, and the field's aria-describedby names it while it shows (and no longer once it is gone).
    let errorCount = 0;
    const tied = new Set();
    const focusable = "input:not([type=hidden]), textarea, [role=combobox]";
    const tieErrors = () => {
        const now = new Set();
        for (const error of document.querySelectorAll(".mud-input-helper-text.mud-input-error > :first-child")) {
            const control = error.closest(".mud-input-control");
            const field = control && [...control.querySelectorAll(focusable)].find(f => f.style.display !== "none");
            if (!field || !error.textContent.trim()) {
                continue;
            }

            error.id ||= `field-error-${++errorCount}`;
            const ids = (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
            if (!ids.includes(error.id)) {
                field.setAttribute("aria-describedby", [...ids, error.id].join(" "));
            }

            now.add(field);
            tied.add(field);
        }

        for (const field of [...tied].filter(f => !now.has(f))) {
            tied.delete(field);
            const ids = (field.getAttribute("aria-describedby") || "").split(" ").filter(id => id && !id.startsWith("field-error-"));
            if (ids.length) {
                field.setAttribute("aria-describedby", ids.join(" "));
            } else {
                field.removeAttribute("aria-describedby");
            }
        }
    };

    let pending = false;
    new MutationObserver(() => {
        if (!pending) {
            pending = true;
            requestAnimationFrame(() => {
                pending = false;
                tieErrors();
            });
        }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
})();
