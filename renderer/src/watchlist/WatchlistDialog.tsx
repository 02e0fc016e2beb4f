// 布控名单: the lists this station holds (counts, new version, retire) and the import of a list
// file: read away from the page → detected header and columns, which the operator confirms or
// changes → preview with the problems of every row and the totals → name, source and date (or, for
// a newer version, replace or add with its counts) → stored in one transaction.
import { useEffect, useId, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { can } from '../../../shared/privacy/roles';
import type { WatchList } from '../../../shared/watchlist/model';
import { detectMappings, LIST_FIELDS, remapAtRow, type ListField, type SheetMapping } from '../../../shared/watchlist/header';
import { buildListPreview, PROBLEM_SEVERITY, type ListPreview, type RowProblem } from '../../../shared/watchlist/rows';
import { validateListMeta, type ListMeta, type ListMetaErrors } from '../../../shared/watchlist/listMeta';
import type { ListFile } from '../../../shared/watchlist/readListFile';
import type { VersionCounts, VersionMode } from '../../../shared/watchlist/versions';
import type { Bilingual } from '../../../shared/result';
import { dayKey } from '../db';
import { listWatchLists, previewVersion, retireWatchList, storeWatchList } from '../db/watchlists';
import { useDb } from '../runtime/dbContext';
import { useCommand } from '../runtime/commands';
import { useT, type Say, type Translator } from '../runtime/i18n';
import { useActor } from '../runtime/session';
import { Modal } from '../ui/Modal';
import { TableHead } from '../ui/TableHead';
import { TextField } from '../ui/fields';
import { readListFileIsolated } from './readListFileIsolated';

type Target = { kind: 'new' } | { kind: 'version'; list: WatchList };

const said = (m: Bilingual): Say => (tr: Translator) => m[tr.locale];

export function WatchlistDialog({ onClose }: { onClose: () => void }) {
  const [target, setTarget] = useState<Target | null>(null);
  const [notice, setNotice] = useState<Say | null>(null);
  const { t } = useT();
  return (
    <Modal title={t('wlTitle')} onClose={onClose}>
      <div className="watchlists">
        {target ? (
          <ImportView
            target={target}
            onBack={() => setTarget(null)}
            onStored={(say) => {
              setNotice(() => say);
              setTarget(null);
            }}
          />
        ) : (
          <ListsView notice={notice} onNotice={(say) => setNotice(() => say)} onImport={setTarget} onClose={onClose} />
        )}
      </div>
    </Modal>
  );
}

function ListsView({ notice, onNotice, onImport, onClose }: { notice: Say | null; onNotice: (s: Say | null) => void; onImport: (t: Target) => void; onClose: () => void }) {
  const db = useDb();
  const actor = useActor();
  const tr = useT();
  const { t } = tr;
  const lists = useLiveQuery(() => listWatchLists(db), [db]);
  const allowed = can(actor, 'manageWatchlists');
  const [retiring, setRetiring] = useState<WatchList | null>(null);

  const retire = async (list: WatchList) => {
    const r = await retireWatchList(db, actor, list.id);
    setRetiring(null);
    const say: Say = r.ok ? (tr2: Translator) => tr2.t('wlRetiredDone', { name: list.name }) : said(r.error.message);
    onNotice(say);
  };

  return (
    <>
      {notice ? (
        <p className="status" role="status">
          {notice(tr)}
        </p>
      ) : null}
      {!allowed ? <p className="warning">{t('wlNoPermission', { name: actor?.name ?? '—' })}</p> : null}
      {lists && lists.length === 0 ? <p>{t('wlNoLists')}</p> : null}
      {lists && lists.length > 0 ? (
        <table className="wl-table" data-testid="watchlists">
          <TableHead
            columns={[t('wlColName'), t('wlColSource'), t('wlColIssued'), t('wlColVersion'), t('wlColEntries'), t('wlColDropped'), t('wlColMet'), t('wlColFollowUp'), t('wlColOpen'), t('wlColStatus')]}
          >
            {allowed ? <th></th> : null}
          </TableHead>
          <tbody>
            {lists.map(({ list, current, met, followUp, open }) => (
              <tr key={list.id} className={list.status === 'retired' ? 'wl-retired' : undefined}>
                <td>{list.name}</td>
                <td>{list.source}</td>
                <td>{list.issuedOn}</td>
                <td>{t('wlVersionN', { n: list.version })}</td>
                <td className="num">{current}</td>
                <td className="num">{Math.max(0, open + met + followUp - current)}</td>
                <td className="num">{met}</td>
                <td className="num">{followUp}</td>
                <td className="num">{open}</td>
                <td>{list.status === 'active' ? t('wlActive') : t('wlRetired')}</td>
                {allowed ? (
                  <td className="wl-row-actions">
                    {list.status === 'active' ? (
                      <>
                        <button type="button" onClick={() => onImport({ kind: 'version', list })}>
                          {t('wlNewVersion')}
                        </button>
                        <button type="button" onClick={() => setRetiring(list)}>
                          {t('wlRetire')}
                        </button>
                      </>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {retiring ? (
        <p className="warning" role="alert">
          {t('wlRetireConfirm', { name: retiring.name })}{' '}
          <button type="button" className="primary" autoFocus onClick={() => void retire(retiring)}>
            {t('wlRetireYes')}
          </button>{' '}
          <button type="button" onClick={() => setRetiring(null)}>
            {t('wlBack')}
          </button>
        </p>
      ) : null}
      <div className="actions">
        {allowed ? (
          <button type="button" className="primary" autoFocus onClick={() => onImport({ kind: 'new' })}>
            {t('wlImportNew')}
          </button>
        ) : null}
        <button type="button" onClick={onClose} autoFocus={!allowed}>
          {t('close')}
        </button>
      </div>
    </>
  );
}

const cellText = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v).replace(/\s+/g, ' ').trim());
const PROBLEMS_SHOWN = 100;

function ImportView({ target, onBack, onStored }: { target: Target; onBack: () => void; onStored: (say: Say) => void }) {
  const db = useDb();
  const actor = useActor();
  const tr = useT();
  const { t } = tr;
  const id = useId();
  const today = dayKey(Date.now());
  const [reading, setReading] = useState<{ name: string; cancel: () => void } | null>(null);
  const [file, setFile] = useState<{ name: string; data: ListFile } | null>(null);
  const [readError, setReadError] = useState<Bilingual | null>(null);
  const [mappings, setMappings] = useState<SheetMapping[]>([]);
  const [preview, setPreview] = useState<ListPreview | null>(null);
  const [meta, setMeta] = useState<ListMeta>({ name: '', source: '', issuedOn: today });
  const [metaErrors, setMetaErrors] = useState<ListMetaErrors>({});
  const [mode, setMode] = useState<VersionMode>('replace');
  const [versionCounts, setVersionCounts] = useState<VersionCounts | null>(null);
  const [storing, setStoring] = useState(false);
  const [storeError, setStoreError] = useState<Say | null>(null);
  const active = useLiveQuery(() => db.watchLists.where('status').equals('active').toArray(), [db]);

  const choose = async (picked: File | undefined) => {
    if (!picked) return;
    reading?.cancel();
    setFile(null);
    setPreview(null);
    setReadError(null);
    const bytes = new Uint8Array(await picked.arrayBuffer());
    const handle = readListFileIsolated(picked.name, bytes);
    setReading({ name: picked.name, cancel: handle.cancel });
    const r = await handle.promise;
    setReading(null);
    const outcome = r.ok ? r.value[0]?.result : r;
    if (!outcome) return;
    if (!outcome.ok) {
      setReadError(outcome.error.message);
      return;
    }
    setFile({ name: picked.name, data: outcome.value });
    setMappings(detectMappings(outcome.value));
    if (target.kind === 'new' && meta.name === '') setMeta((m) => ({ ...m, name: picked.name.replace(/\.(xlsx|xls|csv|txt)$/i, '') }));
  };

  // The preview follows every change of mapping; computed after the paint so the change shows at once.
  useEffect(() => {
    if (!file) return;
    setPreview(null);
    const timer = setTimeout(() => setPreview(buildListPreview(file.data, mappings, today)), 0);
    return () => clearTimeout(timer);
  }, [file, mappings, today]);

  useEffect(() => {
    setVersionCounts(null);
    if (target.kind !== 'version' || !preview) return;
    let live = true;
    void previewVersion(db, target.list.id, mode, preview.entries).then((c) => live && setVersionCounts(c));
    return () => {
      live = false;
    };
  }, [db, target, mode, preview]);

  const store = async () => {
    if (!file || !preview || storing) return;
    setStoreError(null);
    if (preview.entries.length === 0) {
      setStoreError(() => (tr2: Translator) => tr2.t('wlNothingToStore'));
      return;
    }
    const issuedOn = meta.issuedOn.trim();
    const errors =
      target.kind === 'new'
        ? validateListMeta(meta, today, (active ?? []).map((l) => l.name))
        : (({ issuedOn: e }) => (e ? { issuedOn: e } : {}))(validateListMeta({ name: target.list.name, source: target.list.source, issuedOn }, today));
    setMetaErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setStoring(true);
    const r = await storeWatchList(
      db,
      actor,
      target.kind === 'new'
        ? { kind: 'new', ...meta, fileName: file.name, entries: preview.entries }
        : { kind: 'version', listId: target.list.id, mode, issuedOn, fileName: file.name, entries: preview.entries },
    );
    setStoring(false);
    if (!r.ok) {
      setStoreError(() => said(r.error.message));
      return;
    }
    const { list, counts } = r.value;
    onStored((tr2: Translator) => tr2.t('wlStored', { name: list.name, version: list.version, ...counts }));
  };
  useCommand('save', () => void store());

  const setMapping = (i: number, m: SheetMapping) => setMappings((all) => all.map((x, k) => (k === i ? m : x)));
  const metaError = (f: keyof ListMeta) => (metaErrors[f] ? t(`wlMeta_${metaErrors[f]}`) : undefined);

  return (
    <div className="wl-import">
      <h3>{target.kind === 'new' ? t('wlImportTitleNew') : t('wlImportTitleVersion', { name: target.list.name, n: target.list.version })}</h3>
      <div className="actions">
        <label className="button file-button" id={`${id}-file`}>
          {t('wlChooseFile')}
          <input
            type="file"
            accept=".xlsx,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv"
            autoFocus
            aria-labelledby={`${id}-file`}
            onChange={(e) => {
              void choose(e.target.files?.[0]);
              e.target.value = ''; // the same file again (after a fix) must fire again
            }}
          />
        </label>
        {reading ? (
          <>
            <span role="status">{t('wlReading', { name: reading.name })}</span>
            <button type="button" onClick={() => reading.cancel()}>
              {t('wlCancelRead')}
            </button>
          </>
        ) : null}
        <button type="button" onClick={onBack}>
          {t('wlBack')}
        </button>
      </div>
      {readError ? (
        <p className="status status-error" role="alert">
          {readError[tr.locale]}
        </p>
      ) : null}
      {file ? (
        <>
          <p className="wl-file" data-testid="wl-file">
            {t('wlFileRead', {
              name: file.name,
              kind: file.data.kind,
              encoding: file.data.encoding ? t('wlEncoding', { encoding: file.data.encoding.toUpperCase() }) : '',
              sheets: file.data.sheets.length,
            })}
          </p>
          {mappings.map((m, i) => (
            <SheetMappingView key={i} file={file.data} mapping={m} onChange={(next) => setMapping(i, next)} />
          ))}
          {preview ? <PreviewView preview={preview} /> : <p role="status">{t('wlComputing')}</p>}
          <div className="wl-meta">
            {target.kind === 'new' ? (
              <>
                <TextField label={t('wlMetaName')} name="wlName" value={meta.name} error={metaError('name')} onChange={(name) => setMeta((m) => ({ ...m, name }))} />
                <TextField label={t('wlMetaSource')} name="wlSource" value={meta.source} error={metaError('source')} onChange={(source) => setMeta((m) => ({ ...m, source }))} />
              </>
            ) : (
              <fieldset className="wl-mode">
                <legend>{t('wlMode')}</legend>
                {(['replace', 'add'] as const).map((v) => (
                  <label key={v}>
                    <input type="radio" name={`${id}-mode`} value={v} checked={mode === v} onChange={() => setMode(v)} />
                    {v === 'replace' ? t('wlModeReplace') : t('wlModeAdd')}
                  </label>
                ))}
                {versionCounts ? (
                  <p className="status" data-testid="wl-version-counts">
                    {t('wlVersionCounts', { ...versionCounts })}
                  </p>
                ) : null}
              </fieldset>
            )}
            <TextField label={t('wlMetaIssued')} name="wlIssued" value={meta.issuedOn} error={metaError('issuedOn')} onChange={(issuedOn) => setMeta((m) => ({ ...m, issuedOn }))} />
          </div>
          {storeError ? (
            <p className="status status-error" role="alert">
              {storeError(tr)}
            </p>
          ) : null}
          <div className="actions">
            <button type="button" className="primary" disabled={!preview || storing} onClick={() => void store()}>
              {storing ? t('wlStoring') : `${t('wlStore')} (Ctrl+S)`}
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}

function SheetMappingView({ file, mapping, onChange }: { file: ListFile; mapping: SheetMapping; onChange: (m: SheetMapping) => void }) {
  const { t } = useT();
  const sheet = file.sheets[mapping.sheet];
  const rows = useMemo(() => sheet?.rows ?? [], [sheet]);
  if (!sheet || !rows.some((r) => r.some((v) => cellText(v) !== ''))) return null;
  const header = rows[mapping.headerRow] ?? [];
  const width = Math.max(header.length, ...rows.slice(mapping.headerRow + 1, mapping.headerRow + 4).map((r) => r.length));
  const samples = rows.slice(mapping.headerRow + 1).filter((r) => r.some((v) => cellText(v) !== '')).slice(0, 2);
  const columns = Array.from({ length: width }, (_, c) => mapping.columns[c] ?? null);
  const found = columns.some((f) => f !== null);
  return (
    <fieldset className="wl-sheet" data-testid="wl-sheet">
      <legend>{t('wlSheet', { name: sheet.name })}</legend>
      <div className="actions">
        <label>
          <input type="checkbox" checked={mapping.include} onChange={(e) => onChange({ ...mapping, include: e.target.checked })} /> {t('wlSheetInclude')}
        </label>
        <label>
          {t('wlHeaderRow')}{' '}
          <input
            type="number"
            className="wl-header-row"
            min={1}
            max={Math.max(1, rows.length)}
            value={mapping.headerRow + 1}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 1 && n <= rows.length) onChange(remapAtRow(file, mapping.sheet, n - 1));
            }}
          />
        </label>
      </div>
      {!found ? <p className="warning">{t('wlSheetNoHeader')}</p> : null}
      {mapping.include || found ? (
        <table className="wl-columns">
          <TableHead columns={[t('wlColumn'), t('wlColumnHeader'), t('wlColumnSample'), t('wlColumnAs')]} />
          <tbody>
            {columns.map((field, c) => (
              <tr key={c}>
                <td>{columnLetter(c)}</td>
                <td>{cellText(header[c])}</td>
                <td className="wl-sample">{samples.map((r) => cellText(r[c])).filter((s) => s !== '').join(' · ')}</td>
                <td>
                  <select
                    aria-label={`${t('wlColumnAs')} ${columnLetter(c)} ${cellText(header[c])}`}
                    value={field ?? ''}
                    onChange={(e) => {
                      const next = [...columns];
                      next[c] = (e.target.value || null) as ListField | null;
                      onChange({ ...mapping, columns: next });
                    }}
                  >
                    <option value="">{t('wlFieldNone')}</option>
                    {LIST_FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {t(`wlField_${f}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </fieldset>
  );
}

function columnLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const SEVERITY_KEY = { error: 'wlSevError', skipped: 'wlSevSkipped', warning: 'wlSevWarning', merged: 'wlSevMerged' } as const;

function PreviewView({ preview }: { preview: ListPreview }) {
  const { t } = useT();
  const { totals, problems } = preview;
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  const problemText = (p: RowProblem) => t(`wlP_${p.code}`, { other: p.other?.replace(/^.*!/, '') ?? '' });
  return (
    <section className="wl-preview" aria-label={t('wlProblemsTitle')}>
      <p className="status" data-testid="wl-totals">
        {t('wlTotals', { rows: totals.rows, entries: totals.entries, merged: totals.merged, problems: totals.withProblems, skipped: totals.skipped })}
      </p>
      {problems.length === 0 ? (
        <p>{t('wlNoProblems')}</p>
      ) : (
        <div className="wl-problems-scroll">
          <table className="wl-problems" data-testid="wl-problems">
            <caption>{t('wlProblemsTitle')}</caption>
            <TableHead columns={[t('wlColRow'), t('wlColField'), t('wlColValue'), t('wlColProblem')]} />
            <tbody>
              {shown.map((p, i) => (
                <tr key={i} className={`wl-sev-${PROBLEM_SEVERITY[p.code]}`}>
                  <td className="num">{p.sheet ? `${p.sheet}!${p.row}` : p.row}</td>
                  <td>{p.field ? t(`wlField_${p.field}`) : ''}</td>
                  <td className="wl-value">{p.value}</td>
                  <td>
                    <strong>{t(SEVERITY_KEY[PROBLEM_SEVERITY[p.code]])}</strong> {problemText(p)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {problems.length > shown.length ? <p>{t('wlProblemsMore', { n: problems.length - shown.length, total: problems.length })}</p> : null}
        </div>
      )}
    </section>
  );
}
