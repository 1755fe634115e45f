import { UserError } from '../errors.js';
import type { PointJson } from '../nn/index.js';
import { type MlpModel, mlpModel } from './mlpModel.js';
import type { Objective } from './objective.js';
import { teacherStudentModel } from './population/model.js';
import { spinGlassModel } from './spinGlass/model.js';
import type { AnyPoint, Subject } from './subjectTypes.js';

/** Any subject kind as an objective plus the conversions between its JSON point and the flat vector. */
export interface SubjectModel {
  readonly kind: Subject['kind'];
  readonly objective: Objective;
  /** The subject's own point as a flat vector of the objective's coordinates. */
  readonly theta: Float64Array;
  toPoint(theta: Float64Array): AnyPoint;
  /** Parse a point of this kind (e.g. a certificate's betterPoint); user errors name what is wrong. */
  fromPoint(point: AnyPoint): Float64Array;
  /** Present for `mlp` subjects: Jacobians, patterns, layouts. */
  readonly mlp?: MlpModel;
}

function isPointJson(point: AnyPoint): point is PointJson {
  return typeof point === 'object' && point !== null && !Array.isArray(point) && 'layers' in point;
}

/** The model of a subject of any kind. */
export function subjectModel(subject: Subject): SubjectModel {
  switch (subject.kind) {
    case 'mlp': {
      const model = mlpModel(subject);
      return {
        kind: 'mlp',
        objective: model.objective,
        theta: model.theta,
        toPoint: model.toPoint,
        fromPoint(point) {
          if (!isPointJson(point)) throw new UserError('an mlp point must be an object with "layers"');
          return model.fromPoint(point);
        },
        mlp: model,
      };
    }
    case 'gaussian-teacher-student':
      return teacherStudentModel(subject);
    case 'spherical-spin-glass':
      return spinGlassModel(subject);
  }
}
