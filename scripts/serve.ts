// Serves a built site on localhost (npm start). Static only; honours Range requests for the SQL workbench.
import { createStaticServer } from '../pipelines/lib/staticServer.ts';

const root = process.argv[2] ?? 'dist';
const port = Number(process.env.PORT ?? 4321);
const base = process.env.BASE ?? '/';
const server = await createStaticServer({ root, base, port, host: '127.0.0.1' });
console.log(`Serving ${root} at http://127.0.0.1:${server.port}${base}`);
