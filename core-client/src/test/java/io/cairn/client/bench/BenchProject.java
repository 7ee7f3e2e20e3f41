package io.cairn.client.bench;

import io.cairn.client.TestProjectAccess;

/** The test project (a real server on a fresh database), seen from the benchmark's package. */
final class BenchProject implements AutoCloseable {
  private final TestProjectAccess project = TestProjectAccess.start("client_bench");

  String url() {
    return project.url();
  }

  String accountKey() throws Exception {
    return project.accountKey();
  }

  long uploadSum(long maxSteps) throws Exception {
    return project.uploadSum(maxSteps);
  }

  void addGroups(long programId, int groups, long n) throws Exception {
    project.addGroups(programId, groups, n);
  }

  long proofs() throws Exception {
    return project.proofs();
  }

  @Override
  public void close() {
    project.close();
  }
}
