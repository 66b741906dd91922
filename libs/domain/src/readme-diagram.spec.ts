import { readFileSync } from 'fs';
import { join } from 'path';
import { stateDiagram } from './component-state';

describe('the README', () => {
  it('draws exactly the state table', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const drawn = /```mermaid\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(drawn).toBe(stateDiagram());
  });
});
