#!/usr/bin/env python3
"""The Python peer of Lancaster's interop suite: Apache Avro Python (the `avro` package, Debian's python3-avro).

Values travel between Lancaster and this script in the Avro spec's JSON encoding (unions tagged as
{"<branch>": value}, bytes and fixed as strings of code points 0-255, NaN and infinities as strings), one datum a
line. This script turns them into the Python values the avro library expects (dicts, lists, bytes, and for logical
types datetime.date, datetime.time, datetime.datetime, decimal.Decimal), so the library's own writers and readers,
logical conversions included, do the work. Commands:

  write SCHEMA JSONL_IN OUT_AVRO CODEC [--unions=tagged|native] [--block=N]
      Writes a data file with avro.datafile.DataFileWriter. --unions=tagged (default) writes the branch the JSON
      names; --unions=native hands plain values to the library, which picks the branch itself (it takes the last
      branch that validates, so only unambiguous unions survive that). --block=N ends a block every N records.
  read AVRO [READER_SCHEMA]
      Reads a data file with avro.datafile.DataFileReader and avro.io.DatumReader(writer[, reader]), printing each
      datum in the JSON encoding on stdout (floats as repr, unions tagged with the branch read).
  encode SCHEMA JSONL_IN OUT_HEX
      Single-object encoding, one message a line in hex. Python avro 1.11 has no API for it, so this script frames
      the message: C3 01, the CRC-64-AVRO fingerprint of the library's Parsing Canonical Form
      (schema.canonical_form), then the library's binary encoding.
  decode READER_SCHEMA IN_HEX [WRITER_SCHEMA...]
      Decodes single-object messages, finding the writer schema by fingerprint among the given schemas.
  version | codecs
      Prints the library's version, or the codecs it supports here (snappy and zstandard need their modules).
  batch JOBS_JSONL RESULTS_JSONL
      Runs many of the above in one process (starting Python is the slow part): each line of JOBS is an object
      with "id", "op" and the arguments by name; each line of RESULTS says {"id", "ok", "error"?, "codec"?}.
"""

import binascii
import datetime
import decimal
import io
import json
import math
import sys
import traceback
import warnings

import avro.codecs
import avro.datafile
import avro.io
import avro.schema

# Unknown logical types (local-timestamp-*, duration...) are read as their underlying type, as the spec says;
# the library warns about each, which is noise here.
warnings.simplefilter("ignore")
sys.setrecursionlimit(20000)

EPOCH_DATE = datetime.date(1970, 1, 1)
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
ONE_MS = datetime.timedelta(milliseconds=1)
ONE_US = datetime.timedelta(microseconds=1)


class Branch:
    """A union value with the branch it belongs to (index for writing, schema for printing)."""

    __slots__ = ("index", "schema", "value")

    def __init__(self, index, schema, value):
        self.index = index
        self.schema = schema
        self.value = value


def unwrap(v):
    if isinstance(v, Branch):
        return unwrap(v.value)
    if isinstance(v, dict):
        return {k: unwrap(x) for k, x in v.items()}
    if isinstance(v, list):
        return [unwrap(x) for x in v]
    return v


class BranchWriter(avro.io.DatumWriter):
    """The library's writer, except that a Branch is written to the branch it names."""

    def write(self, datum, encoder):
        # The library validates the whole datum first, which knows nothing of Branch: validate the plain values.
        avro.io.validate(self.writers_schema, unwrap(datum), raise_on_error=True)
        self.write_data(self.writers_schema, datum, encoder)

    def write_union(self, writers_schema, datum, encoder):
        if isinstance(datum, Branch):
            encoder.write_long(datum.index)
            return self.write_data(writers_schema.schemas[datum.index], datum.value, encoder)
        return super().write_union(writers_schema, datum, encoder)


class BranchReader(avro.io.DatumReader):
    """The library's reader, except that a value read into a union remembers its reader branch (for printing)."""

    def read_data(self, writers_schema, readers_schema, decoder):
        union = avro.schema.UnionSchema
        if isinstance(readers_schema, union) and not isinstance(writers_schema, union):
            # The library's own rule: the first reader branch that matches the writer's schema.
            for i, s in enumerate(readers_schema.schemas):
                if s.match(writers_schema):
                    return Branch(i, s, super().read_data(writers_schema, s, decoder))
        return super().read_data(writers_schema, readers_schema, decoder)


def branch_name(s):
    if isinstance(s, avro.schema.NamedSchema):
        return s.fullname
    return s.type


def logical(s):
    return getattr(s, "logical_type", None)


def prop(s, name, default=None):
    v = s.get_prop(name)
    return default if v is None else v


# ---- spec JSON -> Python values ----

def number(j):
    if isinstance(j, str):
        return {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}[j]
    return float(j)


