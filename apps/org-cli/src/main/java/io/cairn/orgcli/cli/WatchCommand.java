package io.cairn.orgcli.cli;

import io.cairn.orgcli.ExitCodes;
import io.cairn.orgcli.OrgClient;
import io.cairn.orgcli.ProgressReport;
import io.cairn.orgcli.model.Program;
import java.time.Duration;
import java.time.Instant;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code watch <program>}: a progress bar (validated / total, counts by state) refreshed until no
 * input group is left to run, or until interrupted. On a terminal the bar redraws in place;
 * otherwise a line is printed whenever the counts change.
 */
final class WatchCommand implements Command {
  private static final int BAR_WIDTH = 30;

  @Override
  public String name() {
    return "watch";
  }

  @Override
  public String arguments() {
    return "<program>";
  }

  @Override
  public String summary() {
    return "show a program's progress until it is done";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(
            Option.builder()
                .longOpt("interval")
                .hasArg()
                .argName("seconds")
                .desc("seconds between refreshes (default 2)")
                .get())
        .addOption(Option.builder().longOpt("once").desc("print the progress once and exit").get());
  }

  @Override
  public int execute(CommandLine line, Cli cli) {
    long interval = Cli.longOption(line, "interval", 1, 3600).orElse(2L);
    OrgClient client = cli.client();
    long id = client.resolveProgram(Cli.oneArgument(line, "a program id or name"));
    boolean terminal = cli.console != null && !line.hasOption("once");
    String last = null;
    Instant started = cli.clock.instant();
    long validatedAtStart = -1;
    while (true) {
      Program p = client.program(id);
      ProgressReport report = new ProgressReport(p.inputGroups());
      if (validatedAtStart < 0) {
        validatedAtStart = report.validated();
      }
      String text =
          p.name()
              + " "
              + report.line(BAR_WIDTH)
              + rate(report.validated() - validatedAtStart, started, cli.clock.instant());
      if (terminal) {
        cli.out.print("\r" + text + "\033[K");
        cli.out.flush();
      } else if (!text.equals(last)) {
        cli.out.println(text);
      }
      last = text;
      if (report.done() || line.hasOption("once")) {
        if (terminal) {
          cli.out.println();
        }
        if (report.done() && !line.hasOption("once")) {
          cli.out.println(
              report.total() == 0
                  ? "no input groups yet"
                  : "done: "
                      + report.validated()
                      + " validated, "
                      + report.count("ERROR")
                      + " failed, "
                      + report.count("CANCELLED")
                      + " cancelled");
        }
        return ExitCodes.OK;
      }
      try {
        Thread.sleep(Duration.ofSeconds(interval));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cli.out.println();
        return ExitCodes.INTERRUPTED;
      }
    }
  }

  private static String rate(long validated, Instant from, Instant now) {
    long seconds = Duration.between(from, now).toSeconds();
    if (validated <= 0 || seconds < 5) {
      return "";
    }
    return String.format("  %.1f/min", validated * 60.0 / seconds);
  }
}
