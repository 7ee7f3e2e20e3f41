package io.cairn.client.rpc;

/** A host's id and key at one project, returned once at registration. */
public record HostCredentials(long hostId, String hostKey) {}
