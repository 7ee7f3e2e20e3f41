package io.cairn.orgcli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.air.ProofOptions;
import io.cairn.cairo.prover.CairoProofResult;
import io.cairn.cairo.prover.CairoProver;
import io.cairn.math.Felt;
import io.cairn.orgcli.CliRun.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn-org verify} on a real proof of the sum example (small proof options; the range-check
 * builtin would make proving take a minute), and on every way the statement can differ from the one
 * proven: input, output, lease, program, bytes.
 */
class VerifyCommandTest {
  private static final String LEASE = "lease-org-cli-test";
  private static final List<Felt> INPUT = List.of(Felt.of(3), Felt.of(4), Felt.of(5));

  @TempDir static Path dir;
  private static Path program;
  private static Path proof;
  private static String output;

  @BeforeAll
  static void prove() throws Exception {
    byte[] json = Fixtures.exampleJson("sum");
    program = dir.resolve("sum.json");
    Files.write(program, json);
    CairoProofResult r = new CairoProver(new ProofOptions(2, 8, 0)).prove(json, INPUT, LEASE);
    proof = dir.resolve("result-1.proof");
    Files.write(proof, r.proof());
    output =
        r.output().stream().map(f -> f.toBigInteger().toString()).collect(Collectors.joining(","));
  }

  private static Outcome verify(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "verify",
                proof.toString(),
                "--program",
                program.toString(),
                "--min-security-bits",
                "1"));
    args.addAll(List.of(extra));
    return new CliRun("http://127.0.0.1:9", dir.resolve("none.json"))
        .run(args.toArray(String[]::new));
  }

  @Test
  void theHonestStatementVerifies() {
    assertEquals("12", output, "3 + 4 + 5");
    Outcome o = verify("--input", "3,4,5", "--lease", LEASE);
    assertEquals(0, o.exitCode(), o::toString);
    assertTrue(o.out().startsWith("VALID: sum.json on input [3, 4, 5] outputs [12]"), o::toString);
    Outcome withOutput = verify("--input", "[3, 4, 5]", "--output", output, "--lease", LEASE);
    assertEquals(0, withOutput.exitCode(), withOutput::toString);
  }

  @Test
  void aResultFileGivesInputOutputAndLease() throws Exception {
    Path result = dir.resolve("result-1.json");
    Files.writeString(
        result,
        "{\"result_id\":1,\"input\":[\"3\",\"4\",\"5\"],\"output\":[\"12\"],\"lease_token\":\""
            + LEASE
            + "\"}");
    Outcome o = verify("--result", result.toString());
    assertEquals(0, o.exitCode(), o::toString);
    Outcome lie = verify("--result", result.toString(), "--output", "13");
    assertEquals(ExitCodes.PROOF_REJECTED, lie.exitCode(), lie::toString);
  }

  @Test
  void anyOtherStatementIsRejected() throws Exception {
    assertRejected(verify("--input", "3,4,6", "--lease", LEASE), "");
    assertRejected(
        verify("--input", "3,4,5", "--output", "13", "--lease", LEASE), "OUTPUT_MISMATCH");
    assertRejected(verify("--input", "3,4,5", "--lease", LEASE + "x"), "");
    Path other = dir.resolve("fibonacci.json");
    Files.write(other, Fixtures.exampleJson("fibonacci"));
    Outcome o =
        new CliRun("http://127.0.0.1:9", dir.resolve("none.json"))
            .run(
                "verify",
                proof.toString(),
                "--program",
                other.toString(),
                "--input",
                "3,4,5",
                "--lease",
                LEASE,
                "--min-security-bits",
                "1");
    assertRejected(o, "");
    byte[] bytes = Files.readAllBytes(proof);
    bytes[bytes.length / 2] ^= 1;
    Path tampered = dir.resolve("tampered.proof");
    Files.write(tampered, bytes);
    Outcome t =
        new CliRun("http://127.0.0.1:9", dir.resolve("none.json"))
            .run(
                "verify",
                tampered.toString(),
                "--program",
                program.toString(),
                "--input",
                "3,4,5",
                "--lease",
                LEASE,
                "--min-security-bits",
                "1");
    assertRejected(t, "");
    // the default security floor is far above these test options
    assertRejected(
        new CliRun("http://127.0.0.1:9", dir.resolve("none.json"))
            .run(
                "verify",
                proof.toString(),
                "--program",
                program.toString(),
                "--input",
                "3,4,5",
                "--lease",
                LEASE),
        "");
  }

  @Test
  void missingPiecesAreUsageOrLocalErrors() {
    assertEquals(ExitCodes.USAGE, verify("--input", "3,4,5").exitCode());
    assertEquals(ExitCodes.USAGE, verify("--lease", LEASE).exitCode());
    assertEquals(ExitCodes.BAD_LOCAL_INPUT, verify("--input", "3,x", "--lease", LEASE).exitCode());
    Outcome noFile =
        new CliRun("http://127.0.0.1:9", dir.resolve("none.json"))
            .run(
                "verify",
                dir.resolve("nope.proof").toString(),
                "--program",
                program.toString(),
                "--input",
                "1",
                "--lease",
                "l");
    assertEquals(ExitCodes.BAD_LOCAL_INPUT, noFile.exitCode(), noFile::toString);
  }

  private static void assertRejected(Outcome o, String kind) {
    assertEquals(ExitCodes.PROOF_REJECTED, o.exitCode(), o::toString);
    assertTrue(o.err().contains("the proof is INVALID: " + kind), o::toString);
  }
}
