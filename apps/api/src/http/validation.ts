import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailedException } from './problem-details.filter';
import { inputShapeProblems } from './input-shape';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Strict: unknown fields are refused, types converted only where declared, every failing field reported. Before
 * any field is looked at, every body, query and path parameter is checked as a whole (inputShapeProblems), so
 * that no text field, present or added later, can forget it.
 */
class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      // One message per field: the first rule it breaks, not every rule that follows from it.
      stopAtFirstError: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      exceptionFactory: (errors) => new ValidationFailedException(flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      // Every body is declared as a class: a JSON array where it belongs is no shape class-validator reports.
      const problems =
        metadata.type === 'body' && Array.isArray(value)
          ? [{ field: 'body', messages: ['must be a JSON object'] }]
          : inputShapeProblems(value, metadata.data ?? '');
      if (problems.length > 0) throw new ValidationFailedException(problems);
    }
    return super.transform(value, metadata);
  }
}

export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe();
}
