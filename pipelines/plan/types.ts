// The build plan: the steps of one build, what each reads and writes, its key, and whether its result from an
// earlier build can stand. `plan/steps.ts` makes the steps and keys, `plan/freshness.ts` decides fresh or stale,
// `run.ts` carries the plan out, `plan/describe.ts` prints it (`npm run pipeline -- --plan`).

export type StepKind = 'detect' | 'setup' | 'stage' | 'mart' | 'table' | 'check' | 'publish';

export interface Step {
  /** 'detect', 'setup', 'stage:<kind>', 'mart:<table>', 'table:<table>', 'check:<table>:<name>', 'publish'. */
  id: string;
  kind: StepKind;
  /** Tables (and, for `stage`, input files) it reads. */
  reads: string[];
  /** Tables it creates. */
  writes: string[];
  /** Steps whose keys are part of this step's key (what it reads was made by them). */
  after: string[];
  /** The TypeScript modules its code is made of (the import closure of its entry modules), repository-relative. */
  code: string[];
  /**
   * Every part of its key that is not another step: name → content hash. Code modules and SQL files by their
   * repository-relative path, inputs as `input <path in the raw folder>`, table documentation as
   * `schema.json <table>`.
   */
  parts: Record<string, string>;
  key: string;
  /** Whether an earlier build's result stands (from the stage cache or the previous output). */
  fresh: boolean;
  /** Why it is stale, or 'fresh'. */
  reason: string;
  /** Staged tables whose memory is freed once this step is done (no later step reads them). */
  frees: string[];
}

export interface BuildPlan {
  steps: Step[];
  /** The key of the whole output (the publish step's): equal to the previous build.json's means nothing to do. */
  buildKey: string;
  /** Key per step id. */
  keys: Record<string, string>;
}
