/** drizzle-kit: reads the modules' entities, writes SQL migrations to `drizzle/` (applied at boot). */
import 'dotenv/config';
import { defineConfig } from 'drizzle-kit';

const url = process.env.DATABASE_URL;
const isPostgres = url !== undefined && /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/modules/*/*.entity.ts',
  out: './drizzle',
  // `generate` needs no database; `studio`, `push` and `check` use the same one as the app.
  ...(isPostgres
    ? { dbCredentials: { url } }
    : {
        driver: 'pglite',
        dbCredentials: { url: url === 'pglite://memory' ? 'memory://' : './.data/pglite' },
      }),
});
