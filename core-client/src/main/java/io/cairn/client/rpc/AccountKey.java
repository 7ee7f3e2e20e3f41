package io.cairn.client.rpc;

/** A donor account's id and a bearer key for it. */
public record AccountKey(long accountId, String accountKey) {}
