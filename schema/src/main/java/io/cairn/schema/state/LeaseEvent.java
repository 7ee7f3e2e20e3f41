package io.cairn.schema.state;

/** What can happen to a lease. {@link LeaseLifecycle} says where each one leads. */
public enum LeaseEvent {
  UPLOAD,
  VALIDATE,
  INVALIDATE,
  EXPIRE,
  ABANDON,
  CANCEL
}
