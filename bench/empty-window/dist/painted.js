// Two animation frames after the page loaded, its first frame has been
// painted: say so (the `painted` command prints the benchmark's marker).
requestAnimationFrame(() =>
  requestAnimationFrame(() => {
    window.__TAURI_INTERNALS__.invoke('painted');
  }),
);