def unscaled_to_decimal(raw, scale):
    unscaled = int.from_bytes(raw, "big", signed=True)
    sign = 1 if unscaled < 0 else 0
    digits = tuple(int(c) for c in str(abs(unscaled)))
    return decimal.Decimal((sign, digits, -scale))


def from_json(s, j, tagged):
    if isinstance(s, avro.schema.UnionSchema):
        if j is None:
            index = next(i for i, b in enumerate(s.schemas) if b.type == "null")
            return Branch(index, s.schemas[index], None) if tagged else None
        (key, inner), = j.items()
        index = next(i for i, b in enumerate(s.schemas) if branch_name(b) == key)
        value = from_json(s.schemas[index], inner, tagged)
        return Branch(index, s.schemas[index], value) if tagged else value
    t = s.type
    lt = logical(s)
    if t == "null":
        return None
    if t == "boolean":
        return bool(j)
    if t in ("int", "long"):
        if lt == "date":
            return EPOCH_DATE + datetime.timedelta(days=j)
        if lt == "time-millis":
            return (datetime.datetime.min + datetime.timedelta(milliseconds=j)).time()
        if lt == "time-micros":
            return (datetime.datetime.min + datetime.timedelta(microseconds=j)).time()
        if lt == "timestamp-millis":
            return EPOCH + datetime.timedelta(milliseconds=j)
        if lt == "timestamp-micros":
            return EPOCH + datetime.timedelta(microseconds=j)
        return int(j)
    if t in ("float", "double"):
        return number(j)
    if t == "string":
        return j
    if t == "bytes":
        raw = j.encode("latin-1")
        return unscaled_to_decimal(raw, prop(s, "scale", 0)) if lt == "decimal" else raw
    if t == "fixed":
        raw = j.encode("latin-1")
        return unscaled_to_decimal(raw, prop(s, "scale", 0)) if lt == "decimal" else raw
    if t == "enum":
        return j
    if t == "array":
        return [from_json(s.items, x, tagged) for x in j]
    if t == "map":
        return {k: from_json(s.values, x, tagged) for k, x in j.items()}
    if t in ("record", "error"):
        return {f.name: from_json(f.type, j[f.name], tagged) for f in s.fields}
    raise ValueError("unknown schema type " + t)


# ---- Python values -> spec JSON ----

def float_json(v):
    if isinstance(v, float):
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
    return v


def decimal_to_unscaled(v, scale):
    sign, digits, exp = v.as_tuple()
    n = int("".join(map(str, digits)) or "0")
    shift = exp + scale
    n = n * 10 ** shift if shift >= 0 else n // 10 ** (-shift)
    return -n if sign else n


