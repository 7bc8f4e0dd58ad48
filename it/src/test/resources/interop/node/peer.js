#!/usr/bin/env node
/*
 * The JavaScript peer of Lancaster's interop tests (JavaScriptInteropTest): avsc, npm's Avro implementation,
 * writes and reads container files and single-object messages here, so the bytes are avsc's own.
 *
 *   node peer.js write SCHEMA JSONL_IN OUT_AVRO CODEC [BLOCK_SIZE]
 *       parses each line of JSONL_IN (the spec's JSON encoding, as Lancaster's JsonDatumWriter writes it), writes
 *       the values with avsc's BlockEncoder and CODEC to OUT_AVRO, and prints each value back as JSON.
 *   node peer.js read AVRO [READER_SCHEMA]
 *       reads AVRO with avsc's BlockDecoder (resolved to READER_SCHEMA by avsc's createResolver when given) and
 *       prints each datum as one line of the spec's JSON encoding.
 *   node peer.js encode SCHEMA JSONL_IN
 *       prints each value as a single-object message in hex: C3 01, the schema's CRC-64-AVRO fingerprint
 *       (little-endian), then avsc's binary encoding.
 *   node peer.js decode READER_SCHEMA HEX_IN WRITER_SCHEMA...
 *       decodes each hex line, finding its writer schema by fingerprint among the WRITER_SCHEMAs (a schema
 *       store), resolving it to READER_SCHEMA, and prints the datum as JSON.
 *   node peer.js fingerprint SCHEMA
 *       prints avsc's canonical form of SCHEMA and its CRC-64-AVRO fingerprint (16 hex digits, big-endian).
 *   node peer.js batch JOBS_JSON
 *       runs many of the commands above in one process: JOBS_JSON is [{"args": [...], "out": PATH}, ...]; each
 *       job's output goes to PATH, or its error to PATH + ".error" (the batch goes on with the next job).
 *
 * JavaScript specifics, handled so that values are exact:
 *  - longs: avsc's default long type refuses values beyond 2^53; here every long is a BigInt (a custom long
 *    type built with avsc's LongType.__with), and the JSON reader and printer keep all 64 bits.
 *  - unions are wrapped ({"branch": value}, avsc's wrapUnions option), so the branch is never guessed.
 *  - float and double NaN and infinities are the strings "NaN", "Infinity", "-Infinity"; -0 prints as -0.0.
 *  - bytes and fixed are Buffers, printed as strings of code points 0-255 (the spec's JSON encoding).
 *  - avsc 5.7 implements no logical type; peer.js registers an identity implementation for each of the spec's
 *    logical types, so values stay raw (what is compared) and written schemas keep their logical types.
 * Codecs: null and deflate are avsc's (zlib); snappy (snappyjs, pure JavaScript, with the CRC-32 trailer the
 * spec requires) and zstandard (@bokuweb/zstd-wasm, zstd compiled to WebAssembly) are supplied here through
 * avsc's codecs option. Errors go to stderr and the exit code is 1.
 */
'use strict';

const fs = require('fs');
const zlib = require('zlib');
const crypto = require('crypto');
const { once } = require('events');
const avro = require('avsc');
const snappy = require('snappyjs');
const zstd = require('@bokuweb/zstd-wasm');

const ZSTD_LEVEL = 3;

// ---------------------------------------------------------------------------------------------------------------
// Types: BigInt longs and wrapped unions.

const MIN_LONG = -(2n ** 63n);
const MAX_LONG = 2n ** 63n - 1n;

const LONG = avro.types.LongType.__with({
  fromBuffer: (buf) => buf.readBigInt64LE(0),
  toBuffer: (n) => {
    const buf = Buffer.alloc(8);
    buf.writeBigInt64LE(n);
    return buf;
  },
  fromJSON: (any) => BigInt(any),
  toJSON: (n) => Number(n), // only for defaults in exported schemas, which JSON.stringify writes
  isValid: (n) => typeof n === 'bigint' && n >= MIN_LONG && n <= MAX_LONG,
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
});

// avsc 5.7 implements no logical type itself: without an implementation it reads the underlying type and drops
// the logicalType (and its precision, scale...) from the schemas it exports, such as a file's header. This identity
// implementation keeps values raw (what the tests compare) and exports the logical type with its attributes.
const OWN_ATTRIBUTES = new Set(['type', 'logicalType', 'name', 'namespace', 'aliases', 'doc', 'size', 'symbols',
  'default', 'fields', 'items', 'values', 'order']);

