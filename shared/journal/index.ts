export * from './format';
export * from './dataset';
export { canonicalJson, hashText } from './hash';
export * from './snapshotFiles';
