/**
 * The spec's single-object encoding: one datum prefixed with the marker {@code C3 01} and the 8-byte
 * little-endian CRC-64-AVRO fingerprint of its writer schema, the form used for Avro values stored one by one
 * (Kafka records, key-value stores). {@link io.lancaster.avro.message.SingleObjectEncoder} writes it;
 * {@link io.lancaster.avro.message.SingleObjectDecoder} finds the writer schema in a
 * {@link io.lancaster.avro.message.SchemaStore} and resolves it against the reader schema.
 */
package io.lancaster.avro.message;
