import { getMetadataStorage } from 'class-validator';
import * as decisions from './decisions.dto';
import * as pages from './page-query.dto';
import * as requests from './request.dto';

/** Every class the API validates input with. */
const DTOS = [decisions, pages, requests]
  .flatMap((module) => Object.values(module))
  .filter((value): value is new () => object => typeof value === 'function');

describe('numbers the API reads', () => {
  it('are bounded below and above in every DTO', () => {
    const unbounded: string[] = [];
    for (const dto of DTOS) {
      const rules = new Map<string, Set<string>>();
      for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
        rules.set(m.propertyName, (rules.get(m.propertyName) ?? new Set()).add(m.name ?? m.type));
      }
      for (const [property, names] of rules) {
        const numeric = names.has('isInt') || names.has('isNumber');
        if (numeric && !(names.has('min') && names.has('max')))
          unbounded.push(`${dto.name}.${property}`);
      }
    }
    expect(DTOS.length).toBeGreaterThan(5);
    expect(unbounded).toEqual([]);
  });
});
