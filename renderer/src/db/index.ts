// Public API of the renderer's storage layer. testing.ts is deliberately not re-exported.
export {
  CheckpointDB,
  DB_NAME,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V7,
  type SettingRow,
  type ImportedShiftRow,
  type DayCountRow,
  type ShiftCountRow,
  type RecheckQueueRow,
} from './db';
export { openDb } from './openDb';
export { newId, dayKey } from './ids';
export { openShift, currentShift, lastClosedShift, getShift, listShiftsByDay, closeShift, recordExport, type OpenShiftInput } from './shifts';
export {
  saveVehicle,
  listVehiclesPage,
  countVehiclesByDay,
  countPersonsByDay,
  listShiftVehicles,
  getVehicle,
  personsOfVehicle,
  lastVisit,
  amendVehicle,
  voidVehicle,
  type VehiclePageOptions,
  type PersonsOfVehicleOptions,
  type LastVisit,
} from './vehicles';
export { searchRecords, searchShifts, scopeShiftIds, MIN_QUERY_LENGTH, type SearchOptions, type ScopedSearchOptions } from './search';
export { revealRecord, searchBeyondShift, auditOutput, type RevealedPerson, type OutputAudit } from './privacy';
export { addIncident, listIncidentsByDay, voidIncident } from './incidents';
export { getSettings, saveSettings, savePreferences, rememberCheckpoint, type Preferences } from './settings';
export { getAdmin, setAdmin, signIn, claimPin, signInChoices, shiftHasPins, recordLock, type AdminInfo, type ShiftPins } from './operators';
export { denied, requirePermission, requireActor } from './access';
export { vehiclesOfShift, personsOfShift, incidentsOfShift } from './shiftData';
export { readShiftRecords, type ShiftRecords, type ShiftReadStep } from './readShift';
export { ensureStationKey, type OwnStationKey } from './stationKey';
export { storeImportedShifts, listImportedShifts, importedShiftsOfDay, clearImportedShifts, type IncomingShift, type StoreImportResult } from './imported';
export { readDayCounts, readShiftCounts, ensureCounterRows } from './dayCounts';
export { listOpenRechecks, countOpenRechecks, completeRecheck, type OpenRecheck } from './rechecks';
export { keepBoothDraft, keptBoothDraft, dropBoothDraft, draftIsBlank, type StoredBoothDraft } from './boothDraft';
export { computeShiftSummary, shiftSummariesOf, tzOffsetAt, type ShiftSummaryRow } from './shiftSummaries';
export { earlierVisitsOfId } from './recognition';
