import { describe, expect, test } from 'vitest';
import { allClaims } from '../properties/index.js';
import {
  countListOption,
  countOption,
  numberOption,
  parseExperimentArgs,
  rangeListOption,
  validateExperimentOptions,
} from '../src/claims/index.js';
import { UserError } from '../src/errors.js';

describe('experiment option schemas', () => {
  const experiments = allClaims.filter((c) => c.experiment !== undefined);

  test.each(experiments.map((c) => [c.id, c] as const))(
    "%s: every option has a schema with its bounds, and the defaults and the main job's values pass it",
    (_id, claim) => {
      const experiment = claim.experiment!;
      for (const option of experiment.options) {
        expect(option.schema, `--${option.flag} has no schema`).toBeDefined();
        expect(option.constraint).toBeDefined();
      }
      expect(() => validateExperimentOptions(claim.id, experiment.options, {})).not.toThrow();
      expect(() =>
        validateExperimentOptions(claim.id, experiment.options, { ...experiment.mainJob }),
      ).not.toThrow();
    },
  );

  test('counts are decimal integers in bounds: no hex, sign, fraction, exponent, padding, NaN', () => {
    const declared = [countOption('trials', 'trials', 10, 1, 1000)];
    expect(parseExperimentArgs('x', declared, ['--trials', '12'])).toEqual({ trials: '12' });
    expect(parseExperimentArgs('x', declared, ['--trials=1000'])).toEqual({ trials: '1000' });
    for (const bad of [
      'abc',
      '2.5',
      '-3',
      '0',
      '0x2',
      '1e9',
      '1e2',
      ' 4',
      '4 ',
      '',
      'NaN',
      '1001',
      '99999999999999999999',
    ])
      expect(() => parseExperimentArgs('x', declared, ['--trials', bad]), bad).toThrow(UserError);
    expect(() => parseExperimentArgs('x', declared, ['--trials', '0x2'])).toThrow(
      "run x: --trials expects an integer in [1, 1000], got '0x2'",
    );
  });

  test('lists, ranges and numbers', () => {
    const declared = [
      countListOption('n', 'n', '1,2', 1, 10, 3),
      rangeListOption('k', 'k', '6..8', 4, 60),
      numberOption('target', 't', '1e-3', 0, 1, true),
    ];
    expect(parseExperimentArgs('x', declared, ['--n', '3,4', '--k', '6..9,12', '--target', '0.5'])).toEqual({
      n: '3,4',
      k: '6..9,12',
      target: '0.5',
    });
    for (const [flag, bad] of [
      ['n', '1,2,3,4'],
      ['n', '1,,2'],
      ['n', '11'],
      ['k', '3..6'],
      ['k', '9..6'],
      ['k', '4..100'],
      ['target', '0'],
      ['target', '2'],
      ['target', '0x1'],
      ['target', 'Infinity'],
    ] as const)
      expect(() => parseExperimentArgs('x', declared, [`--${flag}`, bad]), `${flag} ${bad}`).toThrow(
        UserError,
      );
  });

  test('unknown options and missing values are one-line UserErrors; quoted values are escaped', () => {
    const declared = [countOption('trials', 'trials', 10, 1, 1000)];
    expect(() => parseExperimentArgs('x', declared, ['--nope', '1'])).toThrow(/unknown option --nope/);
    expect(() => parseExperimentArgs('x', declared, ['--trials'])).toThrow(/--trials needs a value/);
    expect(() => parseExperimentArgs('x', declared, ['--trials', '\u001b[2J'])).toThrow("got '\\u001b[2J'");
  });
});
