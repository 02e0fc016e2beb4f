// Printed once per run (not per worker) so a log reader cannot miss that nothing was tested.
import { findElectronBinary, NOT_RUN_LINE } from './electronBinary';

export default function globalSetup(): void {
  if (!findElectronBinary()) console.log(`\n${NOT_RUN_LINE}\n`);
}
