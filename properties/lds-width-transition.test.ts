import { expect, test } from 'vitest';
import { describeClaim } from '../test/claimSuite.js';
import { analyseTransition, ldsWidthTransition, TEST_PROTOCOL } from './lds-width-transition.js';

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
