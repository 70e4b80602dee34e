// The QuickPick's search: immediate while quick, after a pause in typing once slow.
import { strict as assert } from 'node:assert';
import { adaptiveDebounce, type DebounceClock } from '../../src/vscode/logic/adaptiveDebounce';

/** A clock whose time moves only when told; timers fire as it passes them. */
function fakeClock(): DebounceClock & { advance(ms: number): void } {
  let now = 0;
  let timers: Array<{ at: number; callback: () => void; id: number }> = [];
  let nextId = 1;
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.push({ at: now + ms, callback, id });
      return id;
    },
    clearTimeout(handle) {
      timers = timers.filter((t) => t.id !== handle);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.callback();
      }
      now = until;
    },
  };
}

describe('vscode logic: adaptive debounce (Search terms)', () => {
  it('runs at once while runs are quick', () => {
    const clock = fakeClock();
    let runs = 0;
    const d = adaptiveDebounce(() => runs++, { slowMs: 50, pauseMs: 150, clock });
    for (let i = 0; i < 5; i++) d.request();
    assert.equal(runs, 5);
  });

  it('after a slow run, waits for a pause and runs once for a burst of requests', () => {
    const clock = fakeClock();
    let runs = 0;
    let cost = 200; // each run takes this long on the fake clock
    const waiting: boolean[] = [];
    const d = adaptiveDebounce(
      () => {
        runs++;
        clock.advance(cost);
      },
      { slowMs: 50, pauseMs: 150, clock, onWaiting: (w) => waiting.push(w) },
    );
    d.request(); // runs at once (nothing slow yet) and is slow
    assert.equal(runs, 1);
    for (let i = 0; i < 4; i++) {
      d.request(); // a keystroke every 100 ms: no pause long enough
      clock.advance(100);
    }
    assert.equal(runs, 1);
    clock.advance(60); // 150 ms after the last keystroke
    assert.equal(runs, 2);
    assert.deepEqual(waiting, [false, true, true, true, true, false]);
    // Quick again: the next request runs at once.
    cost = 5;
    d.request();
    clock.advance(150);
    assert.equal(runs, 3);
    d.request();
    assert.equal(runs, 4);
  });

  it('runs nothing after dispose, pending or new', () => {
    const clock = fakeClock();
    let runs = 0;
    const d = adaptiveDebounce(
      () => {
        runs++;
        clock.advance(100);
      },
      { slowMs: 50, pauseMs: 150, clock },
    );
    d.request();
    d.request(); // put off
    d.dispose();
    clock.advance(1000);
    d.request();
    assert.equal(runs, 1);
  });
});
