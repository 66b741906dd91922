import { SetMetadata } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';

/**
 * How to copy a value of one response DTO class: the properties it declares with @ApiProperty or
 * @ApiPropertyOptional (its parents' included), each with the plan of its own DTO class where it has one.
 * A property without one (a string, a Date, an enum, a map with `additionalProperties`) is kept as it is.
 */
export interface FieldPlan {
  readonly fields: readonly { readonly name: string; readonly nested: FieldPlan | null }[];
}

type Class = abstract new (...args: never[]) => unknown;

/** One plan per class for the life of the process: the classes are fixed once loaded. */
const plans = new Map<Class, FieldPlan>();

const RAW_RESPONSE = 'response:raw';

/**
 * Answers with what the handler returns, as it is: only for a body that no DTO class describes (terminus's
 * health report). Every such route is listed in a test, so that none slips through unseen.
 */
export const RawResponse = () => SetMetadata(RAW_RESPONSE, true);

/** A class that declares response properties. */
function isDto(type: unknown): type is Class {
  return (
    typeof type === 'function' &&
    type.prototype !== undefined &&
    Reflect.hasMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, type.prototype as object)
  );
}

/**
 * The class a `type` option names. `type: () => X` (a class declared further down) is an arrow function, which
 * has no prototype where a class has one; `[X]` and `() => [X]` name X for an array, which the copy sees anyway.
 */
function classOf(type: unknown): unknown {
  const resolved: unknown =
    typeof type === 'function' && type.prototype === undefined ? (type as () => unknown)() : type;
  return Array.isArray(resolved) ? resolved[0] : resolved;
}

export function fieldPlanOf(dto: Class): FieldPlan {
  const known = plans.get(dto);
  if (known) return known;
  const fields: { name: string; nested: FieldPlan | null }[] = [];
  const plan: FieldPlan = { fields };
  // Stored before its fields are planned, so that a DTO that contains itself finds its plan.
  plans.set(dto, plan);
  const prototype = dto.prototype as object;
  const keys = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, prototype) as string[];
  // Swagger keeps each property as ':name'.
  for (const name of new Set(keys.map((key) => key.slice(1)))) {
    const options = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, prototype, name) as
      { type?: unknown } | undefined;
    const type = classOf(options?.type);
    fields.push({ name, nested: isDto(type) ? fieldPlanOf(type) : null });
  }
  return plan;
}

/** A copy of `value` with only the fields `plan` declares, at every depth; arrays element by element. */
export function keepDeclared(value: unknown, plan: FieldPlan): unknown {
  if (Array.isArray(value)) return value.map((item) => keepDeclared(item, plan));
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const { name, nested } of plan.fields) {
    const field = source[name];
    // An optional field left out stays out, as JSON would leave it.
    if (field === undefined) continue;
    copy[name] = nested ? keepDeclared(field, nested) : field;
  }
  return copy;
}

/**
 * The plan for what a route handler answers with: the DTO class its @ApiOkResponse or @ApiCreatedResponse
 * names (one class for every success status), or 'raw' for a @RawResponse() route. Anything else throws: a
 * route whose body no class describes would send whatever its handler returns.
 */
export function responsePlanOf(handler: object, route: string): FieldPlan | 'raw' {
  if (Reflect.getMetadata(RAW_RESPONSE, handler)) return 'raw';
  const responses = (Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) ?? {}) as Record<
    string,
    { type?: unknown }
  >;
  const types = new Set(
    Object.entries(responses)
      .filter(([status]) => /^2\d\d$/.test(status))
      .map(([, response]) => classOf(response.type)),
  );
  const [type] = types;
  if (types.size !== 1 || !isDto(type)) {
    throw new Error(
      `${route} declares no response DTO class (@ApiOkResponse({ type }) or @ApiCreatedResponse({ type }), ` +
        'one class for every success status) and is not marked @RawResponse(): its body cannot be limited ' +
        'to declared fields.',
    );
  }
  return fieldPlanOf(type);
}
