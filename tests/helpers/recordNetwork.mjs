// Preloaded (`node --import`) into a process whose network use a test checks: every outgoing TCP connection
// and DNS lookup, by any library (fetch, http, https, net), is appended to the file named by NET_LOG.
// Plain JavaScript so it loads before any TypeScript loader.
import net from 'node:net';
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';

const log = (line) => process.env.NET_LOG && appendFileSync(process.env.NET_LOG, `${line}\n`);
// Proves the recorder was loaded, so an empty log means no attempt rather than no recording.
log(`process ${process.pid}`);

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  // net.connect passes its normalised [options, callback] array as the first argument.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const o = first && typeof first === 'object' ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
  if (!o.path) log(`connect ${o.host ?? 'localhost'}:${o.port}`);
  return connect.apply(this, args);
};
const lookup = dns.lookup;
dns.lookup = function (host, ...rest) {
  log(`lookup ${host}`);
  return lookup.call(this, host, ...rest);
};
const lookupP = dns.promises.lookup;
dns.promises.lookup = function (host, ...rest) {
  log(`lookup ${host}`);
  return lookupP.call(this, host, ...rest);
};
