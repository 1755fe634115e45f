import { describe, expect, test } from 'vitest';
import { ClaimRegistry } from './registry.js';

describe('the registry', () => {
  const claim = (id: string) =>
    ({ id, kind: 'theorem', expect: 'holds' }) as unknown as ConstructorParameters<
      typeof ClaimRegistry
    >[0][number];
  const registry = new ClaimRegistry([
    claim('lds-no-suboptimal-basin'),
    claim('bh89-linear-no-bad-min'),
    claim('kaw16-deep-linear'),
  ]);

  test('unknown ids get an error naming the closest ids', () => {
    expect(() => registry.select(['bh89-linear'])).toThrow(
      /unknown claim 'bh89-linear'; closest: bh89-linear-no-bad-min/,
    );
    expect(registry.closest('kaw16-deep-linaer')[0]).toBe('kaw16-deep-linear');
  });

  test('no ids selects every claim, sorted; duplicate ids are refused', () => {
    expect(registry.select([]).map((c) => c.id)).toEqual([
      'bh89-linear-no-bad-min',
      'kaw16-deep-linear',
      'lds-no-suboptimal-basin',
    ]);
    expect(() => new ClaimRegistry([claim('a'), claim('a')])).toThrow(/share the id/);
  });
});
