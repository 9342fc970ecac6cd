// Progressive enhancement for a running import: asks for its progress every second and moves the bar. Without
// JavaScript the page has a link to refresh it.
const panel = document.getElementById('import-progress');
if (panel) {
  const bar = document.getElementById('import-progress-bar');
  const text = document.getElementById('import-progress-text');
  const started = panel.dataset.status;
  const format = (n) => n.toLocaleString('en-GB');
  const poll = async () => {
    try {
      const response = await fetch(panel.dataset.statusUrl, { headers: { accept: 'application/json' } });
      if (response.ok) {
        const status = await response.json();
        if (status.status !== started) {
          window.location.reload();
          return;
        }
        bar.value = status.percent;
        bar.textContent = `${status.percent}%`;
        if (status.total > 0) {
          text.textContent = `${format(status.done)} of ${format(status.total)} rows (${status.percent}%).`;
        }
      }
    } catch {
      // A missed update is harmless: the next one, or a refresh, catches up.
    }
    setTimeout(poll, 1000);
  };
  setTimeout(poll, 1000);
}
