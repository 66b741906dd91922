import { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { ValidationFailedException } from '../http/problem-details.filter';

/**
 * What OpenID Connect allows a subject to be (Core 1.0, section 2: at most 255 ASCII characters), without the
 * space and control characters no identity provider hands out.
 */
const SUBJECT = /^[\x21-\x7E]{1,255}$/;

/** A path parameter that names a person by the subject their institution's identity provider gives them. */
export class ParseSubjectPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (SUBJECT.test(value)) return value;
    throw new ValidationFailedException([
      {
        field: metadata.data ?? 'subject',
        messages: ['must be a subject: 1 to 255 printable ASCII characters, without spaces'],
      },
    ]);
  }
}

/** Documents such a parameter, with the pattern the pipe holds it to. */
export const ApiSubjectParam = (name: string) =>
  ApiParam({
    name,
    description: "The subject the institution's identity provider gives the person (the sub claim)",
    schema: { type: 'string', pattern: SUBJECT.source, maxLength: 255 },
  });
