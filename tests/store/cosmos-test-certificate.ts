/**
 * A self-signed TLS certificate for the in-process Cosmos DB test server, made with node:crypto only.
 *
 * The certificate bundled with `@vercel/cosmosdb-server` expired in 2021, and disabling TLS checks
 * (for the whole process or for the client) would hide real certificate bugs. Node can sign but not
 * build X.509 certificates, so this file writes the few DER structures a server certificate needs.
 * The test client then trusts exactly this certificate (an `https.Agent` with `ca`).
 */
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

/** A PEM certificate and its PEM private key. */
export interface TestCertificate {
  cert: string;
  key: string;
}

/** DER tag-length-value. */
function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length;
  if (n < 0x80) return Buffer.concat([Buffer.from([tag, n]), content]);
  const length: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) length.unshift(rest % 256);
  return Buffer.concat([Buffer.from([tag, 0x80 | length.length, ...length]), content]);
}

const sequence = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
const explicit = (n: number, content: Buffer): Buffer => tlv(0xa0 + n, content);

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * a + b];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let v = arc >>> 7; v > 0; v >>>= 7) chunk.unshift(0x80 | (v & 0x7f));
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** UTCTime YYMMDDHHMMSSZ (years 1950 to 2049). */
function utcTime(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
  return tlv(0x17, Buffer.from(text, 'ascii'));
}

function commonName(name: string): Buffer {
  return sequence(set(sequence(oid('2.5.4.3'), tlv(0x0c, Buffer.from(name, 'utf8')))));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  const flag = critical ? [tlv(0x01, Buffer.from([0xff]))] : [];
  return sequence(oid(id), ...flag, tlv(0x04, value));
}

/** Subject alternative names: the host names and IPv4 addresses the test client will dial. */
function altNames(dnsNames: string[], ips: string[]): Buffer {
  const dns = dnsNames.map((d) => tlv(0x82, Buffer.from(d, 'ascii')));
  const ip = ips.map((a) => tlv(0x87, Buffer.from(a.split('.').map(Number))));
  return sequence(...dns, ...ip);
}

/**
 * Validity of every test certificate. Fixed rather than around `Date.now()`: tests that fake the
 * clock (jest.useFakeTimers to a contract date) create the certificate at that fake time, but TLS
 * checks it against the real one. The key pair is new each run, so a wide window costs nothing.
 */
const NOT_BEFORE = new Date('2000-01-01T00:00:00Z');
const NOT_AFTER = new Date('2049-12-31T23:59:59Z');

/** A fresh ECDSA P-256 certificate for `localhost` and 127.0.0.1 (new key pair on every call). */
export function createTestCertificate(): TestCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const ecdsaWithSha256 = sequence(oid('1.2.840.10045.4.3.2'));
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f; // a positive INTEGER
  const name = commonName('guichet-cosmos-test');
  const tbs = sequence(
    explicit(0, tlv(0x02, Buffer.from([2]))), // X.509 v3
    tlv(0x02, serial),
    ecdsaWithSha256,
    name,
    sequence(utcTime(NOT_BEFORE), utcTime(NOT_AFTER)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(
      3,
      sequence(
        extension('2.5.29.19', true, sequence(tlv(0x01, Buffer.from([0xff])))), // CA:TRUE, self-signed root
        extension('2.5.29.17', false, altNames(['localhost'], ['127.0.0.1'])),
      ),
    ),
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = sequence(tbs, ecdsaWithSha256, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const base64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return {
    cert: `-----BEGIN CERTIFICATE-----\n${base64.trimEnd()}\n-----END CERTIFICATE-----\n`,
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
