package io.cairn.apps.demo;

import static io.cairn.schema.jooq.Tables.LEASE;
import static io.cairn.schema.jooq.Tables.RESULT;

import io.cairn.apps.examples.ExampleApp;
import io.cairn.orgcli.LocalVerifier;
import io.cairn.orgcli.OrgClient;
import io.cairn.orgcli.model.Result;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The demo's checks of a finished run, from the organization's side: every result fetched through
 * the org API, its proof downloaded and re-verified locally with the org CLI's {@link
 * LocalVerifier} against the reference output; and the credit each donor was granted.
 */
final class ResultAudit {
  private ResultAudit() {}

  /**
   * Re-verifies the proof of every result of {@code programId}; returns how many.
   *
   * @throws DemoFailure for a result of an input group the demo did not upload
   * @throws io.cairn.orgcli.ProofRejected for a proof that does not prove the reference output
   */
  static int reverifyEveryProof(
      OrgClient org,
      DSLContext dsl,
      long programId,
      ExampleApp app,
      Map<String, List<BigInteger>> inputsByName,
      int minSecurityBits) {
    byte[] program = app.compiledProgram();
    int verified = 0;
    for (Result r : org.allResults(programId)) {
      List<BigInteger> input = inputsByName.get(r.inputGroupName());
      if (input == null) {
        throw new DemoFailure("a result for an unknown input group: " + r.inputGroupName());
      }
      LocalVerifier.verify(
          program,
          input,
          app.expectedOutput(input),
          leaseToken(dsl, r),
          minSecurityBits,
          org.proof(r.resultId()));
      verified++;
    }
    return verified;
  }

  /**
   * The lease token a result's proof is bound to: from the server's result when it reports it,
   * otherwise from the database (the results API does not return it yet).
   */
  static String leaseToken(DSLContext dsl, Result r) {
    if (r.leaseToken() != null && !r.leaseToken().isBlank()) {
      return r.leaseToken();
    }
    return dsl.select(LEASE.TOKEN)
        .from(RESULT)
        .join(LEASE)
        .on(LEASE.ID.eq(RESULT.LEASE_ID))
        .where(RESULT.ID.eq(r.resultId()))
        .fetchOne(LEASE.TOKEN);
  }

  /** {@code Donor 1 0.0412 (13 jobs), Donor 2 ...}: each donor's credit and validated jobs. */
  static String creditSummary(DSLContext dsl) {
    List<String> parts = new ArrayList<>();
    dsl.fetch(
            "select a.display_name, a.total_credit, count(r.id) from donor_account a"
                + " left join host h on h.donor_account_id = a.id"
                + " left join lease l on l.host_id = h.id"
                + " left join result r on r.lease_id = l.id"
                + " group by a.id, a.display_name, a.total_credit order by a.id")
        .forEach(
            r ->
                parts.add(
                    String.format(
                        "%s %.4f (%d jobs)",
                        r.get(0, String.class), r.get(1, Double.class), r.get(2, Long.class))));
    return String.join(", ", parts);
  }
}
