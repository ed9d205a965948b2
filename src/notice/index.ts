/**
 * The notice reader, kept in a file of its own by the build: only `plan import` loads it.
 */
export { draftOf, type Draft, type DraftDomain, type DraftTask, type ReviewEntry } from './draft.js';
export { compare, type Comparison, type FolderData } from './compare.js';
