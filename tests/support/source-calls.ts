/**
 * Reads the arguments of calls in TypeScript source text, enough for tests that check a call's
 * literal arguments against a table (the finding sites and the error throw sites against their French
 * texts, the facts a ceremony reports against their names): the arguments split at depth 0, a string
 * or template literal's text, an object literal's properties. Strings, template literals (with their
 * ${…}), comments and nested brackets are skipped while splitting.
 */

/**
 * Splits `src` from `start` into comma-separated parts at depth 0, up to the bracket `close` that
 * ends them; null when the text is not well bracketed.
 */
export function splitTopLevel(src: string, start: number, close: ')' | '}'): string[] | null {
  const parts: string[] = [];
  const stack: string[] = [];
  let from = start;
  for (let i = start; i < src.length; i++) {
    const c = src[i]!;
    const top = stack.at(-1);
    if (top === "'" || top === '"' || top === '`') {
      if (c === '\\') i++;
      else if (c === top) stack.pop();
      else if (top === '`' && c === '$' && src[i + 1] === '{') {
        stack.push('{');
        i++;
      }
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      i = src.indexOf('\n', i);
      if (i < 0) return null;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      i = src.indexOf('*/', i) + 1;
      if (i <= 0) return null;
      continue;
    }
    if (c === "'" || c === '"' || c === '`' || c === '(' || c === '[' || c === '{') stack.push(c);
    else if (c === ')' || c === ']' || c === '}') {
      if (stack.length > 0) {
        stack.pop();
        continue;
      }
      if (c !== close) return null;
      const last = src.slice(from, i).trim();
      if (last !== '') parts.push(last);
      return parts;
    } else if (c === ',' && stack.length === 0) {
      parts.push(src.slice(from, i).trim());
      from = i + 1;
    }
  }
  return null;
}

/** The text of a string or template literal argument, or null if the argument is an expression. */
export function literalText(arg: string | undefined): string | null {
  const m = arg === undefined ? null : /^(['"`])([\s\S]*)\1$/u.exec(arg);
  return m ? m[2]! : null;
}

/** The string literals an expression can give ('a', or c ? 'a' : 'b'). */
export function stringLiterals(expression: string): string[] {
  return [...expression.matchAll(/'((?:[^'\\]|\\.)*)'/gu)].map((m) => m[1]!);
}

/** One property of an object literal: its key and value text, or a spread (`...value`). */
export type Property = { readonly key: string; readonly value: string } | { readonly spread: string };

/** The properties of an object literal argument; null when it is not one. */
export function objectProperties(arg: string): Property[] | null {
  if (!arg.startsWith('{') || !arg.endsWith('}')) return null;
  const props = splitTopLevel(arg, 1, '}');
  if (!props) return null;
  const out: Property[] = [];
  for (const prop of props) {
    if (prop.startsWith('...')) {
      out.push({ spread: prop.slice(3).trim() });
      continue;
    }
    const m = /^(?:([A-Za-z_$][\w$]*)|'([^']+)')\s*(?::\s*([\s\S]+))?$/u.exec(prop);
    if (!m) return null;
    const key = m[1] ?? m[2]!;
    out.push({ key, value: m[3] ?? key });
  }
  return out;
}

/** The 1-based line of `offset` in `src`. */
export function lineOf(src: string, offset: number): number {
  return src.slice(0, offset).split('\n').length;
}
