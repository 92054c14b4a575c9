package nl.uitslag.app.cli;

import java.io.Console;
import java.util.concurrent.Callable;
import nl.uitslag.app.users.UserService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Creates an administrator from the console. The password is read from the console (or from standard input when
 * there is none) and never from an argument, so it does not end up in shell history or the process list.
 */
@Command(
    name = "create-admin",
    mixinStandardHelpOptions = true,
    description = {
      "Maak een beheerder aan vanaf de console.",
      "Creates an administrator from the console."
    })
public final class CreateAdminCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "Gebruikersnaam / user name")
  String username;

  @Mixin DataDirOption dataDir = new DataDirOption();

  @Option(names = "--name", description = "Volledige naam / full name")
  String fullName;

  @Override
  public Integer call() throws Exception {
    char[] password = readPassword();
    try (ConfigurableApplicationContext ctx =
        dataDir.start()) {
      ctx.getBean(UserService.class)
          .createAdministrator(username, fullName == null ? username : fullName, password, "console");
      System.out.println("Beheerder " + username + " aangemaakt. / Administrator " + username + " created.");
      return 0;
    } finally {
      java.util.Arrays.fill(password, '\0');
    }
  }

  private static char[] readPassword() throws java.io.IOException {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("Wachtwoord / password: ");
      char[] second = console.readPassword("Nogmaals / again: ");
      if (!java.util.Arrays.equals(first, second)) {
        throw new IllegalArgumentException("De wachtwoorden verschillen. / The passwords differ.");
      }
      return first;
    }
    var reader = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
    String line = reader.readLine();
    if (line == null) {
      throw new IllegalArgumentException("Geen wachtwoord op de invoer. / No password on standard input.");
    }
    return line.toCharArray();
  }
}
