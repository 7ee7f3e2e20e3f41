package io.cairn.client.rpc;

/**
 * How the host describes itself to the server (registration and every scheduler RPC).
 *
 * @param name a person-readable host name
 * @param platform e.g. {@code linux-x86_64}
 * @param cores logical CPUs
 * @param memoryBytes physical memory
 * @param clientVersion this client's version
 */
public record HostDescription(
    String name, String platform, int cores, long memoryBytes, String clientVersion) {

  /** This machine, as the JVM sees it (the name needs a DNS lookup of the local host). */
  public static HostDescription local(String clientVersion, long memoryBytes) {
    return new HostDescription(
        localName(),
        localPlatform(),
        Runtime.getRuntime().availableProcessors(),
        memoryBytes,
        clientVersion);
  }

  /** The local host name, at most 100 characters. */
  public static String localName() {
    String name;
    try {
      name = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      name = "donor-host";
    }
    return name.length() > 100 ? name.substring(0, 100) : name;
  }

  /** The platform string, e.g. {@code linux-x86_64}. */
  public static String localPlatform() {
    String os = System.getProperty("os.name", "unknown").toLowerCase(java.util.Locale.ROOT);
    String arch = System.getProperty("os.arch", "unknown");
    String platform = (os.contains("linux") ? "linux" : os.replace(' ', '_')) + "-" + arch;
    return platform.replace("amd64", "x86_64");
  }
}
