// 正在加载… before the settings (and so the language) are known. Opening the database can take
// tens of seconds once, when an update reshapes a large booth's data (README: the v7 upgrade);
// after a few seconds the screen says so, in both languages, so nobody closes the app midway.
import { useEffect, useState } from 'react';
import { makeTranslator } from '../runtime/i18n';

/** How long a plain 正在加载… is left alone before the longer explanation appears. */
export const LOADING_LONG_AFTER_MS = 3000;

export function Loading() {
  const [long, setLong] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setLong(true), LOADING_LONG_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  const zh = makeTranslator('zh');
  return (
    <div className="loading" role="status">
      <p>{zh.t('loading')}</p>
      {long ? (
        <>
          <p className="loading-long">{zh.t('loadingLong')}</p>
          <p className="loading-long" lang="en">
            {makeTranslator('en').t('loadingLong')}
          </p>
        </>
      ) : null}
    </div>
  );
}
