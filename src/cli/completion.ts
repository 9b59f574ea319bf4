/**
 * `completion bash|zsh|fish`: a completion script made from the program's own commands and options
 * (so it never lags behind them), with account names, playbook ids and class ids asked of the hidden
 * `__complete` command as the rep types.
 */
import { existsSync } from 'node:fs';
import type { Command, Option } from 'commander';
import { MODES } from '../engine/model.js';
import { sanitize } from '../ui/sanitize.js';
import { localToday } from './clock.js';
import { makeContext } from './context.js';
import { EXIT, said, UserError } from './errors.js';
import type { GlobalOptions, IO } from './io.js';
import { dbPath, openStore, storeTarget } from './store.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What a value is completed with: names from the store or the registry, a fixed list, files, or nothing. */
export type ValueKind = { kind: 'accounts' | 'playbooks' | 'classes' | 'files' | 'free' } | { kind: 'choices'; choices: string[] };

export interface OptionSpec {
  long: string;
  short?: string;
  description: string;
  value?: ValueKind;
}

export interface CommandSpec {
  /** The words that lead to it: [] for the program, ['playbook', 'validate'] for a sub-command. */
  path: string[];
  description: string;
  subcommands: string[];
  options: OptionSpec[];
  /** What its positional arguments are. */
  args?: ValueKind;
}

const FILE_OPTIONS = new Set(['--answers', '--out', '--calendar', '--csv', '--ics', '--config', '--db', '--password-file', '--playbooks']);
const BY_OPTION: Record<string, ValueKind> = {
  '--account': { kind: 'accounts' },
  '--playbook': { kind: 'playbooks' },
  '--class': { kind: 'classes' },
  '--lang': { kind: 'choices', choices: ['en', 'zh-CN', 'zh-TW'] },
};
const ACCOUNT_ARGS = new Set(['account show', 'account rename', 'account merge', 'account delete', 'account validate', 'account challenge']);

function optionValue(o: Option): ValueKind | undefined {
  if (!o.required && !o.optional) return undefined;
  if (o.argChoices?.length) return { kind: 'choices', choices: [...o.argChoices] };
  const long = o.long ?? '';
  return BY_OPTION[long] ?? (FILE_OPTIONS.has(long) ? { kind: 'files' } : { kind: 'free' });
}

function argsOf(path: string[], cmd: Command): ValueKind | undefined {
  const key = path.join(' ');
  if (ACCOUNT_ARGS.has(key)) return { kind: 'accounts' };
  if (key === 'completion') return { kind: 'choices', choices: [...SHELLS] };
  if (key === 'drafts discard') return { kind: 'choices', choices: [...MODES] };
  if (key === 'playbook show' || key === 'playbook try' || key === 'playbook graph' || key === 'playbook test') return { kind: 'playbooks' };
  return cmd.registeredArguments.length ? { kind: 'files' } : undefined;
}

/** Every visible command of the program, depth first, with its options (the program's own first). */
export function commandSpecs(program: Command): CommandSpec[] {
  const help = program.createHelp();
  const out: CommandSpec[] = [];
  const walk = (cmd: Command, path: string[]) => {
    const subs = help.visibleCommands(cmd).filter((c) => c.name() !== 'help');
    out.push({
      path,
      description: cmd.description(),
      subcommands: subs.map((c) => c.name()),
      options: help
        .visibleOptions(cmd)
        .filter((o) => o.long && o.long !== '--help')
        .map((o) => {
          const value = optionValue(o);
          return { long: o.long as string, ...(o.short ? { short: o.short } : {}), description: o.description, ...(value ? { value } : {}) };
        }),
      ...(path.length ? { args: argsOf(path, cmd) } : {}),
    });
    for (const c of subs) walk(c, [...path, c.name()]);
  };
  walk(program, []);
  return out;
}

const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
/** A description on one line, short enough for a menu. */
const brief = (s: string) => {
  const one = sanitize(s).replace(/\s+/g, ' ').trim();
  return one.length > 70 ? `${one.slice(0, 69)}…` : one;
};

