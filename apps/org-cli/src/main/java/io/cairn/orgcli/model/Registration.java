package io.cairn.orgcli.model;

/** A new organization account: its id, its first user's id, and its (unique) name. */
public record Registration(long organizationId, long userId, String name) {}
