import { createContext, useContext } from 'react';
import type { CheckpointDB } from '../db';

export const DbContext = createContext<CheckpointDB | null>(null);

export function useDb(): CheckpointDB {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb outside DbContext');
  return db;
}
