// The public report form's proof-of-work (ALTCHA's format): find the number n with SHA-256(salt + n) = challenge.
// It starts as soon as the page loads and needs nothing from the person; the status line (role="status") says what
// is happening. A send before it finishes waits for it and then goes on by itself.
(() => {
    const form = document.querySelector('form[data-pow]');
    if (!form || !window.crypto || !crypto.subtle) {
        return;
    }

    const status = document.getElementById('pow-status');
    const field = form.querySelector('input[name="Input.Altcha"]');
    const challenge = JSON.parse(form.dataset.pow);
    const encoder = new TextEncoder();
    const batch = 1000;
    let solving = null;

    const say = (key) => { status.textContent = status.dataset[key]; };
    const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
    const hash = async (text) => hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));

    async function solve() {
        say('working');
        const started = performance.now();
        for (let from = 0; from <= challenge.maxnumber; from += batch) {
            const tries = [];
            for (let n = from; n < from + batch && n <= challenge.maxnumber; n++) {
                tries.push(hash(challenge.salt + n).then((h) => (h === challenge.challenge ? n : -1)));
            }

            const found = (await Promise.all(tries)).find((n) => n >= 0);
            if (found !== undefined) {
                field.value = btoa(JSON.stringify({
                    algorithm: challenge.algorithm, challenge: challenge.challenge, number: found,
                    salt: challenge.salt, signature: challenge.signature,
                }));
                form.dataset.powMs = String(Math.round(performance.now() - started));
                say('done');
                return true;
            }
        }

        say('failed');
        return false;
    }

    const start = () => (solving ??= solve());
    form.addEventListener('submit', async (event) => {
        if (field.value) {
            return;
        }

        event.preventDefault();
        if (await start()) {
            form.requestSubmit();
        }
    });
    start();
})();
