package io.cairn.orgcli.model;

/**
 * The form of a program upload; null limits take the server's defaults.
 *
 * @param leaseTimeoutSeconds how long a donor may hold an input group before it is re-issued
 */
public record ProgramUpload(
    String name,
    String description,
    Long maxSteps,
    Integer leaseTimeoutSeconds,
    Integer maxAttempts,
    boolean executionOnly) {

  /** An upload with the server's default limits. */
  public static ProgramUpload named(String name, String description) {
    return new ProgramUpload(name, description, null, null, null, false);
  }
}
