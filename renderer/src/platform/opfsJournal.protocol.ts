// Messages between the page and the OPFS journal worker (opfsJournal.worker.ts).
import type { JournalAppendRequest, JournalCompactRequest, JournalReadRequest, SnapshotInfo, SnapshotKind } from '../../../shared/ipc';
import type { Result } from '../../../shared/result';

export type OpfsRequest =
  | ({ op: 'append' } & JournalAppendRequest)
  | ({ op: 'read' } & JournalReadRequest)
  | ({ op: 'compact' } & JournalCompactRequest)
  | { op: 'snapshotWrite'; db: string; kind: SnapshotKind; seq: number; text: string; at: number }
  | { op: 'snapshotList'; db: string }
  | { op: 'snapshotRead'; db: string; name: string };

export interface OpfsCall {
  id: number;
  req: OpfsRequest;
}
export interface OpfsReply {
  id: number;
  result: Result<null | string | SnapshotInfo | SnapshotInfo[]>;
}
