import { ArgumentMetadata, ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailedException } from '../http/problem-details.filter';

/** A malformed id is a 400 naming the parameter (id, componentId), like any other invalid input. */
export class ParseUuidPipe extends ParseUUIDPipe {
  override async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    try {
      return await super.transform(value, metadata);
    } catch {
      throw new ValidationFailedException([
        { field: metadata.data ?? 'id', messages: ['must be a UUID'] },
      ]);
    }
  }
}
