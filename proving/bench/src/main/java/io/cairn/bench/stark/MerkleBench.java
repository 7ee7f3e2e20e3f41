package io.cairn.bench.stark;

import io.cairn.crypto.Blake2s256;
import io.cairn.crypto.Hasher;
import io.cairn.crypto.Keccak256;
import io.cairn.crypto.MerkleTree;
import io.cairn.crypto.RowLeaves;
import io.cairn.math.Felt;
import io.cairn.math.FeltVector;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Merkle commitment throughput with Keccak-256 (and BLAKE2s for comparison): hashing rows of field
 * elements into leaves and building the tree over the leaf digests. MB/s = (leaves × width × 32
 * bytes) / time for {@code commitRows}; docs/bench/stark.md converts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class MerkleBench {

  @Param({"16"})
  public int logLeaves;

  @Param({"2", "36"})
  public int width;

  @Param({"keccak256", "blake2s256"})
  public String hash;

  private Hasher hasher;

  private FeltVector[] columns;
  private byte[] leaves;

  @Setup
  public void setUp() {
    hasher = hash.equals("blake2s256") ? Blake2s256.INSTANCE : Keccak256.INSTANCE;
    int n = 1 << logLeaves;
    columns = new FeltVector[width];
    for (int c = 0; c < width; c++) {
      columns[c] = new FeltVector(n);
      for (int i = 0; i < n; i++) {
        columns[c].set(i, Felt.of(31L * i + c));
      }
    }
    leaves = hashRows();
  }

  private byte[] hashRows() {
    return RowLeaves.hashRows(
        hasher,
        1 << logLeaves,
        width,
        (row, column, out, offset) -> columns[column].get(row).writeBytesBE(out, offset));
  }

  /** Leaf hashing plus tree building: a full table commitment. */
  @Benchmark
  public MerkleTree commitRows() {
    return MerkleTree.build(hasher, hashRows());
  }

  /** Tree building alone over precomputed leaf digests (2 × 32 bytes hashed per node). */
  @Benchmark
  public MerkleTree buildTree() {
    return MerkleTree.build(hasher, leaves);
  }
}
