// Runs a computation on every request while it is quick, and only when the
// requests pause once it has been slow: a QuickPick filtered on every
// keystroke stays immediate over the bundled terms, and does not block the
// extension host keystroke after keystroke over a glossary of 100 000 entries.

/** What the debouncer needs of time (real timers in the editor, a fake clock in tests). */
export interface DebounceClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AdaptiveDebounceOptions {
  /** A run that took at least this long makes the next requests wait for a pause. */
  slowMs: number;
  /** The pause in requests to wait for, once runs are slow. */
  pauseMs: number;
  /** Told true when a run is put off, false when it has run (a busy indicator). */
  onWaiting?: (waiting: boolean) => void;
  clock?: DebounceClock;
}

export interface AdaptiveDebounce {
  request(): void;
  dispose(): void;
}

const realClock: DebounceClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function adaptiveDebounce(run: () => void, options: AdaptiveDebounceOptions): AdaptiveDebounce {
  const clock = options.clock ?? realClock;
  let lastRunMs = 0;
  let pending: unknown;
  let disposed = false;
  const runNow = () => {
    pending = undefined;
    if (disposed) return;
    const start = clock.now();
    try {
      run();
    } finally {
      lastRunMs = clock.now() - start;
      options.onWaiting?.(false);
    }
  };
  return {
    request() {
      if (disposed) return;
      if (pending !== undefined) clock.clearTimeout(pending);
      if (lastRunMs < options.slowMs) {
        runNow();
        return;
      }
      options.onWaiting?.(true);
      pending = clock.setTimeout(runNow, options.pauseMs);
    },
    dispose() {
      disposed = true;
      if (pending !== undefined) clock.clearTimeout(pending);
      pending = undefined;
    },
  };
}
