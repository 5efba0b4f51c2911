// Strict option parsing for every command: node:util parseArgs, its errors turned into one line
// a person reads (UsageError, exit 2), never a TypeError with a stack trace.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./io.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** True when the arguments ask for help (-h or --help before any `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === "--") return false;
    if (a === "-h" || a === "--help") return true;
  }
  return false;
}

/** parseArgs in strict mode; an unknown option, a missing value or a stray argument is a UsageError. */
export function parseCommand<O extends Options>(argv: string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(describeParseError(err, options), { cause: err });
  }
}

function describeParseError(err: unknown, options: Options): string {
  const e = err as { code?: string; message?: string };
  const msg = String(e.message ?? err);
  // parseArgs names the option as '--name' or '-x, --name <value>'.
  const named = /'(?:-\w, )?(--?[\w-]+)/.exec(msg)?.[1];
  switch (e.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${named ?? msg}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const name = named?.replace(/^-+/, "");
      const opt = name ? options[name] ?? Object.entries(options).find(([, o]) => o.short === name)?.[1] : undefined;
      const long = name && options[name] ? `--${name}` : named;
      return opt?.type === "boolean" ? `${long} takes no value` : `${long ?? "an option"} needs a value`;
    }
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument ${/'([^']*)'/.exec(msg)?.[1] ?? ""}`.trimEnd();
    default:
      return msg;
  }
}
