package io.cairn.cairo.vm.program;

/**
 * The compiler's knowledge of ap at a point of the program: within one {@code group} ap is known to
 * be {@code offset} cells past the group's start. References and hints carry one each.
 *
 * @param group the ap-tracking group (a new group starts whenever ap changes by an unknown amount)
 * @param offset ap's offset from the start of the group
 */
public record ApTracking(int group, int offset) {}
