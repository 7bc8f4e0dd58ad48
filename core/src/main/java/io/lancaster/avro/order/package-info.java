/**
 * The Avro specification's sort order ("Sort Order"): {@link io.lancaster.avro.order.BinaryComparator} orders
 * binary-encoded datums without decoding them (what a MapReduce shuffle needs from a raw comparator) and
 * {@link io.lancaster.avro.order.GenericComparator} orders generic values the same way. Both compile a schema once
 * into a tree of small comparators.
 */
package io.lancaster.avro.order;
