import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (application/problem+json with the field errors); nothing changed',
  401: 'No valid bearer token',
  403: 'Not allowed for this actor; nothing changed',
  404: 'Unknown id, or not visible to this actor',
  409:
    'Not possible in the current state (illegal transition, full, deadline passed, stale version, a student ' +
    'number that is taken)',
};

/** Documents a protected endpoint with the problem responses it can give. */
export function ApiProtected(...statuses: number[]) {
  return applyDecorators(
    ApiBearerAuth(),
    ...[401, ...statuses].map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status],
        content: {
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        },
      }),
    ),
  );
}
