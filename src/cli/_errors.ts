// The tool's name and the two ways a command fails, apart so that every CLI module can throw them.

export const BIN = 'escalation-protocols';

/** A mistake in how the tool was called (unknown flag, missing file, bad argument): exit 2. */
export class UsageError extends Error {
  /** Whether to point at `--help` after the message. */
  readonly showHelp: boolean;
  constructor(message: string, showHelp = false) {
    super(message);
    this.showHelp = showHelp;
  }
}

/** The input was read and is invalid (a broken protocol, a refused case): exit 1. */
export class Failure extends Error {}