let underlyingOf = null; // the schema whose underlying type RawLogicalType's constructor is building

class RawLogicalType extends avro.types.LogicalType {
  constructor(schema, opts) {
    underlyingOf = schema;
    try {
      super(schema, opts);
    } finally {
      underlyingOf = null;
    }
    this._attributes = {};
    for (const key of Object.keys(schema)) {
      if (!OWN_ATTRIBUTES.has(key)) this._attributes[key] = schema[key];
    }
  }

  _fromValue(v) { return v; }

  _toValue(v) { return v; }

  _resolve(writer) {
    const w = avro.Type.isType(writer, 'logical') ? writer.underlyingType : writer;
    return w.typeName === this.underlyingType.typeName ? (v) => v : undefined;
  }

  _export(schema) {
    Object.assign(schema, this._attributes);
  }
}

const LOGICAL_TYPES = {};
for (const name of ['decimal', 'big-decimal', 'uuid', 'date', 'time-millis', 'time-micros', 'timestamp-millis',
  'timestamp-micros', 'timestamp-nanos', 'local-timestamp-millis', 'local-timestamp-micros',
  'local-timestamp-nanos', 'duration']) {
  LOGICAL_TYPES[name] = RawLogicalType;
}

// avsc takes the registry's "long" for the name only; {"type": "long"} (with or without a logical type) is built
// from its own LongType unless this hook returns the BigInt one (for a logical type: once its constructor runs).
function longHook(schema) {
  if (schema !== null && typeof schema === 'object' && schema.type === 'long'
      && (!schema.logicalType || schema === underlyingOf || !LOGICAL_TYPES[schema.logicalType])) {
    return LONG;
  }
  return undefined;
}

/** avsc's type of a schema (JSON object), with BigInt longs, wrapped unions and raw logical types. */
function typeOf(schema) {
  return avro.Type.forSchema(schema, {
    registry: { long: LONG }, typeHook: longHook, wrapUnions: true, logicalTypes: LOGICAL_TYPES,
  });
}

function readSchemaFile(path) {
  return JSON.parse(fs.readFileSync(path, 'utf8'));
}

// ---------------------------------------------------------------------------------------------------------------
// The spec's JSON encoding, both ways, guided by avsc's type.

// JSON.parse turns integers beyond 2^53 into inexact doubles: such literals are quoted with this marker first and
// become BigInts. The marker is random per process so that no string in the data can be mistaken for one.
const BIG_MARK_ID = 'bigint-' + crypto.randomBytes(8).toString('hex') + ':';
const BIG_MARK = '\u0000' + BIG_MARK_ID; // as JSON.parse returns it
const BIG_MARK_JSON = '\\u0000' + BIG_MARK_ID; // as written into the JSON text
const JSON_TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

function parseJson(text) {
  const marked = text.replace(JSON_TOKENS, (tok) => {
    if (tok[0] === '"' || /[.eE]/.test(tok) || Number.isSafeInteger(Number(tok))) {
      return tok;
    }
    return '"' + BIG_MARK_JSON + tok + '"';
  });
  return JSON.parse(marked, (key, v) =>
    typeof v === 'string' && v.startsWith(BIG_MARK) ? BigInt(v.slice(BIG_MARK.length)) : v);
}

function typeError(path, expected, got) {
  let shown;
  try {
    shown = JSON.stringify(got, (k, v) => (typeof v === 'bigint' ? v.toString() : v));
  } catch (e) {
    shown = String(got);
  }
  return new Error('at ' + (path || 'the top level') + ': expected ' + expected + ', got ' + shown);
}

function latin1Buffer(s, path, what) {
  if (typeof s !== 'string') {
    throw typeError(path, what + ' as a string of code points 0-255', s);
  }
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0xff) {
      throw typeError(path, what + ' as a string of code points 0-255', s);
    }
  }
  return Buffer.from(s, 'latin1');
}

function number(v, path, what) {
  if (typeof v === 'number') {
    return v;
  }
  if (typeof v === 'bigint') {
    return Number(v);
  }
  switch (v) {
    case 'NaN': return NaN;
    case 'Infinity': return Infinity;
    case '-Infinity': return -Infinity;
    default: throw typeError(path, what, v);
  }
}

