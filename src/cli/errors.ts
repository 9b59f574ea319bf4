/** The few ways a command ends, as exit codes a script can rely on (see README, "Exit codes"). */
export const EXIT = {
  ok: 0,
  /** findings: an invalid playbook, a failing playbook test */
  findings: 1,
  /** usage or input error: bad flag, unreadable answers file, no terminal to ask on */
  usage: 2,
  /** a bug: printed with a "please report" line */
  internal: 3,
  /** interrupted: the answers so far are kept as a draft */
  interrupted: 130,
} as const;

/** A user's mistake: printed as one message (and a hint), never with a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** The rep pressed Ctrl-C or the terminal closed; what they typed is already saved. */
export class Interrupted extends Error {
  constructor(readonly note?: string) {
    super('interrupted');
    this.name = 'Interrupted';
  }
}