def minimal_bytes(n):
    length = max(1, (n + (n < 0)).bit_length() // 8 + 1)
    return n.to_bytes(length, "big", signed=True)


def to_json(s, v):
    if isinstance(s, avro.schema.UnionSchema):
        if isinstance(v, Branch):
            s, v = v.schema, v.value
        else:  # a default value: the library reads union defaults with the first branch
            s = s.schemas[0]
        return None if s.type == "null" else {branch_name(s): to_json(s, v)}
    t = s.type
    lt = logical(s)
    if t == "null":
        return None
    if t in ("int", "long"):
        if isinstance(v, datetime.datetime):
            return (v - EPOCH) // (ONE_MS if lt == "timestamp-millis" else ONE_US)
        if isinstance(v, datetime.date):
            return (v - EPOCH_DATE).days
        if isinstance(v, datetime.time):
            micros = ((v.hour * 60 + v.minute) * 60 + v.second) * 1000000 + v.microsecond
            return micros // 1000 if lt == "time-millis" else micros
        return v
    if t in ("float", "double"):
        return float_json(v)
    if t in ("bytes", "fixed"):
        if isinstance(v, decimal.Decimal):
            n = decimal_to_unscaled(v, prop(s, "scale", 0))
            v = minimal_bytes(n) if t == "bytes" else n.to_bytes(s.size, "big", signed=True)
        return v.decode("latin-1")
    if t == "array":
        return [to_json(s.items, x) for x in v]
    if t == "map":
        return {k: to_json(s.values, x) for k, x in v.items()}
    if t in ("record", "error"):
        return {f.name: to_json(f.type, v[f.name]) for f in s.fields}
    return v  # boolean, string, enum


# ---- commands ----

def parse_schema(path):
    with open(path, encoding="utf-8") as f:
        return avro.schema.parse(f.read())


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def dump(j):
    return json.dumps(j, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def write(schema, jsonl_in, out_avro, codec, unions="tagged", block=0):
    s = parse_schema(schema)
    tagged = unions == "tagged"
    data = [from_json(s, j, tagged) for j in read_jsonl(jsonl_in)]
    with open(out_avro, "wb") as out:
        writer = avro.datafile.DataFileWriter(out, BranchWriter(), s, codec=codec)
        for i, datum in enumerate(data):
            writer.append(datum)
            if block and (i + 1) % block == 0:
                writer.sync()
        writer.close()
    return {"count": len(data)}


def read(avro_file, reader_schema=None, out=None):
    reader_s = parse_schema(reader_schema) if reader_schema else None
    with open(avro_file, "rb") as f:
        reader = avro.datafile.DataFileReader(f, BranchReader(readers_schema=reader_s))
        s = reader_s or reader.datum_reader.writers_schema
        lines = [dump(to_json(s, datum)) for datum in reader]
        codec = reader.codec
        reader.close()
    text = "".join(line + "\n" for line in lines)
    if out:
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return {"count": len(lines), "codec": codec}


CRC64_EMPTY = 0xC15D213AA4D7A795
CRC64_TABLE = []
for _i in range(256):
    _fp = _i
    for _ in range(8):
        _fp = (_fp >> 1) ^ (CRC64_EMPTY & -(_fp & 1))
    CRC64_TABLE.append(_fp)


def fingerprint(s):
    """CRC-64-AVRO (the spec's Rabin fingerprint) of the library's Parsing Canonical Form."""
    fp = CRC64_EMPTY
    for b in s.canonical_form.encode("utf-8"):
        fp = (fp >> 8) ^ CRC64_TABLE[(fp ^ b) & 0xFF]
    return fp


def encode(schema, jsonl_in, out_hex):
    s = parse_schema(schema)
    header = b"\xc3\x01" + fingerprint(s).to_bytes(8, "little")
    writer = BranchWriter(s)
    lines = []
    for j in read_jsonl(jsonl_in):
        buf = io.BytesIO()
        writer.write(from_json(s, j, True), avro.io.BinaryEncoder(buf))
        lines.append(binascii.hexlify(header + buf.getvalue()).decode("ascii"))
    with open(out_hex, "w", encoding="ascii") as f:
        f.write("".join(line + "\n" for line in lines))
    return {"count": len(lines), "fingerprint": format(fingerprint(s), "016x"), "canonical_form": s.canonical_form}


def decode(reader_schema, in_hex, *writer_schemas, out=None):
    reader_s = parse_schema(reader_schema)
    known = {fingerprint(reader_s): reader_s}
    for w in writer_schemas:
        ws = parse_schema(w)
        known[fingerprint(ws)] = ws
    lines = []
    with open(in_hex, encoding="ascii") as f:
        for line in f:
            if not line.strip():
                continue
            message = binascii.unhexlify(line.strip())
            if message[:2] != b"\xc3\x01":
                raise ValueError("not a single-object message: " + line[:20])
            fp = int.from_bytes(message[2:10], "little")
            if fp not in known:
                raise KeyError("no schema with fingerprint %016x" % fp)
            datum = BranchReader(known[fp], reader_s).read(avro.io.BinaryDecoder(io.BytesIO(message[10:])))
            lines.append(dump(to_json(reader_s, datum)))
    text = "".join(line + "\n" for line in lines)
    if out:
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return {"count": len(lines)}


def batch(jobs_jsonl, results_jsonl):
    ops = {"write": write, "read": read, "encode": encode, "decode": decode}
    results = []
    for job in read_jsonl(jobs_jsonl):
        job = dict(job)
        job_id = job.pop("id")
        op = ops[job.pop("op")]
        try:
            if op is decode:
                result = decode(job["reader_schema"], job["in_hex"], *job.get("writer_schemas", []), out=job.get("out"))
            else:
                result = op(**job)
            result.update({"id": job_id, "ok": True})
        except Exception as e:  # one failing job must not hide the others
            result = {"id": job_id, "ok": False, "error": "%s: %s" % (type(e).__name__, e),
                      "trace": traceback.format_exc(limit=4)}
        results.append(result)
    with open(results_jsonl, "w", encoding="utf-8") as f:
        f.write("".join(json.dumps(r) + "\n" for r in results))


def main(argv):
    if not argv:
        sys.exit(__doc__)
    cmd, args = argv[0], argv[1:]
    options = {a[2:].split("=", 1)[0]: a.split("=", 1)[1] for a in args if a.startswith("--")}
    positional = [a for a in args if not a.startswith("--")]
    if cmd == "write":
        write(*positional, unions=options.get("unions", "tagged"), block=int(options.get("block", "0")))
    elif cmd == "read":
        read(*positional)
    elif cmd == "encode":
        encode(*positional)
    elif cmd == "decode":
        decode(*positional)
    elif cmd == "batch":
        batch(*positional)
    elif cmd == "version":
        print(avro.__version__)
    elif cmd == "codecs":
        print(" ".join(sorted(avro.codecs.KNOWN_CODECS)))
    else:
        sys.exit("unknown command " + cmd + "\n" + __doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
