/** Public face of src/landscape/sgd: mini-batch SGD for a one-hidden-layer relu network with a softmax output. */
export {
  initSoftmaxMlp,
  meanCrossEntropy,
  type SgdOptions,
  type SgdResult,
  type SoftmaxMlp,
  type TrainingSet,
  trainSgd,
} from './softmaxMlp.js';
