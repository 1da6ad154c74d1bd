// Every input of the benchmark derives from these seeds; change them and the numbers change.
export { BASE_SEED } from './facts';
/** Draft i of DRAFTS uses DRAFT_SEED + i. */
export const DRAFT_SEED = 20260106;
