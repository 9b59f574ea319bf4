// A throw-away PostgreSQL server for trying the team commands by hand (the one the tests start):
// prints how to connect, and stops (deleting its data) on Ctrl-C. Run: npx tsx scripts/dev-postgres.ts
import { startPostgres, SUPERUSER, SUPERUSER_PASSWORD } from '../tests/helpers/postgres-server.js';

const server = await startPostgres();
const url = `postgres://${SUPERUSER}@127.0.0.1:${server.port}/postgres`;
process.stdout.write(`PostgreSQL is running (data in ${server.dataDir}, deleted on stop).\n\n  export PGPASSWORD=${SUPERUSER_PASSWORD}\n  sales-coach team init --db ${url}\n\nCtrl-C stops it.\n`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
