export * from './types';
export { schedule } from './schedule';
export { firstFit } from './first-fit';
export { checkSchedule } from './check';
export { IncrementalSchedule, Insertion } from './incremental';
export { pinPlacements } from './pinned';
export { generateForum, FORUM_FAMILIES, FORUM_SIZES, ForumFamily, ForumSize } from './generator';
export { Random } from './random';
