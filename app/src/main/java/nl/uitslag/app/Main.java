package nl.uitslag.app;

/** Entry point of the executable jar; the picocli commands are added with the foundation. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    throw new UnsupportedOperationException("the command line is not built yet");
  }
}
