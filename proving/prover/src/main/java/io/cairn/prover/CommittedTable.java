package io.cairn.prover;

import io.cairn.air.QueriedRows;
import io.cairn.crypto.Hasher;
import io.cairn.crypto.MerkleTree;
import io.cairn.crypto.RowLeaves;
import io.cairn.fri.EvaluationDomain;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import io.cairn.math.Fft;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A table of polynomials (each of degree below the trace length n) the prover has committed to: the
 * columns' coefficients and the Merkle tree whose leaf {@code i} is the row at bit-reversed
 * position {@code i} of the LDE domain D; the whole LDE only when the prover's memory budget allows
 * ({@link #fromCoefficients}), to spare re-extending it.
 *
 * <p>D = offset·⟨ω⟩ of size N = blowup·n is the union of the {@code blowup} cosets {@code
 * offset·ω^j·⟨g⟩} (g = ω^blowup, j &lt; blowup) of the trace domain's size. Coset j is the natural
 * indices {@code j + blowup·k}; in bit-reversed order it is the contiguous leaf range starting at
 * {@code bitrev(j)·n}, where leaf {@code bitrev(j)·n + bitrev(k)} holds the point {@code
 * offset·ω^j·g^k}. Each coset is one size-n FFT away from the coefficients ({@link #coset}), and
 * {@code x ↦ g·x} stays inside it, so the rounds that sweep D (hashing the rows, the constraints)
 * work one coset at a time, and the queries re-extend the cosets they fall in. A table that keeps
 * its LDE reads cosets and queried rows from it instead; both give the same values, leaves and
 * proofs.
 */
final class CommittedTable {

  private static final int D = Hasher.DIGEST_BYTES;

  private final List<FeltVector> coefficients;
  private final EvaluationDomain domain;
  private final int traceLength;
  private final MerkleTree tree;
  private final List<FeltVector> lde; // natural order, or null when not kept

  private CommittedTable(
      List<FeltVector> coefficients,
      EvaluationDomain domain,
      MerkleTree tree,
      List<FeltVector> lde) {
    this.coefficients = coefficients;
    this.domain = domain;
    this.traceLength = coefficients.get(0).length();
    this.tree = tree;
    this.lde = lde;
  }

  /**
   * A table read back from a checkpoint: the coefficients are taken as they are and only the inner
   * Merkle nodes are rebuilt from the saved leaf digests (no FFT, no row hashing).
   */
  static CommittedTable restored(
      Hasher hasher, List<FeltVector> coefficients, byte[] leafDigests, EvaluationDomain domain) {
    return new CommittedTable(coefficients, domain, MerkleTree.build(hasher, leafDigests), null);
  }

  /**
   * Interpolates trace columns (values on the trace domain) and commits their extension to the LDE
   * domain. With {@code consume} the columns are interpolated in place (the caller gives them up),
   * otherwise they are copied; {@code keepLde} as in {@link #fromCoefficients}.
   */
  static CommittedTable fromTrace(
      Hasher hasher,
      List<FeltVector> columns,
      EvaluationDomain domain,
      boolean consume,
      boolean keepLde) {
    List<FeltVector> coefficients =
        columns.parallelStream()
            .map(
                c -> {
                  if (!consume) {
                    return Fft.interpolateFromCoset(c, Felt.ONE);
                  }
                  Fft.ifft(c);
                  return c;
                })
            .toList();
    return fromCoefficients(hasher, coefficients, domain, keepLde);
  }

  /**
   * Commits polynomials given by their coefficients (n each). With {@code keepLde} the whole LDE is
   * computed (one FFT of size N per column), hashed and kept; otherwise the table is extended and
   * hashed one coset at a time, so only one coset's values are alive at once, and not kept.
   */
  static CommittedTable fromCoefficients(
      Hasher hasher, List<FeltVector> coefficients, EvaluationDomain domain, boolean keepLde) {
    if (keepLde) {
      List<FeltVector> lde = Fft.evaluateOnCoset(coefficients, domain.offset(), domain.size());
      MerkleTree tree = MerkleTree.build(hasher, RowLeaves.hashColumns(hasher, lde, true));
      return new CommittedTable(coefficients, domain, tree, lde);
    }
    int n = coefficients.get(0).length();
    int blowup = domain.size() / n;
    byte[] leaves = new byte[domain.size() * D];
    for (int j = 0; j < blowup; j++) {
      byte[] cosetLeaves = RowLeaves.hashColumns(hasher, coset(coefficients, domain, j), true);
      System.arraycopy(cosetLeaves, 0, leaves, firstLeaf(j, blowup, n) * D, cosetLeaves.length);
    }
    return new CommittedTable(coefficients, domain, MerkleTree.build(hasher, leaves), null);
  }

  MerkleTree tree() {
    return tree;
  }

  int width() {
    return coefficients.size();
  }

  /** The columns' coefficients, n each, lowest degree first. */
  List<FeltVector> coefficients() {
    return coefficients;
  }

  /** Whether the table keeps its whole LDE. */
  boolean keepsLde() {
    return lde != null;
  }

  /** The columns' values on coset j: at {@code offset·ω^j·g^k} for k below n, natural order. */
  List<FeltVector> coset(int j) {
    if (lde == null) {
      return coset(coefficients, domain, j);
    }
    int blowup = domain.size() / traceLength;
    return lde.parallelStream()
        .map(
            column -> {
              FeltVector values = new FeltVector(traceLength);
              long[] from = column.limbs();
              long[] to = values.limbs();
              for (int k = 0; k < traceLength; k++) {
                System.arraycopy(
                    from,
                    (j + blowup * k) * FeltVector.LIMBS,
                    to,
                    k * FeltVector.LIMBS,
                    FeltVector.LIMBS);
              }
              return values;
            })
        .toList();
  }

  private static List<FeltVector> coset(
      List<FeltVector> coefficients, EvaluationDomain domain, int j) {
    return Fft.evaluateOnCoset(coefficients, cosetOffset(domain, j), coefficients.get(0).length());
  }

  private static Felt cosetOffset(EvaluationDomain domain, int j) {
    return domain.offset().mul(domain.generator().pow(j));
  }

  /** The first leaf of coset j: its leaves are a contiguous range of n in bit-reversed order. */
  private static int firstLeaf(int j, int blowup, int n) {
    return EvaluationDomain.bitReverse(j, Integer.numberOfTrailingZeros(blowup)) * n;
  }

  /** Every column's polynomial evaluated at {@code point} (Horner's rule on the coefficients). */
  List<Felt> evaluateAt(Felt point) {
    return coefficients.parallelStream().map(c -> c.evaluateAsPolynomial(point)).toList();
  }

  /**
   * Opens the rows at the given bit-reversed positions (strictly increasing): their values ({@link
   * #rows}) and the Merkle opening.
   */
  QueriedRows open(int[] positions) {
    Felt[][] cells = rows(positions);
    List<Felt> values = new ArrayList<>(positions.length * width());
    for (Felt[] row : cells) {
      values.addAll(List.of(row));
    }
    return new QueriedRows(values, tree.open(positions));
  }

  /**
   * The rows at the given bit-reversed positions (any order), {@code [position][column]}: read from
   * the LDE if the table keeps it; otherwise computed column by column at only the wanted points of
   * each coset that holds one ({@link Fft#evaluateOnCosetAt}, a pruned transform).
   */
  Felt[][] rows(int[] positions) {
    int n = traceLength;
    int logN = Integer.numberOfTrailingZeros(n);
    int blowup = domain.size() / n;
    int width = width();
    Felt[][] cells = new Felt[positions.length][width];
    if (lde != null) {
      for (int q = 0; q < positions.length; q++) {
        int row = EvaluationDomain.bitReverse(positions[q], domain.logSize());
        for (int c = 0; c < width; c++) {
          cells[q][c] = lde.get(c).get(row);
        }
      }
      return cells;
    }
    for (int j = 0; j < blowup; j++) {
      int first = firstLeaf(j, blowup, n);
      int[] queried =
          IntStream.range(0, positions.length)
              .filter(q -> positions[q] >= first && positions[q] < first + n)
              .toArray();
      if (queried.length == 0) {
        continue;
      }
      int[] ks = new int[queried.length];
      for (int i = 0; i < queried.length; i++) {
        ks[i] = EvaluationDomain.bitReverse(positions[queried[i]] - first, logN);
      }
      Felt offset = cosetOffset(domain, j);
      IntStream.range(0, width)
          .parallel()
          .forEach(
              c -> {
                Felt[] values = Fft.evaluateOnCosetAt(coefficients.get(c), offset, ks);
                for (int i = 0; i < queried.length; i++) {
                  cells[queried[i]][c] = values[i];
                }
              });
    }
    return cells;
  }
}
