/**
 * The arithmetic under Cairn's STARKs: the Stark252 prime field p = 2^251 + 17·2^192 + 1 (the field
 * of Cairo), column vectors of its elements, FFTs over its two-adic subgroups and cosets, and small
 * polynomial algebra.
 *
 * <ul>
 *   <li>{@link io.cairn.math.Felt}: one element, immutable, Montgomery form inside; canonical
 *       values, bytes and text outside.
 *   <li>{@link io.cairn.math.FeltVector}: a mutable column of packed limbs with allocation-free
 *       bulk kernels; the prover's storage.
 *   <li>{@link io.cairn.math.Fft}: radix-2 transforms, coset evaluation, interpolation and
 *       low-degree extension, multi-threaded from 2^14 elements.
 *   <li>{@link io.cairn.math.Polynomial}: coefficient-form polynomials for constraint algebra,
 *       tests and the verifier.
 * </ul>
 *
 * <p>Every fast path is tested against {@link java.math.BigInteger} arithmetic or O(n²) evaluation.
 */
package io.cairn.math;
