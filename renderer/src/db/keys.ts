// Key-range bounds for compound indexes. IndexedDB orders arrays element by element and a
// shorter array sorts before any longer array with the same prefix, so [x] … [x, MAX] covers
// every key that starts with x, and [p] … [p + HIGH] every key whose first string starts with p.
import Dexie from 'dexie';

export const MIN = Dexie.minKey;
export const MAX = Dexie.maxKey;

/** Above every character a plate, ID or name can contain: the upper bound of a prefix range. */
export const HIGH = '\uffff';
