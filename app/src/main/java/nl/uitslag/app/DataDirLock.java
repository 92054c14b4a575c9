package nl.uitslag.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on the data directory, held while a server runs, so a second server or a restore
 * cannot work on the same database at the same time.
 */
public final class DataDirLock {
  private static FileLock held;

  private DataDirLock() {}

  /** Takes the lock for the life of this process, or fails when another process holds it. */
  public static synchronized void acquire(Path dataDir) {
    if (held != null) {
      return;
    }
    FileLock lock = tryLock(dataDir);
    if (lock == null) {
      throw new IllegalStateException(
          "Er draait al een Uitslag-server op " + dataDir + " / another Uitslag server uses " + dataDir);
    }
    held = lock;
  }

  /** Whether a running server holds the lock of this data directory. */
  public static boolean isHeldElsewhere(Path dataDir) {
    FileLock lock = tryLock(dataDir);
    if (lock == null) {
      return true;
    }
    try {
      lock.release();
      lock.channel().close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return false;
  }

  private static FileLock tryLock(Path dataDir) {
    try {
      FileChannel channel =
          FileChannel.open(dataDir.resolve("uitslag.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        FileLock lock = channel.tryLock();
        if (lock == null) {
          channel.close();
        }
        return lock;
      } catch (OverlappingFileLockException sameProcess) {
        channel.close();
        return null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
