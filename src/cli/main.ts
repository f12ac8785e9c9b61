// The command-line tool's entry (built to dist/cli.js): picks the command and turns every error
// into one line on stderr and an exit code: 0 ok, 1 invalid or failing, 2 usage error.

import { TimeError } from '../time/timeError.js';
import { COMMANDS } from './commands.js';
import { BIN, Failure, UsageError, packageVersion, print } from './io.js';

const HELP = `Usage: ${BIN} <command> [options]

UK safeguarding escalation protocols as data: check them, test them, and compute their deadlines.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)}${c.summary}`).join('\n')}

Options:
  -h, --help            this help; "${BIN} <command> --help" for a command's
  -v, --version         the package version

Example:
  ${BIN} validate protocols/ --strict`;

/** The command being run, for error messages. */
let current: string | undefined;

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError(`give a command: ${COMMANDS.map((c) => c.name).join(', ')}`, true);
  if (first === '--help' || first === '-h') {
    print(HELP);
    return 0;
  }
  if (first === '--version' || first === '-v') {
    print(packageVersion());
    return 0;
  }
  if (first === 'help') {
    const command = COMMANDS.find((c) => c.name === rest[0]);
    print(command ? (await command.load()).help : HELP);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === first);
  if (!entry) throw new UsageError(first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`, true);
  current = entry.name;
  const command = await entry.load();
  // Every command takes --help the same way; its own parser still knows the flag, so strict parsing
  // of the rest of the line is unchanged.
  if (rest.includes('--help') || rest.includes('-h')) {
    print(command.help);
    return 0;
  }
  return command.run(rest);
}

function report(error: unknown): number {
  const prefix = current ? `${BIN} ${current}` : BIN;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError) {
    const hint = error.showHelp ? ` (see "${prefix} --help")` : '';
    process.stderr.write(`${prefix}: ${message}${hint}\n`);
    return 2;
  }
  // A TimeError comes from a date or duration on the command line (the commands check files' own
  // dates before they reach the engine), so it is a bad argument.
  if (error instanceof TimeError) {
    process.stderr.write(`${prefix}: ${message}\n`);
    return 2;
  }
  if (error instanceof Failure) {
    process.stderr.write(`${prefix}: ${message}\n`);
    return 1;
  }
  // A bug of ours: still one line, never a stack trace.
  process.stderr.write(`${prefix}: unexpected error: ${message.split('\n')[0]}\n`);
  return 1;
}

// `escalation-protocols ... | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => (process.exitCode = report(error)),
);
