/**
 * Every paper the claims cite, once. A claim names its source by key and a locator inside the paper:
 * `source: sources.karhadkar2023.at('Theorem 5 [REC numbering]')`. A [REC] in a locator marks a theorem
 * number or section recalled but not confirmed against the paper.
 */
import { paper } from '../src/claims/index.js';

export const sources = {
  auerHerbsterWarmuth1996: paper({
    authors: 'Auer, Herbster, Warmuth',
    year: 1996,
    title: 'Exponentially many local minima for single neurons',
    venue: 'NIPS 8 (1995), 316–322',
  }),
  baldiHornik1989: paper({
    authors: 'Baldi, Hornik',
    year: 1989,
    title: 'Neural networks and principal component analysis: learning from examples without local minima',
    venue: 'Neural Networks 2(1):53–58',
  }),
  choromanska2015: paper({
    authors: 'Choromanska, Henaff, Mathieu, Ben Arous, LeCun',
    year: 2015,
    title: 'The Loss Surfaces of Multilayer Networks',
    arxiv: '1412.0233',
    venue: 'AISTATS 2015, JMLR W&CP 38:192–204',
  }),
  christofKowalczyk2022: paper({
    authors: 'Christof, Kowalczyk',
    year: 2022,
    title: 'On the Omnipresence of Spurious Local Minima in Certain Neural Network Training Problems',
    arxiv: '2202.12262',
    venue: 'Constructive Approximation (2023)',
  }),
  duLee2018: paper({
    authors: 'Du, Lee',
    year: 2018,
    title: 'On the power of over-parametrization in neural networks with quadratic activation',
    arxiv: '1803.01206',
    venue: 'ICML 2018 (PMLR 80)',
  }),
  fukumizuAmari2000: paper({
    authors: 'Fukumizu, Amari',
    year: 2000,
    title: 'Local minima and plateaus in hierarchical structures of multilayer perceptrons',
    venue: 'Neural Networks 13(3):317–327',
  }),
  karhadkar2023: paper({
    authors: 'Karhadkar, Murray, Tseran, Montúfar',
    year: 2023,
    title: 'Mildly Overparameterized ReLU Networks Have a Favorable Loss Landscape',
    arxiv: '2305.19510',
    venue: 'TMLR 2024',
  }),
  kawaguchi2016: paper({
    authors: 'Kawaguchi',
    year: 2016,
    title: 'Deep Learning without Poor Local Minima',
    arxiv: '1605.07110',
    venue: 'NeurIPS 2016',
  }),
  liDingSun2022: paper({
    authors: 'Li, Ding, Sun',
    year: 2022,
    title: 'On the Benefit of Width for Neural Networks: Disappearance of Basins',
    arxiv: '1812.11039',
    venue: 'SIAM J. Optim. 32 (2022) 1728–1758',
  }),
  liangSunLeeSrikant2018: paper({
    authors: 'Liang, Sun, Lee, Srikant',
    year: 2018,
    title: 'Adding One Neuron Can Eliminate All Bad Local Minima',
    arxiv: '1805.08671',
    venue: 'NeurIPS 2018',
  }),
  safranShamir2016: paper({
    authors: 'Safran, Shamir',
    year: 2016,
    title: 'On the Quality of the Initial Basin in Overspecified Neural Networks',
    arxiv: '1511.04210',
    venue: 'ICML 2016',
  }),
  safranShamir2018: paper({
    authors: 'Safran, Shamir',
    year: 2018,
    title: 'Spurious Local Minima are Common in Two-Layer ReLU Neural Networks',
    arxiv: '1712.08968',
    venue: 'ICML 2018, PMLR 80',
  }),
  soltanolkotabiJavanmardLee2019: paper({
    authors: 'Soltanolkotabi, Javanmard, Lee',
    year: 2019,
    title:
      'Theoretical insights into the optimization landscape of over-parameterized shallow neural networks',
    arxiv: '1707.04926',
    venue: 'IEEE Trans. Inf. Theory 65(2):742–769',
  }),
  soudryCarmon2016: paper({
    authors: 'Soudry, Carmon',
    year: 2016,
    title: 'No bad local minima: Data independent training error guarantees for multilayer neural networks',
    arxiv: '1605.08361',
  }),
  swirszczCzarneckiPascanu2016: paper({
    authors: 'Swirszcz, Czarnecki, Pascanu',
    year: 2016,
    title: 'Local minima in training of neural networks',
    arxiv: '1611.06310',
  }),
  yunSraJadbabaie2019: paper({
    authors: 'Yun, Sra, Jadbabaie',
    year: 2019,
    title: 'Small nonlinearities in activation functions create bad local minima in neural networks',
    arxiv: '1802.03487',
    venue: 'ICLR 2019',
  }),
} as const;