/** The shell code that prints the candidates of a kind of value (one a line), given the word typed. */
function valueCase(kind: ValueKind, dynamic: (what: string) => string, files: string): string {
  switch (kind.kind) {
    case 'accounts':
    case 'playbooks':
    case 'classes':
      return dynamic(kind.kind);
    case 'choices':
      return `printf '%s\\n' ${kind.choices.map(sq).join(' ')}`;
    case 'files':
      return files;
    case 'free':
      return ':';
  }
}

/**
 * bash: one function; the words before the cursor are walked to find the command and whether the
 * word is an option's value. Names from the store may hold spaces: each candidate is quoted for
 * the line (printf %q).
 */
export function bashScript(specs: CommandSpec[], bin = 'sales-coach'): string {
  const fn = `_${bin.replace(/[^A-Za-z0-9]/g, '_')}`;
  const subs = specs.filter((s) => s.subcommands.length).map((s) => `    ${sq(s.path.join(' '))}) echo ${sq(s.subcommands.join(' '))} ;;`);
  const global = specs[0].options;
  const opts = specs.map((s) => `    ${sq(s.path.join(' '))}) echo ${sq([...s.options, ...(s.path.length ? global : [])].flatMap((o) => [o.long, ...(o.short ? [o.short] : [])]).join(' '))} ;;`);
  const valued = new Map<string, ValueKind>();
  for (const s of specs) for (const o of s.options) if (o.value) for (const name of [o.long, o.short].filter(Boolean) as string[]) valued.set(name, o.value);
  const dynamic = (what: string) => `${fn}_ask ${what}`;
  const files = 'compgen -f -- "$cur"';
  const valueCases = [...valued].map(([name, kind]) => `    ${sq(name)}) ${valueCase(kind, dynamic, files)} ;;`);
  const argCases = specs.filter((s) => s.args).map((s) => `    ${sq(s.path.join(' '))}) ${valueCase(s.args as ValueKind, dynamic, files)} ;;`);
  return `# ${bin} completion for bash. Generated by \`${bin} completion bash\`; see the README ("Shell completion").
${fn}_subs() {
  case "$1" in
${subs.join('\n')}
  esac
}
${fn}_opts() {
  case "$1" in
${opts.join('\n')}
  esac
}
# status 0: option $1 takes a value
${fn}_valued() {
  case "$1" in
    ${[...valued.keys()].map(sq).join('|') || "''"}) return 0 ;;
  esac
  return 1
}
# the candidates for the value of option $1
${fn}_value() {
  case "$1" in
${valueCases.join('\n')}
    *) return 1 ;;
  esac
}
${fn}_args() {
  case "$1" in
${argCases.join('\n')}
    *) return 1 ;;
  esac
}
# names from the store or the playbook folders, asked of the same database and config as the line names
${fn}_ask() {
  "\${COMP_WORDS[0]}" "\${${fn}_global[@]}" __complete "$1" 2>/dev/null
}
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" w i sub
  local -a ${fn}_global=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    case "$w" in
      --db|--config|--playbooks) ${fn}_global+=("$w" "\${COMP_WORDS[i+1]}"); ((i++)) ;;
      -*) if ${fn}_valued "$w"; then ((i++)); fi ;;
      *) for sub in $(${fn}_subs "$path"); do
           if [[ "$w" == "$sub" ]]; then path="\${path:+$path }$w"; break; fi
         done ;;
    esac
  done
  local prev="\${COMP_WORDS[COMP_CWORD-1]}" list
  if [[ "$cur" == -* ]]; then
    list=$(${fn}_opts "$path" | tr ' ' '\\n')
  elif [[ $COMP_CWORD -gt 1 && "$prev" == -* ]] && ${fn}_valued "$prev"; then
    list=$(${fn}_value "$prev")
  else
    list=$(${fn}_subs "$path" | tr ' ' '\\n')
    [[ -z "$list" ]] && list=$(${fn}_args "$path")
  fi
  # the word as typed, without its quotes or backslashes, against each candidate
  local typed="\${cur//\\\\/}" line
  typed="\${typed#[\\"\\']}"
  COMPREPLY=()
  while IFS= read -r line; do
    [[ -n "$line" && "$line" == "$typed"* ]] && COMPREPLY+=("$(printf '%q' "$line")")
  done <<<"$list"
}
complete -o default -F ${fn} ${bin}
`;
}

