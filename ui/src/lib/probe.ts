/**
 * The start-up probe of `scripts/perf.sh` (docs/performance.md): once per
 * run, two animation frames after the Today screen's first data has
 * rendered — so after the frame that shows it has been painted — tell the
 * shell (`startup_painted`, which prints a marker only when the benchmark
 * turned it on). Carries nothing; a failure is ignored.
 */
import * as api from './api';

let sent = false;

export function todayPainted(): void {
  if (sent || typeof requestAnimationFrame !== 'function') return;
  sent = true;
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      api.startupPainted().catch(() => {});
    }),
  );
}
