import type { FieldError } from './problem-details.filter';

/** Deeper than any body the API reads (a request's components are three levels down). */
export const MAX_DEPTH = 10;

/**
 * C0 and C1 control characters and DEL, except tab, line feed and carriage return: a browser's text area sends
 * line breaks as CR LF, and those are kept as sent. PostgreSQL refuses NUL in text; the others have no place in
 * a motivation or a code and can hide text from whoever reads it in a terminal or a log.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Half of a UTF-16 surrogate pair without its other half: no Unicode character, so not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Keys that reach an object's prototype when copied into another object; class-transformer silently drops them. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function textProblem(text: string): string | undefined {
  if (CONTROL.test(text)) {
    return 'may not contain control characters (only tab, line feed and carriage return)';
  }
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (it holds half a surrogate pair)';
  return undefined;
}

/**
 * What is wrong with the shape of an input value (a body, the query, or one path parameter) before it is
 * validated field by field: text no column can hold, prototype keys, and nesting deep enough to exhaust the
 * stack of the recursive transformer and validator behind it. The walk keeps its own stack for that reason.
 * `root` names the value itself (a path parameter's name); fields below it are joined with dots, as the
 * validation pipe names them.
 */
export function inputShapeProblems(value: unknown, root = ''): FieldError[] {
  const problems: FieldError[] = [];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  // `top`: the field a too deep value is reported under, rather than a path of a thousand dots.
  const pending: { value: unknown; path: string; top: string; depth: number }[] = [
    { value, path: root, top: root, depth: 0 },
  ];
  while (pending.length > 0) {
    const { value: current, path, top, depth } = pending.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) problems.push({ field: path, messages: [problem] });
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_DEPTH) {
      problems.push({ field: top, messages: [`is nested deeper than ${MAX_DEPTH} levels`] });
      continue;
    }
    for (const key of Object.keys(current)) {
      const field = join(path, key);
      const keyProblem = PROTOTYPE_KEYS.has(key)
        ? 'is not a field name we accept'
        : textProblem(key);
      if (keyProblem) {
        problems.push({ field, messages: [keyProblem] });
        continue;
      }
      pending.push({
        value: (current as Record<string, unknown>)[key],
        path: field,
        top: depth === 0 ? field : top,
        depth: depth + 1,
      });
    }
  }
  return problems.sort((a, b) => a.field.localeCompare(b.field));
}
