/**
 * Bundled by store-url.test.ts into a directory where @google-cloud/storage cannot be resolved:
 * opens the store named by argv[2] and prints its location, or the error's name and message.
 */
import { openStore } from '../../src/adapters/store-url.js';

try {
  const store = await openStore(process.argv[2]!, { cwd: process.cwd(), access: 'write' });
  process.stdout.write(`ok ${store.location}\n`);
} catch (err) {
  process.stdout.write(`error ${(err as Error).message}\n`);
}
