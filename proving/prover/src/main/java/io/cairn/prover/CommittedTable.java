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

/**
 * A table of polynomials (each of degree below the trace length) the prover has committed to: its
 * columns' evaluations over the LDE domain (natural order) and the Merkle tree whose leaf {@code i}
 * is the row at bit-reversed position {@code i}. Coefficients are not kept: values anywhere else
 * come from the evaluations by barycentric interpolation ({@link OutOfDomainPoint}).
 */
final class CommittedTable {

  private final List<FeltVector> evaluations;
  private final EvaluationDomain domain;
  private final MerkleTree tree;

  private CommittedTable(Hasher hasher, List<FeltVector> evaluations, EvaluationDomain domain) {
    this(
        evaluations,
        domain,
        MerkleTree.build(hasher, RowLeaves.hashColumns(hasher, evaluations, true)));
  }

  private CommittedTable(List<FeltVector> evaluations, EvaluationDomain domain, MerkleTree tree) {
    this.evaluations = evaluations;
    this.domain = domain;
    this.tree = tree;
  }

  /**
   * A table read back from a checkpoint: the evaluations are taken as they are and only the inner
   * Merkle nodes are rebuilt from the saved leaf digests (no FFT, no row hashing).
   */
  static CommittedTable restored(
      Hasher hasher, List<FeltVector> evaluations, byte[] leafDigests, EvaluationDomain domain) {
    return new CommittedTable(evaluations, domain, MerkleTree.build(hasher, leafDigests));
  }

  /** Extends trace columns (values on the trace domain) to the LDE domain and commits. */
  static CommittedTable fromTrace(
      Hasher hasher, List<FeltVector> columns, EvaluationDomain domain) {
    int blowup = domain.size() / columns.get(0).length();
    return new CommittedTable(
        hasher, Fft.lowDegreeExtension(columns, domain.offset(), blowup), domain);
  }

  /** Evaluates polynomials given by their coefficients over the domain and commits. */
  static CommittedTable fromCoefficients(
      Hasher hasher, List<FeltVector> coefficients, EvaluationDomain domain) {
    List<FeltVector> evaluations =
        coefficients.parallelStream()
            .map(c -> Fft.evaluateOnCoset(c, domain.offset(), domain.size()))
            .toList();
    return new CommittedTable(hasher, evaluations, domain);
  }

  /** Commits polynomials whose evaluations over the domain are already known (no FFT needed). */
  static CommittedTable fromEvaluations(
      Hasher hasher, List<FeltVector> evaluations, EvaluationDomain domain) {
    return new CommittedTable(hasher, evaluations, domain);
  }

  MerkleTree tree() {
    return tree;
  }

  int width() {
    return evaluations.size();
  }

  /** Column evaluations over the LDE domain, natural order. */
  List<FeltVector> evaluations() {
    return evaluations;
  }

  /** Every column's polynomial evaluated at {@code point}. */
  List<Felt> evaluateAt(OutOfDomainPoint point) {
    return evaluations.parallelStream().map(point::interpolate).toList();
  }

  /** Opens the rows at the given bit-reversed positions (strictly increasing). */
  QueriedRows open(int[] positions) {
    int bits = domain.logSize();
    List<Felt> values = new ArrayList<>(positions.length * width());
    for (int position : positions) {
      int row = EvaluationDomain.bitReverse(position, bits);
      for (FeltVector column : evaluations) {
        values.add(column.get(row));
      }
    }
    return new QueriedRows(values, tree.open(positions));
  }
}
