// Entry point of the `carbon-lexicon` command (bundled to dist/cli.js).

import packageJson from '../../package.json';
import { runLint } from './lint';
import { runExport } from './export';
import type { ToolInfo } from './formats';

/** How subcommands talk to the outside world (tests pass their own). */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Folder that relative paths are resolved against. */
  cwd: string;
}

export const TOOL: ToolInfo = {
  name: 'Carbon Lexicon',
  version: (packageJson as { version: string }).version,
  informationUri:
    (packageJson as { homepage?: string }).homepage ?? 'https://github.com/carbon-lexicon/carbon-lexicon',
};

export const USAGE = `Usage: carbon-lexicon <command> [options]

Commands:
  lint [options] PATH...     check drafts against the white paper's terms
  export [options]           export the term base (JSON, CSV, TBX)

Options:
  -h, --help                 show help (also: carbon-lexicon lint --help)
  -v, --version              show the version
`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout)(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    io.stdout(`${TOOL.version}\n`);
    return 0;
  }
  try {
    if (command === 'lint') return await runLint(rest, io, TOOL);
    if (command === 'export') return await runExport(rest, io);
  } catch (e) {
    // An unexpected failure: report it plainly rather than with a stack trace.
    io.stderr(`carbon-lexicon ${command}: internal error: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
  io.stderr(`carbon-lexicon: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}

if (require.main === module) {
  // `carbon-lexicon lint ... | head` closes the pipe early: stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const io: CliIO = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`carbon-lexicon: ${(e as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
