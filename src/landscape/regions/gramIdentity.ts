import { subjectModel } from '../subjectModel.js';
import { regionSlack } from './regionProgram.js';
import {
  caseInputs,
  caseParameters,
  caseRegion,
  caseShape,
  type TwoLayerCase,
  twoLayerSubject,
} from './twoLayer.js';

/**
 * km-region-gram-identity's measurement: the largest entry of |J·Jᵀ − (A·diag(v²)·Aᵀ) ∘ (X̃·X̃ᵀ)| relative to the
 * largest entry of either side, where J is the network core's Jacobian (src/nn) of the trained parameters (the first
 * layer; with `trainOutput` the output weights as well, where the identity fails) and A the sample-major activation
 * pattern at the case's point; and the point's slack to the nearest kink (relu′ is ambiguous on one).
 */
export function gramIdentityError(c: TwoLayerCase, trainOutput: boolean): { error: number; slack: number } {
  const { n, d1, q } = caseShape(c);
  const subject = twoLayerSubject(c);
  const model = subjectModel({ ...subject, network: { ...subject.network, trainable: [true, trainOutput] } });
  const J = model.mlp!.jacobian(model.theta);
  const region = caseRegion(c);
  const xt = caseInputs(c);
  let error = 0;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      let lhs = 0;
      for (let c2 = 0; c2 < J.cols; c2++) lhs += J.data[i * J.cols + c2]! * J.data[k * J.cols + c2]!;
      // (A diag(v²) Aᵀ)_ik · (x̃_i·x̃_k)
      let a = 0;
      for (let j = 0; j < d1; j++)
        a += region.pattern[i * d1 + j]! * region.pattern[k * d1 + j]! * c.v[j]! ** 2;
      let x = 0;
      for (let t = 0; t < q; t++) x += xt[i * q + t]! * xt[k * q + t]!;
      const rhs = a * x;
      error = Math.max(error, Math.abs(lhs - rhs));
      scale = Math.max(scale, Math.abs(rhs), Math.abs(lhs));
    }
  }
  return { error: scale === 0 ? error : error / scale, slack: regionSlack(region, caseParameters(c)) };
}
