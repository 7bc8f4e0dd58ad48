/*
 * The C peer of Lancaster's interop tests: a small program over Apache Avro C (libavro) that makes the C library
 * itself build, encode, decode and resolve values. The tests (CPeer) compile it with gcc against libavro-dev.
 *
 *   peer write  <schema.avsc> <values.txt> <block size> <codec>=<out.avro>...
 *       builds every value of values.txt with libavro's value API and appends it to one container file per codec
 *       (avro_file_writer_create_with_codec), so the bytes are C's own encoding and compression.
 *   peer read   <file.avro> [<reader.avsc> [writer|reader]]
 *       prints each datum as one line of tokens (the format of values.txt, below). Without a reader schema the
 *       data is decoded as avrocat does; with one it is resolved by libavro's resolved writer (the default,
 *       avro_resolved_writer_new: decoding into a reader-schema value) or resolved reader
 *       (avro_resolved_reader_new: a reader-schema view of the decoded writer-schema value). Tokens, not
 *       libavro's JSON (which avrocat prints): that JSON cannot hold NaN or infinities and cuts strings, bytes
 *       and fixed at their first zero byte, so it would hide what C really decoded.
 *   peer encode <schema.avsc> <values.txt> <fingerprint hex> <out.txt>
 *       writes each value as a single-object message, one hex line each: C3 01, the 8-byte little-endian
 *       fingerprint, then the body encoded by avro_value_write. libavro 1.11.1 has no single-object API and no
 *       fingerprints, so the framing is done here and the fingerprint is computed in Java from the schema.
 *   peer decode <schema.avsc> <fingerprint hex> <in.txt>
 *       checks each hex line's marker and fingerprint, decodes the body with avro_value_read and prints its tokens.
 *
 * values.txt is a stream of whitespace-separated tokens, one value after another, written by CValueScript:
 *   n  null          t / f  boolean      i<dec> int        l<dec> long
 *   F<8 hex> float bits      D<16 hex> double bits           s<hex> string (UTF-8)   b<hex> bytes   x<hex> fixed
 *   e<dec> enum ordinal      u<dec> union branch, then its value
 *   a<dec> array count, then the items       m<dec> map count, then pairs of s<hex> key and value
 *   r<dec> record field count, then the fields in schema order
 * Each token is checked against the schema's type, so a mismatch is an error rather than silently wrong data.
 * Errors go to stderr with the value's index and the exit code is 1.
 */
#include <avro.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void die(const char *what, const char *detail) {
	fprintf(stderr, "peer: %s: %s\n", what, detail);
	exit(1);
}

static char *slurp(const char *path, size_t *len) {
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		die(path, strerror(errno));
	}
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap + 1);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			cap *= 2;
			buf = realloc(buf, cap + 1);
		}
	}
	fclose(f);
	buf[n] = '\0';
	if (len != NULL) {
		*len = n;
	}
	return buf;
}

static avro_schema_t load_schema(const char *path) {
	size_t len;
	char *json = slurp(path, &len);
	avro_schema_t schema;
	if (avro_schema_from_json_length(json, len, &schema)) {
		die(path, avro_strerror());
	}
	free(json);
	return schema;
}

/* ---- the token stream ---- */

struct tokens {
	char *p;
	long value_index;
};

static char *next_token(struct tokens *t) {
	while (*t->p == ' ' || *t->p == '\n' || *t->p == '\r' || *t->p == '\t') {
		t->p++;
	}
	if (*t->p == '\0') {
		return NULL;
	}
	char *start = t->p;
	while (*t->p != '\0' && *t->p != ' ' && *t->p != '\n' && *t->p != '\r' && *t->p != '\t') {
		t->p++;
	}
	if (*t->p != '\0') {
		*t->p++ = '\0';
	}
	return start;
}

static void bad(struct tokens *t, const char *expected, const char *token) {
	fprintf(stderr, "peer: value %ld: expected %s, got token '%s'\n", t->value_index,
		expected, token == NULL ? "<end of input>" : token);
	exit(1);
}