/** avsc's value of JSON-encoded `json` for `type` (BigInt longs, Buffers, wrapped unions). */
function fromJson(type, json, path) {
  switch (type.typeName) {
    case 'null':
      if (json !== null) throw typeError(path, 'null', json);
      return null;
    case 'boolean':
      if (typeof json !== 'boolean') throw typeError(path, 'a boolean', json);
      return json;
    case 'int':
      if (!Number.isInteger(json)) throw typeError(path, 'an int', json);
      return json;
    case 'abstract:long':
      if (!(typeof json === 'bigint' || Number.isInteger(json))) throw typeError(path, 'a long', json);
      return BigInt(json);
    case 'float':
      return number(json, path, 'a float');
    case 'double':
      return number(json, path, 'a double');
    case 'bytes':
      return latin1Buffer(json, path, 'bytes');
    case 'fixed': {
      const buf = latin1Buffer(json, path, 'fixed ' + type.name);
      if (buf.length !== type.size) throw typeError(path, type.size + ' bytes of fixed ' + type.name, json);
      return buf;
    }
    case 'string':
      if (typeof json !== 'string') throw typeError(path, 'a string', json);
      return json;
    case 'enum':
      if (!type.symbols.includes(json)) throw typeError(path, 'a symbol of ' + type.name, json);
      return json;
    case 'array':
      if (!Array.isArray(json)) throw typeError(path, 'an array', json);
      return json.map((item, i) => fromJson(type.itemsType, item, path + '[' + i + ']'));
    case 'map': {
      if (json === null || typeof json !== 'object' || Array.isArray(json)) throw typeError(path, 'a map', json);
      // No prototype, so that any key (even "__proto__") is an own property that avsc writes.
      const map = Object.create(null);
      for (const key of Object.keys(json)) {
        map[key] = fromJson(type.valuesType, json[key], path + '{' + key + '}');
      }
      return map;
    }
    case 'record':
    case 'error': {
      if (json === null || typeof json !== 'object' || Array.isArray(json)) {
        throw typeError(path, 'record ' + type.name, json);
      }
      const record = {};
      for (const field of type.fields) {
        if (!(field.name in json)) throw typeError(path, 'field ' + field.name + ' of ' + type.name, json);
        record[field.name] = fromJson(field.type, json[field.name], path ? path + '.' + field.name : field.name);
      }
      return record;
    }
    case 'union:wrapped': {
      if (json === null) {
        if (!type.types.some((t) => t.typeName === 'null')) throw typeError(path, 'a non-null union branch', json);
        return null;
      }
      const keys = typeof json === 'object' && !Array.isArray(json) ? Object.keys(json) : [];
      const branch = keys.length === 1 ? type.types.find((t) => t.branchName === keys[0]) : undefined;
      if (branch === undefined) {
        throw typeError(path, 'a union tagged with one of ' + type.types.map((t) => t.branchName).join(', '), json);
      }
      const wrapped = {};
      wrapped[keys[0]] = fromJson(branch, json[keys[0]], path);
      return wrapped;
    }
    default:
      if (type.typeName.startsWith('logical:')) {
        return fromJson(type.underlyingType, json, path);
      }
      throw new Error('unsupported avsc type ' + type.typeName + ' at ' + path);
  }
}

function numberJson(v) {
  if (Number.isNaN(v)) return '"NaN"';
  if (v === Infinity) return '"Infinity"';
  if (v === -Infinity) return '"-Infinity"';
  if (Object.is(v, -0)) return '-0.0';
  return JSON.stringify(v);
}

/** The spec's JSON encoding of avsc's value `v` of `type`, as text (BigInts and NaN kept exact). */
function toJson(type, v) {
  switch (type.typeName) {
    case 'null':
      return 'null';
    case 'boolean':
    case 'int':
      return JSON.stringify(v);
    case 'abstract:long':
      return v.toString();
    case 'float':
    case 'double':
      return numberJson(v);
    case 'bytes':
    case 'fixed':
      return JSON.stringify(v.toString('latin1'));
    case 'string':
    case 'enum':
      return JSON.stringify(v);
    case 'array':
      return '[' + v.map((item) => toJson(type.itemsType, item)).join(',') + ']';
    case 'map':
      return '{' + Object.keys(v).map((k) => JSON.stringify(k) + ':' + toJson(type.valuesType, v[k])).join(',') + '}';
    case 'record':
    case 'error':
      return '{' + type.fields.map((f) => JSON.stringify(f.name) + ':' + toJson(f.type, v[f.name])).join(',') + '}';
    case 'union:wrapped': {
      if (v === null) return 'null';
      const name = Object.keys(v)[0];
      const branch = type.types.find((t) => t.branchName === name);
      return '{' + JSON.stringify(name) + ':' + toJson(branch, v[name]) + '}';
    }
    default:
      if (type.typeName.startsWith('logical:')) {
        return toJson(type.underlyingType, v);
      }
      throw new Error('unsupported avsc type ' + type.typeName);
  }
}

