package io.cairn.cairo.vm.program;

import java.util.List;
import java.util.Map;

/**
 * One hint attached to a pc: its exact code string and what it needs to resolve {@code ids}.
 *
 * @param code the hint's Python code, matched verbatim against the known-hint table
 * @param accessibleScopes scopes to search for identifiers, innermost last
 * @param apTracking ap tracking at the hint's pc
 * @param referenceIds full identifier name to index into the reference manager
 */
public record HintSite(
    String code,
    List<String> accessibleScopes,
    ApTracking apTracking,
    Map<String, Integer> referenceIds) {

  /** Makes defensive immutable copies. */
  public HintSite {
    accessibleScopes = List.copyOf(accessibleScopes);
    referenceIds = Map.copyOf(referenceIds);
  }
}