/** zsh: the same walk, with compadd (which quotes each name itself) and descriptions for commands. */
export function zshScript(specs: CommandSpec[], bin = 'sales-coach'): string {
  const fn = `_${bin.replace(/[^A-Za-z0-9]/g, '_')}`;
  const subs = specs.filter((s) => s.subcommands.length).map((s) => {
    const described = s.subcommands.map((name) => {
      const child = specs.find((c) => c.path.join(' ') === [...s.path, name].join(' '));
      return sq(`${name.replace(/:/g, '\\:')}:${brief(child?.description ?? '')}`);
    });
    return `    ${sq(s.path.join(' '))}) subs=(${described.join(' ')}) ;;`;
  });
  const global = specs[0].options;
  const opts = specs.map((s) => `    ${sq(s.path.join(' '))}) opts=(${[...s.options, ...(s.path.length ? global : [])].flatMap((o) => [o.long, ...(o.short ? [o.short] : [])]).map(sq).join(' ')}) ;;`);
  const valued = new Map<string, ValueKind>();
  for (const s of specs) for (const o of s.options) if (o.value) for (const name of [o.long, o.short].filter(Boolean) as string[]) valued.set(name, o.value);
  const dynamic = (what: string) => `vals=("\${(@f)$(\${words[1]} "\${global[@]}" __complete ${what} 2>/dev/null)}")`;
  const files = '_files; return';
  const asArray = (k: ValueKind) => (k.kind === 'choices' ? `vals=(${k.choices.map(sq).join(' ')})` : k.kind === 'free' ? 'return' : valueCase(k, dynamic, files));
  const valueCases = [...valued].map(([name, kind]) => `      ${sq(name)}) ${asArray(kind)} ;;`);
  const argCases = specs.filter((s) => s.args).map((s) => `      ${sq(s.path.join(' '))}) ${asArray(s.args as ValueKind)} ;;`);
  return `#compdef ${bin}
# ${bin} completion for zsh. Generated by \`${bin} completion zsh\`; see the README ("Shell completion").
${fn}() {
  local path_="" w i sub
  local -a subs opts vals global
  for ((i = 2; i < CURRENT; i++)); do
    w=\${words[i]}
    case $w in
      --db|--config|--playbooks) global+=($w \${words[i+1]}); ((i++)) ;;
      -*) ${fn}_valued $w && ((i++)) ;;
      *) subs=(); ${fn}_subs "$path_"
         for sub in \${subs%%:*}; do [[ $w == $sub ]] && { path_=\${path_:+$path_ }$w; break; }; done ;;
    esac
  done
  local cur=\${words[CURRENT]} prev=\${words[CURRENT-1]}
  if [[ $cur == -* ]]; then
    opts=(); ${fn}_opts "$path_"; compadd -a opts; return
  fi
  if (( CURRENT > 2 )) && [[ $prev == -* ]] && ${fn}_valued $prev; then
    case $prev in
${valueCases.join('\n')}
    esac
    compadd -a vals; return
  fi
  subs=(); ${fn}_subs "$path_"
  if (( \${#subs} )); then _describe command subs; return; fi
  case $path_ in
${argCases.join('\n')}
    *) _files; return ;;
  esac
  compadd -a vals
}
${fn}_subs() {
  case $1 in
${subs.join('\n')}
  esac
}
${fn}_opts() {
  case $1 in
${opts.join('\n')}
  esac
}
${fn}_valued() {
  case $1 in
    ${[...valued.keys()].map(sq).join('|') || "''"}) return 0 ;;
  esac
  return 1
}
if [[ $zsh_eval_context[-1] == loadautoload ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${bin}
fi
`;
}

