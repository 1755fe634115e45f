import { expect, test } from 'vitest';
import { analyseTransition, runWitness, TEST_PROTOCOL } from '../experiments/lds-width-transition.js';
import { describeClaim } from '../test/claimSuite.js';
import { ldsWidthTransition } from './lds-width-transition.js';

describeClaim(ldsWidthTransition);

test('the analysis reads "none at width ≥ N" and the narrow side from the cells, with a heatmap and lines', () => {
  const cells = [
    { n: 3, width: 1, datasets: 4, found: 2, strictSeen: 3 },
    { n: 3, width: 3, datasets: 4, found: 0, strictSeen: 1 },
  ];
  const result = analyseTransition(cells, TEST_PROTOCOL);
  expect(result.assertions.map((a) => a.verdict)).toEqual(['holds', 'holds']);
  expect(result.plots.map((p) => p.type)).toEqual(['heatmap', 'lines']);
  const wideFind = analyseTransition([{ ...cells[1]!, found: 1 }], TEST_PROTOCOL);
  expect(wideFind.assertions[0]!.verdict).toBe('refuted');
  expect(wideFind.assertions[1]!.verdict).toBe('inconclusive');
});

test('the witness cell (fixed datasets) decides the narrow side when the seeded grid finds none, and stays out of the positive side and the plots', () => {
  const grid = [
    { n: 3, width: 1, datasets: 4, found: 0, strictSeen: 0 },
    { n: 3, width: 3, datasets: 4, found: 0, strictSeen: 0 },
  ];
  const witness = { witness: true, n: 5, width: 1, datasets: 3, found: 1, strictSeen: 2 };
  const result = analyseTransition([witness, ...grid], TEST_PROTOCOL);
  expect(result.assertions.map((a) => a.verdict)).toEqual(['holds', 'holds']);
  expect(result.assertions[1]!.detail).toContain('witness');
  expect(result.rows[0]![2]).toBe('witness');
  const none = analyseTransition([{ ...witness, found: 0 }, ...grid], TEST_PROTOCOL);
  expect(none.assertions[1]!.verdict).toBe('inconclusive');
  // a witness cell at width 1 is never read as the wide side, even by the control's wideFrom = 1
  expect(analyseTransition([witness, ...grid], TEST_PROTOCOL, () => 1).assertions[0]!.verdict).toBe('holds');
});

test('the witness finds a certified narrow minimum (so the main job’s narrow verdict holds on every seed)', () => {
  expect(runWitness(TEST_PROTOCOL).found).toBeGreaterThan(0);
}, 120_000);
