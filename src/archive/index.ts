export {
  ARCHIVE_DIR,
  counterexamplePath,
  formatCounterexample,
  jsonErrorPosition,
  type LoadedFile,
  listArchiveFiles,
  loadArchive,
  loadCounterexampleFile,
  parseCounterexample,
  prettyJson,
  type SaveResult,
  saveCounterexample,
} from './archive.js';
export { canonicalJson, subjectHash } from './canonicalJson.js';
export {
  type AnyPointJson,
  activationSchema,
  type CertificateJson,
  COUNTEREXAMPLE_FORMAT,
  COUNTEREXAMPLE_VERSION,
  type CounterexampleJson,
  certificateSchema,
  counterexampleSchema,
  describeSchemaError,
  mlpSubjectSchema,
  type SubjectJson,
  subjectSchema,
} from './schema.js';
export { writeFileAtomicNoClobber } from './writeAtomic.js';
