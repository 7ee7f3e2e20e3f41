package io.cairn.client.state;

import java.util.ArrayList;
import java.util.List;

/** Everything the client must remember across restarts: the file {@code client_state.json}. */
public final class ClientState {
  public int version = 1;

  /** The user asked to suspend all computing (boinccmd's run mode "never"). */
  public boolean suspendedByUser;

  public List<ProjectState> projects = new ArrayList<>();

  /** The project attached at {@code url}, or null. */
  public ProjectState project(String url) {
    for (ProjectState p : projects) {
      if (p.url.equals(url)) {
        return p;
      }
    }
    return null;
  }
}
