// Lints one long document on two threads: the main thread matches the first
// half while a worker thread matches the second half and then decides whether
// the document has a bilingual layout at all. The result is the same as a
// lint on one thread (splitSegments cuts only where matching cannot tell the
// difference); a worker that fails or disagrees only costs the time.

import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { DocumentFormat, Finding } from '../core/types';
import { lint } from '../core/lint';
import { PackedMatches, splitSegments } from '../core/matcher';
import { scanMarkdown, Segments } from '../core/markdown';
import { detectLayout } from '../core/bilingual';
import { severityFor } from '../core/config';
import { ConfigResolver, ResolvedConfig } from './configDiscovery';

/** Below this many UTF-16 code units a second thread costs more than it saves. */
export const PARALLEL_MIN_LENGTH = 1024 * 1024;

/** workerData.role of a match worker (the CLI bundle starts itself as one). */
export const MATCH_WORKER_ROLE = 'carbon-lexicon-match-worker';

interface WorkerSetup {
  role: typeof MATCH_WORKER_ROLE;
  cwd: string;
  config?: string;
  /** The first long file: its engine is built and warmed up while the main thread reads it. */
  prepare?: string;
}

interface MatchJob {
  id: number;
  file: string;
  text: string;
  format: DocumentFormat;
  segments: Int32Array;
  count: number;
}

/** The worker's matches for a job's segments, packed as in PackedMatches. */
interface MatchReply {
  id: number;
  kind: 'matches';
  entries: number;
  count: number;
  start: Int32Array;
  end: Int32Array;
  entry: Int32Array;
  unsafe: Uint8Array;
}

type WorkerReply = MatchReply | { id: number; kind: 'layout'; monolingual: boolean } | { id: number; kind: 'error'; message: string };

/** The main thread's side: one worker, jobs answered in order. */
export class MatchWorker {
  private readonly worker: Worker;
  private nextId = 0;
  private readonly waiting = new Map<string, { resolve: (reply: WorkerReply) => void; reject: (e: Error) => void }>();
  private failure?: Error;

  /** `trace` hears how each document was linted (CARBON_LEXICON_TRACE=1; tests). */
  constructor(
    script: string,
    cwd: string,
    config: string | undefined,
    prepare: string | undefined,
    private readonly trace?: (what: string) => void,
  ) {
    const setup: WorkerSetup = { role: MATCH_WORKER_ROLE, cwd, config, prepare };
    this.worker = new Worker(script, { workerData: setup });
    // The process ends when the main thread is done, whatever the worker is doing.
    this.worker.unref();
    this.worker.on('message', (reply: WorkerReply) => {
      const key = `${reply.id}:${reply.kind === 'error' ? 'matches' : reply.kind}`;
      const waiter = this.waiting.get(key);
      if (reply.kind === 'error') {
        // An error answers everything the job still waits for.
        for (const kind of ['matches', 'layout']) {
          const w = this.waiting.get(`${reply.id}:${kind}`);
          this.waiting.delete(`${reply.id}:${kind}`);
          w?.reject(new Error(reply.message));
        }
        return;
      }
      this.waiting.delete(key);
      waiter?.resolve(reply);
    });
    const fail = (e: Error) => {
      this.failure = e;
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`match worker exited (${code})`)));
  }

  /**
   * Lint `text` as resolved.engine.lint would, matching the second half on
   * the worker. Undefined when the text cannot be split or the worker fails:
   * the caller then lints on its own thread.
   */
  async lint(file: string, text: string, format: DocumentFormat, resolved: ResolvedConfig): Promise<Finding[] | undefined> {
    if (this.failure) return this.fallBack(`${this.failure.message}`);
    const parts = splitForThreads(text, format);
    if (!parts) return this.fallBack('no blank line to cut at');
    const id = this.nextId++;
    const matches = this.expect(id, 'matches');
    const layout = this.expect(id, 'layout');
    // Rejections are handled where they are awaited; until then they must not go unhandled.
    matches.catch(() => undefined);
    layout.catch(() => undefined);
    const job: MatchJob = { id, file, text, format, segments: parts[1].data, count: parts[1].count };
    this.worker.postMessage(job, [job.segments.buffer as ArrayBuffer]);
    const first = resolved.engine.matcher.findPackedInSegments(text, parts[0]);
    try {
      const second = (await matches) as MatchReply;
      // Both threads build the same engine; a different entry table would mean different entry numbers.
      if (second.entries !== first.entries.length) return this.fallBack('the worker built a different term base');
      first.append(second);
      const { monolingual } = (await layout) as { monolingual: boolean };
      this.trace?.('two threads');
      return lint(text, { matcher: resolved.engine.matcher, format, config: resolved.config, packed: first, monolingual });
    } catch (e) {
      return this.fallBack((e as Error).message);
    }
  }

  private fallBack(reason: string): undefined {
    this.trace?.(`one thread (${reason})`);
    return undefined;
  }

  close(): void {
    void this.worker.terminate();
  }

  private expect(id: number, kind: 'matches' | 'layout'): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      if (this.failure) reject(this.failure);
      else this.waiting.set(`${id}:${kind}`, { resolve, reject });
    });
  }
}

