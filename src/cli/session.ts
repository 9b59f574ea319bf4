import { UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
export async function sessionCommand(_mode: string, _opts: Record<string, unknown>, _io: IO, _g: GlobalOptions): Promise<number> {
  throw new UserError('not yet');
}
