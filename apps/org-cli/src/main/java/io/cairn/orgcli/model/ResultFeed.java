package io.cairn.orgcli.model;

import java.util.List;

/** A batch of the results feed and the cursor to pass next time (unchanged if nothing new). */
public record ResultFeed(List<Result> items, long nextCursor) {}