/** The segments of a document cut in two for two threads, or undefined. */
export function splitForThreads(text: string, format: DocumentFormat): [Segments, Segments] | undefined {
  if (format === 'markdown') return splitSegments(text, scanMarkdown(text));
  // Plain text is one segment; cut it after a blank line near the middle.
  const blankLine = /\n[ \t]*\r?\n/g;
  blankLine.lastIndex = text.length >> 1;
  const m = blankLine.exec(text);
  if (!m) return undefined;
  const cut = m.index + m[0].length;
  if (cut >= text.length) return undefined;
  return [
    { data: Int32Array.of(0, cut, 0), count: 1 },
    { data: Int32Array.of(cut, text.length, 0), count: 1 },
  ];
}

/** Whether this thread was started as a match worker. */
export function isMatchWorker(data: unknown = workerData): boolean {
  return !!parentPort && (data as WorkerSetup | null)?.role === MATCH_WORKER_ROLE;
}

/** The worker's side: match the segments it is sent, then judge the bilingual layout. */
export function runMatchWorker(): void {
  const port = parentPort;
  if (!port) return;
  const setup = workerData as WorkerSetup;
  const resolver = new ConfigResolver(setup.cwd, setup.config);
  if (setup.prepare) {
    try {
      resolver.forFile(setup.prepare).engine.matcher.prepareForLongTexts();
    } catch {
      // A bad configuration is reported by the main thread; the job will say so too.
    }
  }
  port.on('message', (job: MatchJob) => {
    try {
      const { engine, config } = resolver.forFile(job.file);
      const found: PackedMatches = engine.matcher.findPackedInSegments(job.text, { data: job.segments, count: job.count });
      const reply: MatchReply = {
        id: job.id,
        kind: 'matches',
        entries: found.entries.length,
        count: found.count,
        start: found.start.slice(0, found.count),
        end: found.end.slice(0, found.count),
        entry: found.entry.slice(0, found.count),
        unsafe: found.unsafe.slice(0, found.count),
      };
      port.postMessage(reply, [reply.start.buffer, reply.end.buffer, reply.entry.buffer, reply.unsafe.buffer] as ArrayBuffer[]);
      // With both bilingual rules off there is nothing to find either.
      const rulesOff = severityFor('missing-translation', config) === 'off' && severityFor('number-mismatch', config) === 'off';
      port.postMessage({ id: job.id, kind: 'layout', monolingual: rulesOff || detectLayout(job.text, job.format) === 'none' });
    } catch (e) {
      port.postMessage({ id: job.id, kind: 'error', message: (e as Error).message });
    }
  });
}