/** The values of a JSONL file of the spec's JSON encoding, checked by avsc (isValid) before use. */
function readValues(type, path) {
  const lines = fs.readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
  return lines.map((line, i) => {
    const where = path + ' line ' + (i + 1);
    let value;
    try {
      value = fromJson(type, parseJson(line), '');
    } catch (e) {
      throw new Error(where + ': ' + e.message);
    }
    const problems = [];
    if (!type.isValid(value, { errorHook: (p) => problems.push(p.join('.')) })) {
      throw new Error(where + ': avsc rejects the value at ' + problems.join(', '));
    }
    return value;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Codecs beyond avsc's null and deflate.

const CRC32_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32(buf) {
  let c = -1;
  for (let i = 0; i < buf.length; i++) c = CRC32_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function snappyCompress(buf, cb) {
  try {
    const body = Buffer.from(snappy.compress(buf));
    const out = Buffer.alloc(body.length + 4);
    body.copy(out);
    out.writeUInt32BE(crc32(buf), body.length);
    cb(null, out);
  } catch (e) {
    cb(e);
  }
}

function snappyDecompress(buf, cb) {
  try {
    if (buf.length < 4) throw new Error('snappy block of ' + buf.length + ' bytes has no CRC-32');
    const data = Buffer.from(snappy.uncompress(buf.subarray(0, buf.length - 4)));
    const expected = buf.readUInt32BE(buf.length - 4);
    if (crc32(data) !== expected) throw new Error('snappy block fails its CRC-32 check');
    cb(null, data);
  } catch (e) {
    cb(e);
  }
}

function zstdCompress(buf, cb) {
  try {
    cb(null, Buffer.from(zstd.compress(buf, ZSTD_LEVEL)));
  } catch (e) {
    cb(e);
  }
}

function zstdDecompress(buf, cb) {
  try {
    cb(null, buf.length === 0 ? Buffer.alloc(0) : Buffer.from(zstd.decompress(buf)));
  } catch (e) {
    cb(e);
  }
}

const ENCODER_CODECS = {
  null: (buf, cb) => cb(null, buf),
  deflate: zlib.deflateRaw,
  snappy: snappyCompress,
  zstandard: zstdCompress,
};

const DECODER_CODECS = {
  null: (buf, cb) => cb(null, buf),
  deflate: zlib.inflateRaw,
  snappy: snappyDecompress,
  zstandard: zstdDecompress,
};

// ---------------------------------------------------------------------------------------------------------------
// Single-object encoding: avsc 5.7 fingerprints only with node's hashes (md5, sha256), so CRC-64-AVRO (the
// spec's Rabin fingerprint) is computed here over avsc's canonical form, JSON.stringify(type.schema()).

const RABIN_EMPTY = 0xc15d213aa4d7a795n;
const MASK64 = (1n << 64n) - 1n;
const RABIN_TABLE = (() => {
  const table = [];
  for (let i = 0n; i < 256n; i++) {
    let fp = i;
    for (let j = 0; j < 8; j++) fp = (fp >> 1n) ^ (RABIN_EMPTY & -(fp & 1n));
    table.push(fp & MASK64);
  }
  return table;
})();

function rabin(bytes) {
  let fp = RABIN_EMPTY;
  for (const b of bytes) fp = (fp >> 8n) ^ RABIN_TABLE[Number((fp ^ BigInt(b)) & 0xffn)];
  return fp;
}

function canonicalForm(type) {
  return JSON.stringify(type.schema());
}

function fingerprintLE(type) {
  const buf = Buffer.alloc(8);
  buf.writeBigUInt64LE(rabin(Buffer.from(canonicalForm(type), 'utf8')));
  return buf;
}

const MARKER = Buffer.from([0xc3, 0x01]);

// ---------------------------------------------------------------------------------------------------------------
// Commands. Each takes its arguments and a sink for its output lines.

async function write([schemaPath, jsonlPath, outPath, codec, blockSize], out) {
  const type = typeOf(readSchemaFile(schemaPath));
  const values = readValues(type, jsonlPath);
  if (!ENCODER_CODECS[codec]) throw new Error('unsupported codec ' + codec);
  const encoder = new avro.streams.BlockEncoder(type, {
    codec,
    codecs: ENCODER_CODECS,
    blockSize: blockSize ? Number(blockSize) : 4096,
    // avsc's default ('auto') writes the header with the first record, so a file of no records would be empty
    // (0 bytes, not an Avro file); 'always' writes it at once, as the spec's container files need.
    writeHeader: 'always',
    metadata: { 'lancaster.interop.writer': Buffer.from('avsc ' + require('avsc/package.json').version) },
  });
  const file = fs.createWriteStream(outPath);
  const failed = new Promise((resolve, reject) => {
    encoder.on('error', reject);
    file.on('error', reject);
  });
  encoder.pipe(file);
  for (const v of values) {
    encoder.write(v);
  }
  encoder.end();
  await Promise.race([once(file, 'close'), failed]);
  for (const v of values) out(toJson(type, v));
}

async function read([avroPath, readerPath], out) {
  const readerType = readerPath ? typeOf(readSchemaFile(readerPath)) : undefined;
  let writerType;
  const opts = { codecs: DECODER_CODECS, parseHook: typeOf };
  if (readerType) opts.readerSchema = readerType;
  // avsc's createFileDecoder, with the file stream's errors reported too.
  const file = fs.createReadStream(avroPath);
  const decoder = file.pipe(new avro.streams.BlockDecoder(opts));
  decoder.on('metadata', (type) => { writerType = type; });
  const lines = [];
  decoder.on('data', (datum) => lines.push(toJson(readerType || writerType, datum)));
  await new Promise((resolve, reject) => {
    decoder.on('end', resolve);
    decoder.on('error', reject);
    file.on('error', reject);
  });
  lines.forEach(out);
}

async function encode([schemaPath, jsonlPath], out) {
  const type = typeOf(readSchemaFile(schemaPath));
  const header = Buffer.concat([MARKER, fingerprintLE(type)]);
  for (const v of readValues(type, jsonlPath)) {
    out(Buffer.concat([header, type.toBuffer(v)]).toString('hex'));
  }
}

async function decode([readerPath, hexPath, ...writerPaths], out) {
  const readerType = typeOf(readSchemaFile(readerPath));
  const store = new Map();
  for (const p of writerPaths) {
    const type = typeOf(readSchemaFile(p));
    // The same schema needs no resolver (and avsc's resolution of unions differs: see JavaScriptInteropTest).
    const same = canonicalForm(type) === canonicalForm(readerType);
    store.set(fingerprintLE(type).toString('hex'), { type, resolver: same ? undefined : readerType.createResolver(type) });
  }
  const lines = fs.readFileSync(hexPath, 'utf8').split('\n').filter((l) => l.trim() !== '');
  lines.forEach((line, i) => {
    const msg = Buffer.from(line.trim(), 'hex');
    if (msg.length < 10 || !msg.subarray(0, 2).equals(MARKER)) {
      throw new Error(hexPath + ' line ' + (i + 1) + ': not a single-object message');
    }
    const fp = msg.subarray(2, 10).toString('hex');
    const writer = store.get(fp);
    if (!writer) throw new Error(hexPath + ' line ' + (i + 1) + ': no writer schema with fingerprint ' + fp);
    out(toJson(readerType, readerType.fromBuffer(msg.subarray(10), writer.resolver)));
  });
}

async function fingerprint([schemaPath], out) {
  const type = typeOf(readSchemaFile(schemaPath));
  out(canonicalForm(type));
  out(rabin(Buffer.from(canonicalForm(type), 'utf8')).toString(16).padStart(16, '0'));
}

const COMMANDS = { write, read, encode, decode, fingerprint };

async function run(args, out) {
  const command = COMMANDS[args[0]];
  if (!command) throw new Error('unknown command ' + JSON.stringify(args[0]) + '; expected one of '
      + Object.keys(COMMANDS).join(', ') + ', batch');
  await command(args.slice(1), out);
}

async function batch([jobsPath]) {
  const jobs = JSON.parse(fs.readFileSync(jobsPath, 'utf8'));
  for (const job of jobs) {
    const lines = [];
    try {
      await run(job.args, (line) => lines.push(line));
      fs.writeFileSync(job.out, lines.map((l) => l + '\n').join(''));
    } catch (e) {
      fs.writeFileSync(job.out + '.error', (e && e.stack) || String(e));
    }
  }
}

async function main(args) {
  await zstd.init();
  if (args[0] === 'batch') {
    await batch(args.slice(1));
  } else {
    await run(args, (line) => process.stdout.write(line + '\n'));
  }
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write('peer.js: ' + ((e && e.stack) || e) + '\n');
  process.exitCode = 1;
});
