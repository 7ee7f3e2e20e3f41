package io.cairn.client;

import java.util.ArrayList;
import java.util.List;

/** {@link TestProject} for code outside this package (the benchmark). */
public final class TestProjectAccess implements AutoCloseable {
  private final TestProject project;

  private TestProjectAccess(TestProject project) {
    this.project = project;
  }

  /** A fresh project server. */
  public static TestProjectAccess start(String purpose) {
    try {
      return new TestProjectAccess(new TestProject(purpose));
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the test project", e);
    }
  }

  public String url() {
    return project.url();
  }

  public String accountKey() throws Exception {
    return project.accountKey();
  }

  /** Uploads the sum program. */
  public long uploadSum(long maxSteps) throws Exception {
    return project.uploadProgram("sum", TestProject.sumProgram(), maxSteps, false);
  }

  /** Adds {@code groups} input groups of {@code n} terms each. */
  public void addGroups(long programId, int groups, long n) throws Exception {
    List<Long> inputs = new ArrayList<>();
    for (int i = 0; i < groups; i++) {
      inputs.add(n + i);
    }
    project.addInputGroups(programId, inputs);
  }

  /** Proofs uploaded so far. */
  public long proofs() throws Exception {
    return project.queryLong("select count(*) from upload where kind = 'PROOF'");
  }

  @Override
  public void close() {
    project.close();
  }
}
