package nl.uitslag.app;

import nl.uitslag.app.cli.UitslagCommand;
import picocli.CommandLine;

/**
 * Entry point of the executable jar. Only {@code serve} and {@code demo} start Spring; every other command runs
 * without it, so offline tools (verification, keys, apportionment) stay fast and small.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int exit = UitslagCommand.commandLine().execute(args);
    if (exit != UitslagCommand.KEEP_RUNNING) {
      System.exit(exit);
    }
  }
}
