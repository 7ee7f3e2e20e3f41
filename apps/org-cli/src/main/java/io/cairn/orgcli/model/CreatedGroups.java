package io.cairn.orgcli.model;

import java.util.List;

/** The answer to an input-group upload: the new groups' ids, in line order. */
public record CreatedGroups(long programId, int created, List<Long> ids) {}
