package io.cairn.apps.demo;

/**
 * The demo's answer is missing or wrong: a job failed, a proof was refused, or the answer differs.
 */
public final class DemoFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DemoFailure(String message) {
    super(message);
  }
}