/** fish: one `complete` line per command, option and value, conditioned on the command typed so far. */
export function fishScript(specs: CommandSpec[], bin = 'sales-coach'): string {
  const lines = [`# ${bin} completion for fish. Generated by \`${bin} completion fish\`; see the README ("Shell completion").`];
  const ask = (what: string) => `(${bin} __complete ${what} 2>/dev/null)`;
  const seen = (path: string[]) => {
    if (!path.length) return '__fish_use_subcommand';
    const parent = specs.find((s) => s.path.join(' ') === path.slice(0, -1).join(' '));
    const here = specs.find((s) => s.path.join(' ') === path.join(' '));
    const own = here?.subcommands.length ? `; and not __fish_seen_subcommand_from ${here.subcommands.join(' ')}` : '';
    return `__fish_seen_subcommand_from ${path[path.length - 1]}${parent?.path.length ? `; and __fish_seen_subcommand_from ${parent.path[parent.path.length - 1]}` : ''}${own}`;
  };
  const values = (k: ValueKind) => (k.kind === 'choices' ? `-f -a ${sq(k.choices.join(' '))}` : k.kind === 'files' ? '-F' : k.kind === 'free' ? '-f' : `-f -a ${sq(ask(k.kind))}`);
  for (const s of specs) {
    const cond = seen(s.path);
    for (const sub of s.subcommands) {
      const child = specs.find((c) => c.path.join(' ') === [...s.path, sub].join(' '));
      lines.push(`complete -c ${bin} -f -n ${sq(cond)} -a ${sq(sub)} -d ${sq(brief(child?.description ?? ''))}`);
    }
    for (const o of s.options) {
      const cond2 = s.path.length ? ` -n ${sq(cond)}` : '';
      lines.push(`complete -c ${bin}${cond2} -l ${o.long.slice(2)}${o.short ? ` -s ${o.short.slice(1)}` : ''}${o.value ? ` -r ${values(o.value)}` : ''} -d ${sq(brief(o.description))}`);
    }
    if (s.args && !s.subcommands.length) lines.push(`complete -c ${bin} -n ${sq(cond)} ${values(s.args)}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function completionCommand(shell: string, program: Command, io: IO, _g: GlobalOptions): Promise<number> {
  if (!(SHELLS as readonly string[]).includes(shell)) throw new UserError(said('noCompletion', { shell, shells: [...SHELLS] }), `no completion for "${shell}"`, `sales-coach completion ${SHELLS.join('|')}`, EXIT.usage);
  const specs = commandSpecs(program);
  io.stdout.write(shell === 'bash' ? bashScript(specs) : shell === 'zsh' ? zshScript(specs) : fishScript(specs));
  return EXIT.ok;
}

/**
 * `__complete accounts|playbooks|classes`: the names a completion script offers, one a line. Run at
 * each Tab: it reads only what it must, creates no database, and says nothing on error (a broken
 * config must not print into the rep's command line).
 */
export async function completeValues(what: string, io: IO, g: GlobalOptions): Promise<number> {
  try {
    let names: string[] = [];
    if (what === 'playbooks') names = makeContext(io, g).registry.list().map((e) => e.id);
    else if (what === 'accounts' || what === 'classes') {
      if (storeTarget(io, g).kind === 'sqlite' && !existsSync(dbPath(io, g))) return EXIT.ok;
      const store = await openStore(io, g);
      try {
        const p = await store.pipeline({ today: localToday(), sort: 'name' });
        names = what === 'accounts' ? p.rows.map((r) => r.name) : [...p.groups.flatMap((gr) => (gr.class ? [gr.class] : [])), '?'];
      } finally {
        await store.close();
      }
    }
    const lines = [...new Set(names.map(sanitize).filter(Boolean))];
    if (lines.length) io.stdout.write(`${lines.join('\n')}\n`);
  } catch {
    // nothing to offer: the shell falls back to its own completion
  }
  return EXIT.ok;
}