static int hexdigit(char c) {
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

/* Decodes the hex after the token's tag in place; returns the byte count. A NUL is appended for strings. */
static size_t unhex(struct tokens *t, char *token) {
	const char *h = token + 1;
	size_t n = strlen(h);
	if (n % 2 != 0) {
		bad(t, "an even number of hex digits", token);
	}
	char *out = token;
	size_t i;
	for (i = 0; i < n; i += 2) {
		int hi = hexdigit(h[i]), lo = hexdigit(h[i + 1]);
		if (hi < 0 || lo < 0) {
			bad(t, "hex digits", token);
		}
		out[i / 2] = (char) (hi << 4 | lo);
	}
	out[n / 2] = '\0';
	return n / 2;
}

static uint64_t hexbits(struct tokens *t, char *token, size_t digits) {
	if (strlen(token + 1) != digits) {
		bad(t, "a fixed number of hex digits", token);
	}
	return strtoull(token + 1, NULL, 16);
}

static void check(struct tokens *t, int rc, const char *what) {
	if (rc != 0) {
		fprintf(stderr, "peer: value %ld: %s failed: %s\n", t->value_index, what, avro_strerror());
		exit(1);
	}
}

static void build(struct tokens *t, avro_value_t *v) {
	char *tok = next_token(t);
	if (tok == NULL) {
		bad(t, "a value", NULL);
	}
	avro_type_t type = avro_value_get_type(v);
	switch (type) {
	case AVRO_NULL:
		if (strcmp(tok, "n") != 0) bad(t, "null", tok);
		check(t, avro_value_set_null(v), "set_null");
		return;
	case AVRO_BOOLEAN:
		if (strcmp(tok, "t") != 0 && strcmp(tok, "f") != 0) bad(t, "boolean", tok);
		check(t, avro_value_set_boolean(v, tok[0] == 't'), "set_boolean");
		return;
	case AVRO_INT32:
		if (tok[0] != 'i') bad(t, "int", tok);
		check(t, avro_value_set_int(v, (int32_t) strtol(tok + 1, NULL, 10)), "set_int");
		return;
	case AVRO_INT64:
		if (tok[0] != 'l') bad(t, "long", tok);
		check(t, avro_value_set_long(v, (int64_t) strtoll(tok + 1, NULL, 10)), "set_long");
		return;
	case AVRO_FLOAT: {
		if (tok[0] != 'F') bad(t, "float", tok);
		uint32_t bits = (uint32_t) hexbits(t, tok, 8);
		float f;
		memcpy(&f, &bits, 4);
		check(t, avro_value_set_float(v, f), "set_float");
		return;
	}
	case AVRO_DOUBLE: {
		if (tok[0] != 'D') bad(t, "double", tok);
		uint64_t bits = hexbits(t, tok, 16);
		double d;
		memcpy(&d, &bits, 8);
		check(t, avro_value_set_double(v, d), "set_double");
		return;
	}
	case AVRO_STRING: {
		if (tok[0] != 's') bad(t, "string", tok);
		size_t n = unhex(t, tok);
		/* libavro's string size counts the NUL terminator */
		check(t, avro_value_set_string_len(v, tok, n + 1), "set_string_len");
		return;
	}
	case AVRO_BYTES: {
		if (tok[0] != 'b') bad(t, "bytes", tok);
		size_t n = unhex(t, tok);
		check(t, avro_value_set_bytes(v, tok, n), "set_bytes");
		return;
	}
	case AVRO_FIXED: {
		if (tok[0] != 'x') bad(t, "fixed", tok);
		size_t n = unhex(t, tok);
		check(t, avro_value_set_fixed(v, tok, n), "set_fixed");
		return;
	}
	case AVRO_ENUM:
		if (tok[0] != 'e') bad(t, "enum", tok);
		check(t, avro_value_set_enum(v, atoi(tok + 1)), "set_enum");
		return;
	case AVRO_UNION: {
		if (tok[0] != 'u') bad(t, "union", tok);
		avro_value_t branch;
		check(t, avro_value_set_branch(v, atoi(tok + 1), &branch), "set_branch");
		build(t, &branch);
		return;
	}
	case AVRO_ARRAY: {
		if (tok[0] != 'a') bad(t, "array", tok);
		long n = atol(tok + 1), i;
		for (i = 0; i < n; i++) {
			avro_value_t item;
			check(t, avro_value_append(v, &item, NULL), "append");
			build(t, &item);
		}
		return;
	}
	case AVRO_MAP: {
		if (tok[0] != 'm') bad(t, "map", tok);
		long n = atol(tok + 1), i;
		for (i = 0; i < n; i++) {
			char *key = next_token(t);
			if (key == NULL || key[0] != 's') bad(t, "a map key", key);
			unhex(t, key);
			avro_value_t item;
			int is_new;
			check(t, avro_value_add(v, key, &item, NULL, &is_new), "add");
			if (!is_new) bad(t, "distinct map keys", key);
			build(t, &item);
		}
		return;
	}
	case AVRO_RECORD: {
		if (tok[0] != 'r') bad(t, "record", tok);
		size_t n = (size_t) atol(tok + 1), size, i;
		check(t, avro_value_get_size(v, &size), "get_size");
		if (n != size) bad(t, "the record's field count", tok);
		for (i = 0; i < n; i++) {
			avro_value_t field;
			check(t, avro_value_get_by_index(v, i, &field, NULL), "get_by_index");
			build(t, &field);
		}
		return;
	}
	default:
		bad(t, "a value of a supported type", tok);
	}
}

static int more(struct tokens *t) {
	while (*t->p == ' ' || *t->p == '\n' || *t->p == '\r' || *t->p == '\t') {
		t->p++;
	}
	return *t->p != '\0';
}

/* ---- printing values as tokens: exact (float bits, bytes after a NUL), unlike libavro's JSON ---- */

static void puthex(const void *data, size_t n) {
	const unsigned char *b = (const unsigned char *) data;
	size_t i;
	for (i = 0; i < n; i++) printf("%02x", b[i]);
}

static void dumped(int rc, long index, const char *what) {
	if (rc != 0) {
		fflush(stdout);
		fprintf(stderr, "peer: value %ld: %s failed: %s\n", index, what, avro_strerror());
		exit(1);
	}
}

static void dump(avro_value_t *v, long index) {
	switch (avro_value_get_type(v)) {
	case AVRO_NULL:
		dumped(avro_value_get_null(v), index, "get_null");
		printf("n");
		return;
	case AVRO_BOOLEAN: {
		int b;
		dumped(avro_value_get_boolean(v, &b), index, "get_boolean");
		printf(b ? "t" : "f");
		return;
	}
	case AVRO_INT32: {
		int32_t i;
		dumped(avro_value_get_int(v, &i), index, "get_int");
		printf("i%d", (int) i);
		return;
	}
	case AVRO_INT64: {
		int64_t l;
		dumped(avro_value_get_long(v, &l), index, "get_long");
		printf("l%lld", (long long) l);
		return;
	}
	case AVRO_FLOAT: {
		float f;
		uint32_t bits;
		dumped(avro_value_get_float(v, &f), index, "get_float");
		memcpy(&bits, &f, 4);
		printf("F%08x", bits);
		return;
	}
	case AVRO_DOUBLE: {
		double d;
		uint64_t bits;
		dumped(avro_value_get_double(v, &d), index, "get_double");
		memcpy(&bits, &d, 8);
		printf("D%016llx", (unsigned long long) bits);
		return;
	}
	case AVRO_STRING: {
		const char *s;
		size_t size;
		dumped(avro_value_get_string(v, &s, &size), index, "get_string");
		printf("s");
		puthex(s, size == 0 ? 0 : size - 1); /* size counts the NUL terminator */
		return;
	}
	case AVRO_BYTES: {
		const void *b;
		size_t size;
		dumped(avro_value_get_bytes(v, &b, &size), index, "get_bytes");
		printf("b");
		puthex(b, size);
		return;
	}
	case AVRO_FIXED: {
		const void *b;
		size_t size;
		dumped(avro_value_get_fixed(v, &b, &size), index, "get_fixed");
		printf("x");
		puthex(b, size);
		return;
	}
	case AVRO_ENUM: {
		int e;
		dumped(avro_value_get_enum(v, &e), index, "get_enum");
		printf("e%d", e);
		return;
	}
	case AVRO_UNION: {
		int disc;
		avro_value_t branch;
		dumped(avro_value_get_discriminant(v, &disc), index, "get_discriminant");
		if (disc < 0) {
			/* no branch selected: print it so that the test names the value, and go on with the next */
			printf("u%d", disc);
			return;
		}
		dumped(avro_value_get_current_branch(v, &branch), index, "get_current_branch");
		printf("u%d ", disc);
		dump(&branch, index);
		return;
	}
	case AVRO_ARRAY:
	case AVRO_MAP:
	case AVRO_RECORD: {
		avro_type_t type = avro_value_get_type(v);
		size_t n, i;
		dumped(avro_value_get_size(v, &n), index, "get_size");
		printf("%c%zu", type == AVRO_ARRAY ? 'a' : type == AVRO_MAP ? 'm' : 'r', n);
		for (i = 0; i < n; i++) {
			avro_value_t child;
			const char *key = NULL;
			dumped(avro_value_get_by_index(v, i, &child, &key), index, "get_by_index");
			if (type == AVRO_MAP) {
				printf(" s");
				puthex(key, strlen(key));
			}
			printf(" ");
			dump(&child, index);
		}
		return;
	}
	default:
		fflush(stdout);
		fprintf(stderr, "peer: value %ld: cannot print type %d\n", index, (int) avro_value_get_type(v));
		exit(1);
	}
}

static void print_value(avro_value_t *value, long index) {
	dump(value, index);
	printf("\n");
}

/* ---- commands ---- */

static int cmd_write(int argc, char **argv) {
	if (argc < 4) die("usage", "peer write <schema.avsc> <values.txt> <block size> <codec>=<out.avro>...");
	avro_schema_t schema = load_schema(argv[0]);
	char *text = slurp(argv[1], NULL);
	size_t block_size = (size_t) atol(argv[2]);
	int k;
	for (k = 3; k < argc; k++) {
		char *eq = strchr(argv[k], '=');
		if (eq == NULL) die("expected <codec>=<file>", argv[k]);
		*eq = '\0';
		const char *codec = argv[k], *out = eq + 1;
		avro_file_writer_t writer;
		if (avro_file_writer_create_with_codec(out, schema, &writer, codec, block_size)) {
			die(out, avro_strerror());
		}
		avro_value_iface_t *iface = avro_generic_class_from_schema(schema);
		avro_value_t value;
		avro_generic_value_new(iface, &value);
		char *copy = strdup(text); /* build() decodes tokens in place */
		struct tokens t = { copy, 0 };
		while (more(&t)) {
			build(&t, &value);
			if (avro_file_writer_append_value(writer, &value)) {
				fprintf(stderr, "peer: value %ld: append to %s: %s\n", t.value_index, out, avro_strerror());
				exit(1);
			}
			avro_value_reset(&value);
			t.value_index++;
		}
		if (avro_file_writer_close(writer)) die(out, avro_strerror());
		avro_value_decref(&value);
		avro_value_iface_decref(iface);
		free(copy);
	}
	free(text);
	avro_schema_decref(schema);
	return 0;
}

static int cmd_read(int argc, char **argv) {
	if (argc < 1 || argc > 3) die("usage", "peer read <file.avro> [<reader.avsc> [writer|reader]]");
	avro_file_reader_t reader;
	if (avro_file_reader(argv[0], &reader)) die(argv[0], avro_strerror());
	avro_schema_t wschema = avro_file_reader_get_writer_schema(reader);
	avro_value_iface_t *wiface = avro_generic_class_from_schema(wschema);
	avro_value_t wvalue;
	avro_generic_value_new(wiface, &wvalue);

	/* Without a reader schema: libavro's plain generic decoding, as avrocat and avromod do it. */
	avro_value_t *decode_into = &wvalue, *result = &wvalue;
	avro_schema_t rschema = NULL;
	avro_value_iface_t *riface = NULL, *resolver = NULL;
	avro_value_t rvalue, resolved;
	if (argc >= 2) {
		rschema = load_schema(argv[1]);
		int use_reader = argc == 3 && strcmp(argv[2], "reader") == 0;
		if (argc == 3 && !use_reader && strcmp(argv[2], "writer") != 0) die("unknown resolver", argv[2]);
		if (use_reader) {
			/* The resolved reader views a decoded writer-schema value through the reader schema. */
			resolver = avro_resolved_reader_new(wschema, rschema);
			if (resolver == NULL) die("schema resolution (resolved reader)", avro_strerror());
			avro_resolved_reader_new_value(resolver, &resolved);
			avro_resolved_reader_set_source(&resolved, &wvalue);
			result = &resolved;
		} else {
			/* The resolved writer decodes writer-schema data straight into a reader-schema value. */
			resolver = avro_resolved_writer_new(wschema, rschema);
			if (resolver == NULL) die("schema resolution (resolved writer)", avro_strerror());
			riface = avro_generic_class_from_schema(rschema);
			avro_generic_value_new(riface, &rvalue);
			avro_resolved_writer_new_value(resolver, &resolved);
			avro_resolved_writer_set_dest(&resolved, &rvalue);
			decode_into = &resolved;
			result = &rvalue;
		}
	}

	long index = 0;
	int rc;
	while ((rc = avro_file_reader_read_value(reader, decode_into)) == 0) {
		print_value(result, index++);
		avro_value_reset(&wvalue);
		if (riface != NULL) avro_value_reset(&rvalue);
	}
	if (rc != EOF) {
		fprintf(stderr, "peer: value %ld: read %s: %s\n", index, argv[0], avro_strerror());
		exit(1);
	}
	avro_file_reader_close(reader);
	return 0; /* the process ends here: libavro's objects are not freed one by one */
}

static void fingerprint_bytes(const char *hex, unsigned char out[8]) {
	/* the fingerprint is given as the 16 hex digits of the 8 header bytes, in header order */
	if (strlen(hex) != 16) die("fingerprint must be 16 hex digits", hex);
	int i;
	for (i = 0; i < 8; i++) {
		int hi = hexdigit(hex[2 * i]), lo = hexdigit(hex[2 * i + 1]);
		if (hi < 0 || lo < 0) die("bad fingerprint", hex);
		out[i] = (unsigned char) (hi << 4 | lo);
	}
}

static int cmd_encode(int argc, char **argv) {
	if (argc != 4) die("usage", "peer encode <schema.avsc> <values.txt> <fingerprint hex> <out.txt>");
	avro_schema_t schema = load_schema(argv[0]);
	char *text = slurp(argv[1], NULL);
	unsigned char fp[8];
	fingerprint_bytes(argv[2], fp);
	FILE *out = fopen(argv[3], "w");
	if (out == NULL) die(argv[3], strerror(errno));

	avro_value_iface_t *iface = avro_generic_class_from_schema(schema);
	avro_value_t value;
	avro_generic_value_new(iface, &value);
	size_t cap = 1 << 20;
	char *buf = malloc(cap);
	struct tokens t = { text, 0 };
	while (more(&t)) {
		build(&t, &value);
		size_t size;
		check(&t, avro_value_sizeof(&value, &size), "sizeof");
		if (size > cap) {
			cap = size;
			buf = realloc(buf, cap);
		}
		avro_writer_t w = avro_writer_memory(buf, (int64_t) cap);
		check(&t, avro_value_write(w, &value), "write");
		size_t n = (size_t) avro_writer_tell(w);
		avro_writer_free(w);
		fprintf(out, "c301");
		int i;
		for (i = 0; i < 8; i++) fprintf(out, "%02x", fp[i]);
		size_t j;
		for (j = 0; j < n; j++) fprintf(out, "%02x", (unsigned char) buf[j]);
		fprintf(out, "\n");
		avro_value_reset(&value);
		t.value_index++;
	}
	fclose(out);
	free(buf);
	avro_value_decref(&value);
	avro_value_iface_decref(iface);
	free(text);
	avro_schema_decref(schema);
	return 0;
}

static int cmd_decode(int argc, char **argv) {
	if (argc != 3) die("usage", "peer decode <schema.avsc> <fingerprint hex> <in.txt>");
	avro_schema_t schema = load_schema(argv[0]);
	unsigned char fp[8];
	fingerprint_bytes(argv[1], fp);
	char *text = slurp(argv[2], NULL);
	avro_value_iface_t *iface = avro_generic_class_from_schema(schema);
	avro_value_t value;
	avro_generic_value_new(iface, &value);
	struct tokens t = { text, 0 };
	char *line;
	while ((line = next_token(&t)) != NULL) {
		size_t n = strlen(line) / 2, i;
		unsigned char *msg = malloc(n + 1);
		for (i = 0; i < n; i++) {
			int hi = hexdigit(line[2 * i]), lo = hexdigit(line[2 * i + 1]);
			if (hi < 0 || lo < 0) bad(&t, "a hex message", line);
			msg[i] = (unsigned char) (hi << 4 | lo);
		}
		if (n < 10 || msg[0] != 0xC3 || msg[1] != 0x01) bad(&t, "the single-object marker C3 01", line);
		if (memcmp(msg + 2, fp, 8) != 0) bad(&t, "the schema's fingerprint", line);
		avro_reader_t r = avro_reader_memory((const char *) msg + 10, (int64_t) (n - 10));
		check(&t, avro_value_read(r, &value), "read");
		char extra;
		if (avro_read(r, &extra, 1) == 0) bad(&t, "a body with no trailing bytes", line);
		avro_reader_free(r);
		print_value(&value, t.value_index);
		avro_value_reset(&value);
		free(msg);
		t.value_index++;
	}
	avro_value_decref(&value);
	avro_value_iface_decref(iface);
	free(text);
	avro_schema_decref(schema);
	return 0;
}

int main(int argc, char **argv) {
	if (argc < 2) die("usage", "peer write|read|encode|decode ...");
	if (strcmp(argv[1], "write") == 0) return cmd_write(argc - 2, argv + 2);
	if (strcmp(argv[1], "read") == 0) return cmd_read(argc - 2, argv + 2);
	if (strcmp(argv[1], "encode") == 0) return cmd_encode(argc - 2, argv + 2);
	if (strcmp(argv[1], "decode") == 0) return cmd_decode(argc - 2, argv + 2);
	die("unknown command", argv[1]);
	return 1;
}
