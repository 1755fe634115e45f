import { describe, expect, it } from 'vitest';
import { defineExperiment } from './experiment.js';
import { choiceOption, countListOption, countOption, rangeListOption } from './options.js';

const context = { seed: 1, log: () => {} };
const empty = { columns: [], rows: [], plots: [], assertions: [] };

describe('defineExperiment', () => {
  it('hands run the typed values its schemas parse (defaults filled in)', () => {
    let seen: unknown;
    const experiment = defineExperiment({
      options: [
        countOption('trials', 'trials', 5, 1, 10),
        countListOption('widths', 'widths', '2,4', 1, 64),
        rangeListOption('k', 'sizes', '6..8,10', 1, 20),
        choiceOption('grid', 'grid', 'fixed', ['fixed', 'all']),
      ],
      run(values) {
        seen = values;
        return empty;
      },
    });
    experiment.run({ trials: '7' }, context);
    expect(seen).toEqual({ trials: 7, widths: [2, 4], k: [6, 7, 8, 10], grid: 'fixed' });
  });

  it('refuses a bad value, an unknown option, a duplicate flag and a main job naming no option', () => {
    const experiment = defineExperiment({
      options: [countOption('trials', 'trials', 5, 1, 10)],
      run: () => empty,
    });
    expect(() => experiment.run({ trials: '0x2' }, context)).toThrow(/--trials expects an integer/);
    expect(() => experiment.run({ runs: '2' }, context)).toThrow(/unknown option --runs/);
    expect(() =>
      defineExperiment({
        options: [countOption('a', 'a', 1, 1, 2), countOption('a', 'a', 1, 1, 2)],
        run: () => empty,
      }),
    ).toThrow(/declared twice/);
    expect(() =>
      defineExperiment({
        options: [countOption('a', 'a', 1, 1, 2)],
        mainJob: { b: '1' } as unknown as { a?: string },
        run: () => empty,
      }),
    ).toThrow(/not an option/);
  });
});
