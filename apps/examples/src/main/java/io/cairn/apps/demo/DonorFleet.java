package io.cairn.apps.demo;

import io.cairn.air.ProofOptions;
import io.cairn.client.ClientSettings;
import io.cairn.client.CoreClient;
import io.cairn.client.rpc.AccountKey;
import io.cairn.client.rpc.ServerApi;
import io.cairn.client.rpc.ServerException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Donor machines for the demo: {@code n} core clients in this JVM, each with its own donor account
 * (created through the donor API), its own state directory and one core, attached to the project.
 *
 * <p>The donors' preferences are set so that they compute while the machine is busy: on a demo, the
 * foreign CPU load is the rest of the demo, and BOINC's default (suspend above 25% load) would
 * leave the jobs waiting.
 */
public final class DonorFleet implements AutoCloseable {
  private final List<CoreClient> clients;
  private final List<Donor> donors;

  /**
   * One donor: its account and host name.
   *
   * @param displayName the name on the status page
   * @param accountId the donor account's id
   * @param hostName the name its client registered its host with
   */
  public record Donor(String displayName, long accountId, String hostName) {}

  private DonorFleet(List<CoreClient> clients, List<Donor> donors) {
    this.clients = clients;
    this.donors = donors;
  }

  /**
   * Creates {@code n} donor accounts on the project at {@code url} and starts one client each under
   * {@code stateRoot/donor-i}, proving with {@code proofOptions}.
   */
  public static DonorFleet start(String url, int n, Path stateRoot, ProofOptions proofOptions)
      throws IOException, ServerException {
    ServerApi api = new ServerApi(Duration.ofSeconds(30));
    List<CoreClient> clients = new ArrayList<>();
    List<Donor> donors = new ArrayList<>();
    try {
      for (int i = 1; i <= n; i++) {
        String name = "Donor " + i;
        AccountKey key =
            api.createAccount(url, "donor" + i + "@demo.invalid", "demo-password-" + i, name);
        ClientSettings.Builder b = ClientSettings.builder();
        b.hostName = "demo-host-" + i;
        b.cores = 1;
        b.proofOptions = proofOptions;
        b.rpcTimeout = Duration.ofSeconds(30);
        b.rpcBackoffMin = Duration.ofMillis(500);
        b.rpcBackoffMax = Duration.ofSeconds(5);
        b.transferBackoffMin = Duration.ofMillis(500);
        b.transferBackoffMax = Duration.ofSeconds(5);
        b.tickInterval = Duration.ofMillis(250);
        CoreClient client = CoreClient.start(b.build(), stateRoot.resolve("donor-" + i));
        clients.add(client);
        client.setPreference("suspend_cpu_usage", "0");
        client.setPreference("cpu_usage_limit", "100");
        client.setPreference("max_ncpus_pct", "100");
        client.setPreference("ram_max_used_busy_pct", "90");
        client.attach(url, key.accountKey());
        donors.add(new Donor(name, key.accountId(), b.hostName));
      }
    } catch (IOException | ServerException | RuntimeException e) {
      clients.forEach(CoreClient::close);
      throw e;
    }
    return new DonorFleet(List.copyOf(clients), List.copyOf(donors));
  }

  public List<Donor> donors() {
    return donors;
  }

  public List<CoreClient> clients() {
    return clients;
  }

  /** Stops every client (each saves its state). */
  @Override
  public void close() {
    clients.forEach(CoreClient::close);
  }
}
