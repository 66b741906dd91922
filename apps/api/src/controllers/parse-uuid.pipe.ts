import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailedException } from '../http/problem-details.filter';

/** A malformed id is a 400 with the field named, like any other invalid input. */
export class ParseUuidPipe extends ParseUUIDPipe {
  constructor() {
    super({
      exceptionFactory: () =>
        new ValidationFailedException([{ field: 'id', messages: ['must be a UUID'] }]),
    });
  }
}
